// Scoring per tests/eval/README.md: a mention is found when a highlight of its entry overlaps it;
// a highlight is correct when it overlaps a mention of its entry, unscored inside an `ignore`
// span, false otherwise. Pure, so the rules are unit-tested apart from the browser.
import type { Annotation, Mention, Span } from './corpus';

/** A highlight read from the page: code-point offsets into the text, and the entry its card shows. */
export interface Highlight {
  start: number;
  end: number;
  entry: string;
  surface: string;
}

export interface TextScore {
  found: Mention[];
  missed: Mention[];
  correct: Highlight[];
  /** With the trap it fell on, if any. */
  falses: { highlight: Highlight; trap?: Span & { why?: string } }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function scoreText(annotation: Annotation, highlights: readonly Highlight[]): TextScore {
  const score: TextScore = { found: [], missed: [], correct: [], falses: [] };
  for (const m of annotation.mentions) {
    const hit = highlights.some((h) => h.entry === m.entry && overlaps(h, m));
    (hit ? score.found : score.missed).push(m);
  }
  for (const h of highlights) {
    if (annotation.mentions.some((m) => m.entry === h.entry && overlaps(h, m))) score.correct.push(h);
    else if (annotation.ignore.some((s) => s.start <= h.start && h.end <= s.end)) continue;
    else score.falses.push({ highlight: h, trap: annotation.traps.find((t) => overlaps(h, t)) });
  }
  return score;
}

export interface Tally {
  mentions: number;
  found: number;
  correct: number;
  falses: number;
  /** Traps annotated, and how many of them were lit. */
  traps: number;
  trapsLit: number;
}

export const emptyTally = (): Tally => ({ mentions: 0, found: 0, correct: 0, falses: 0, traps: 0, trapsLit: 0 });

export function addTo(t: Tally, mentions: number, found: number, correct: number, falses: number): void {
  t.mentions += mentions;
  t.found += found;
  t.correct += correct;
  t.falses += falses;
}

export const recall = (t: Tally) => (t.mentions === 0 ? 1 : t.found / t.mentions);
export const precision = (t: Tally) => (t.correct + t.falses === 0 ? 1 : t.correct / (t.correct + t.falses));

/** Tallies keyed by group (entry, language, class…), created on first use. */
export class Tallies {
  readonly byKey = new Map<string, Tally>();

  get(key: string): Tally {
    let t = this.byKey.get(key);
    if (!t) {
      t = emptyTally();
      this.byKey.set(key, t);
    }
    return t;
  }
}

interface Scored {
  lang: string;
  annotation: Annotation;
  score: TextScore;
}

export interface Summary {
  overall: Tally;
  byLang: Tallies;
  byEntry: Tallies;
  byClass: Tallies;
}

function addText(sum: Summary, { lang, annotation, score }: Scored): void {
  for (const t of [sum.overall, sum.byLang.get(lang)])
    addTo(t, annotation.mentions.length, score.found.length, score.correct.length, score.falses.length);
  for (const m of annotation.mentions) {
    const hit = score.found.includes(m) ? 1 : 0;
    addTo(sum.byEntry.get(m.entry), 1, hit, 0, 0);
    if (m.class) addTo(sum.byClass.get(m.class), 1, hit, 0, 0);
  }
  for (const h of score.correct) addTo(sum.byEntry.get(h.entry), 0, 0, 1, 0);
  for (const f of score.falses) addTo(sum.byEntry.get(f.highlight.entry), 0, 0, 0, 1);
}

function addTraps(sum: Summary, { lang, annotation, score }: Scored): void {
  for (const t of annotation.traps) {
    const lit = score.falses.some((f) => f.trap === t) ? 1 : 0;
    for (const tally of [sum.overall, sum.byLang.get(lang), sum.byClass.get(t.class ?? 'unclassed trap')]) {
      tally.traps++;
      tally.trapsLit += lit;
    }
  }
}

/** Overall, per language, per entry and per class of failure, over every scored text. */
export function summarise(scored: readonly Scored[]): Summary {
  const sum: Summary = { overall: emptyTally(), byLang: new Tallies(), byEntry: new Tallies(), byClass: new Tallies() };
  for (const text of scored) {
    addText(sum, text);
    addTraps(sum, text);
  }
  return sum;
}
