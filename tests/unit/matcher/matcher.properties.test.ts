// Property-style tests over seeded random strings: structural guarantees, invariance under white
// space and invisible characters, and agreement with a brute-force reference matcher.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alias } from '../../../src/digest/schema';
import { compileMatcher, createPageContext, type Match, type Matcher, type MatcherEntry } from '../../../src/matcher';
import { ENTRIES } from './fixtures';

const RUNS = 400;

function random(seed: number): () => number {
  // mulberry32: small, fast, reproducible.
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}

function randomCase(rand: () => number, text: string): string {
  return [...text].map((ch) => (rand() < 0.3 ? ch.toUpperCase() : rand() < 0.3 ? ch.toLowerCase() : ch)).join('');
}

const FILLERS = [
  'the',
  'a',
  'chip',
  'chips',
  'robots',
  'phone',
  'taxi',
  'H200',
  'H2O',
  'said',
  'Shanghai',
  'é',
  'Ü',
  '的',
  '芯片',
  '华',
  '为',
  '中',
  'ー',
  '😀',
  '𝐀',
  '2',
  'б',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\t', '', '', '.', ',', '(', ')', '’s', "'s", '“', '”', '-', '/'];

/** A random block assembled from alias surfaces (in random case), filler words and separators. */
function randomText(rand: () => number, entries: readonly MatcherEntry[], extraWords: readonly string[] = []): string {
  const aliases = entries.flatMap((entry) => entry.aliases.map(aliasText));
  const words = [...FILLERS, ...extraWords];
  let text = '';
  const parts = 1 + Math.floor(rand() * 25);
  for (let i = 0; i < parts; i++) {
    text += rand() < 0.45 ? randomCase(rand, pick(rand, aliases)) : pick(rand, words);
    text += pick(rand, SEPARATORS);
  }
  return text;
}

type Row = readonly [number, number, string, number];
const rows = (matches: readonly Match[]): Row[] => matches.map((m) => [m.start, m.end, m.entryId, m.alias] as const);

/** Rebuilds `text` with `replace(ch, index)` in place of each code unit, and maps old offsets to new ones. */
function rewrite(
  text: string,
  replace: (ch: string, index: number) => string,
): { text: string; shift: (m: Match) => Row } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const replacement = replace(text.charAt(i), i);
    // A replacement may add characters before the original one (an ignorable) or replace it by a longer run.
    at.push(out.length + Math.max(0, replacement.indexOf(text.charAt(i))));
    out += replacement;
  }
  at.push(out.length);
  const to = (index: number) => at[index] ?? Number.NaN;
  return { text: out, shift: (m) => [to(m.start), to(m.end - 1) + 1, m.entryId, m.alias] };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const IGNORABLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const WHITE_SPACE = /[\s\u0085]/;
const joins = (ch: string | undefined) => ch !== undefined && WORD.test(ch) && !CJK.test(ch);

/**
 * A deliberately naive reference for aliases without context rules: normalise the whole text with
 * an offset map, try every alias at every position, then pick leftmost-longest greedily.
 */
function referenceMatches(entries: readonly MatcherEntry[], text: string): Row[] {
  const chars: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (IGNORABLE.test(ch)) continue;
    if (WHITE_SPACE.test(ch)) {
      if (chars.at(-1) === ' ') continue;
      chars.push(' ');
    } else {
      chars.push(ch === '\u2010' || ch === '\u2011' ? '-' : ch === '\u2019' ? "'" : ch);
    }
    from.push(i);
  }
  const visible = (step: number, index: number) => {
    let p = index;
    while (p >= 0 && p < text.length && IGNORABLE.test(text.charAt(p))) p += step;
    if (p < 0 || p >= text.length) return undefined;
    const codePoint = text.codePointAt(step < 0 && /[\udc00-\udfff]/.test(text.charAt(p)) ? p - 1 : p);
    return codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
  };
  const candidates: { start: number; end: number; order: number; row: Row }[] = [];
  let order = 0;
  for (const entry of entries) {
    entry.aliases.forEach((alias, index) => {
      const rule = typeof alias === 'string' ? { text: alias } : alias;
      const term = rule.text;
      const same = (a: string, b: string) => (rule.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
      for (let p = 0; p + term.length <= chars.length; p++) {
        if (!same(chars.slice(p, p + term.length).join(''), term)) continue;
        const start = from[p] ?? Number.NaN;
        const end = (from[p + term.length - 1] ?? Number.NaN) + 1;
        if (joins([...term].at(0)) && joins(visible(-1, start - 1))) continue;
        if (joins([...term].at(-1)) && joins(visible(1, end))) continue;
        candidates.push({ start, end, order, row: [start, end, entry.id, index] });
      }
      order++;
    });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const result: Row[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    result.push(c.row);
    lastEnd = c.end;
  }
  return result;
}

/**
 * The scanner alone: findMatchesSliced applies the aliases' own rules but none of the rules that
 * read the words around a term (longer names, whose policy, interrupted names, defined
 * abbreviations), which findMatches adds and the matcher table tests. Those rules are not meant to
 * agree with a plain reference (a "-Infer" suffix rejects "CloudMatrix").
 */
function scanOnly(matcher: Matcher, text: string): readonly Match[] {
  const steps = matcher.findMatchesSliced(text, createPageContext(), 1 << 20, () => false);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

const hasRules = (alias: Alias) => typeof alias !== 'string' && (alias.near || alias.notNear || alias.afterEntry);
/** Rule-free aliases from the fixtures plus sets that overlap heavily, to exercise failure links. */
const RULE_FREE: readonly MatcherEntry[] = [
  ...ENTRIES.map((entry) => ({ id: entry.id, aliases: entry.aliases.filter((alias) => !hasRules(alias)) })),
  { id: 'overlap-latin', aliases: ['new york', 'york times', 'new york times', 'times', 'new', 'times new roman'] },
  { id: 'overlap-cjk', aliases: ['甲乙', '乙丙', '甲乙丙丁', '丙', '乙 丙', '丁甲', '甲甲乙'] },
];
const OVERLAP_WORDS = ['new', 'york', 'times', 'roman', '甲', '乙', '丙', '丁', '甲乙', '乙丙丁'];

describe('findMatches properties', () => {
  // Compiled before each test, not while collecting, so Stryker credits the compile step to these
  // tests (see matcher.test.ts).
  let full: Matcher;
  let ruleFree: Matcher;
  beforeEach(() => {
    full = compileMatcher(ENTRIES);
    ruleFree = compileMatcher(RULE_FREE);
  });

  it('the scanner agrees with a brute-force reference on aliases without context rules', () => {
    const rand = random(1);
    for (let run = 0; run < RUNS; run++) {
      const text = randomText(rand, RULE_FREE, OVERLAP_WORDS);
      expect(rows(scanOnly(ruleFree, text)), JSON.stringify(text)).toEqual(referenceMatches(RULE_FREE, text));
    }
  });

  it('returns sorted, non-overlapping matches that do not start or end on white space or ignorables', () => {
    const rand = random(2);
    for (let run = 0; run < RUNS; run++) {
      const text = randomText(rand, ENTRIES);
      const matches = full.findMatches(text, createPageContext());
      let lastEnd = 0;
      for (const m of matches) {
        expect(m.start, JSON.stringify(text)).toBeGreaterThanOrEqual(lastEnd);
        expect(m.end).toBeGreaterThan(m.start);
        expect(m.end).toBeLessThanOrEqual(text.length);
        for (const edge of [text.charAt(m.start), text.charAt(m.end - 1)]) {
          expect(WHITE_SPACE.test(edge) || IGNORABLE.test(edge)).toBe(false);
        }
        lastEnd = m.end;
      }
    }
  });

  it('finds the same matches when spaces become NBSP or longer runs of Unicode spaces', () => {
    const rand = random(3);
    for (let run = 0; run < RUNS; run++) {
      const text = randomText(rand, ENTRIES);
      const expected = full.findMatches(text, createPageContext());
      const nbsp = text.replaceAll(' ', '\u00a0');
      expect(rows(full.findMatches(nbsp, createPageContext())), JSON.stringify(text)).toEqual(rows(expected));
      const widened = rewrite(text, (ch) => (ch === ' ' ? ' \u00a0\u2009\u202f' : ch));
      expect(rows(full.findMatches(widened.text, createPageContext())), JSON.stringify(text)).toEqual(
        expected.map(widened.shift),
      );
    }
  });

  it('the scanner finds the same matches when soft hyphens and zero-width characters are sprinkled in', () => {
    const rand = random(4);
    const invisible = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
    for (let run = 0; run < RUNS; run++) {
      const text = randomText(rand, RULE_FREE, OVERLAP_WORDS);
      const expected = scanOnly(ruleFree, text);
      // Never between the halves of a surrogate pair.
      const sprinkled = rewrite(text, (ch) =>
        rand() < 0.3 && !/[\udc00-\udfff]/.test(ch) ? pick(rand, invisible) + ch : ch,
      );
      expect(rows(scanOnly(ruleFree, sprinkled.text)), JSON.stringify(sprinkled.text)).toEqual(
        expected.map(sprinkled.shift),
      );
    }
  });
});
