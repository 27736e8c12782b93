// findMatches end to end on the per-alias facts the compiler records (gate, place, policy owner,
// anchors) and on how the page rules merge bridged and direct matches.
import { describe, expect, it } from 'vitest';
import { compileMatcher, compileMatcherSteps, createPageContext, type MatcherEntry } from '../../../src/matcher';

const ENTRIES: MatcherEntry[] = [
  { id: 'taiwan', kind: 'place', scope: 'broad', aliases: ['Taiwan'] },
  { id: 'forum', kind: 'organisation', aliases: ['Harbour'] },
  { id: 'tariffs', aliases: ['trade war', { text: 'tariffs', generic: true }] },
  { id: 'controls', policyOf: 'us', aliases: ['export controls'] },
  { id: 'huang', kind: 'person', aliases: ['Jensen Huang', { text: 'Huang', afterEntry: true }] },
  { id: 'musk', kind: 'person', aliases: ['Musk'] },
  { id: 'entity', aliases: ['Entity'] },
  { id: 'uel', aliases: ['Unreliable Entity List'] },
  { id: 'huawei', aliases: ['Huawei', '华为'] },
  { id: 'ai-plus', aliases: ['Artificial Intelligence Plus'] },
];

const rows = (text: string, page = createPageContext()) =>
  compileMatcher(ENTRIES)
    .findMatches(text, page)
    .map((m) => [text.slice(m.start, m.end), m.entryId, m.alias, m.gated]);

describe('findMatches: what the compiler records per alias', () => {
  it('gates broad entries and generic aliases, and nothing else', () => {
    expect(rows('Taiwan, the trade war and tariffs, Huawei')).toEqual([
      ['Taiwan', 'taiwan', 0, true],
      ['trade war', 'tariffs', 0, false],
      ['tariffs', 'tariffs', 1, true],
      ['Huawei', 'huawei', 0, false],
    ]);
  });

  it('reads a place between two capitalised words as part of a longer name, and no other kind', () => {
    const text = 'a talk at the Global Taiwan Forum and at the Global Harbour Forum about this.';
    expect(rows(text)).toEqual([['Harbour', 'forum', 0, false]]);
  });

  it('applies the policy-owner rule only to entries with an owner', () => {
    expect(rows('the Chinese export controls and the US tariffs')).toEqual([['tariffs', 'tariffs', 1, true]]);
  });

  it('lets a surname stand alone after the full name, not after a titled surname', () => {
    const page = createPageContext();
    expect(rows('Mr Huang spoke.', page)).toEqual([['Mr Huang', 'huang', 1, false]]);
    expect(rows('Huang left.', page)).toEqual([]);
    expect(rows('Jensen Huang spoke.', page)).toEqual([['Jensen Huang', 'huang', 0, false]]);
    expect(rows('Huang left.', page)).toEqual([['Huang', 'huang', 1, false]]);
  });

  it('does not let a titled afterEntry alias anchor an entry of no kind either', () => {
    const xi: MatcherEntry[] = [{ id: 'xi', aliases: ['Xi Jinping', { text: 'Xi', afterEntry: true }] }];
    const matcher = compileMatcher(xi);
    const page = createPageContext();
    expect(matcher.findMatches('President Xi spoke.', page)).toHaveLength(1);
    expect(matcher.findMatches('Xi left.', page)).toHaveLength(0);
  });

  it('does not let a one-word alias of a person anchor the entry', () => {
    const page = createPageContext();
    rows('Musk spoke.', page);
    rows('Jensen Huang spoke.', page);
    expect([...page.seen]).toEqual(['huang']);
  });
});

describe('findMatches: near words once the entry is seen', () => {
  const h20: MatcherEntry[] = [{ id: 'h20', aliases: [{ text: 'H20', near: ['chips'] }, 'Nvidia H20'] }];

  it('drops the near-word need for the rest of the block once the entry is named', () => {
    const text = 'H20 first, then the Nvidia H20, then H20 again.';
    const found = compileMatcher(h20)
      .findMatches(text, createPageContext())
      .map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(['Nvidia H20', 'H20']);
  });
});

describe('findMatches: bridged names among direct matches', () => {
  it('replaces the direct matches a bridged name covers, and keeps the rest in text order', () => {
    expect(rows('the ‘Unreliable Entity’ List, then Huawei')).toEqual([
      ['Unreliable Entity’ List', 'uel', 0, false],
      ['Huawei', 'huawei', 0, false],
    ]);
  });

  it('keeps direct matches that only touch a bridged name', () => {
    expect(rows('华为Artificial Intelligence (AI) Plus华为')).toEqual([
      ['华为', 'huawei', 1, false],
      ['Artificial Intelligence (AI) Plus', 'ai-plus', 0, false],
      ['华为', 'huawei', 1, false],
    ]);
  });

  it('returns the shared frozen empty array when a block with quote marks has no match', () => {
    const matcher = compileMatcher(ENTRIES);
    const page = createPageContext();
    const none = matcher.findMatches('nothing ‘quoted’ here', page);
    expect(none).toHaveLength(0);
    expect(none).toBe(matcher.findMatches('nor here', page));
  });
});

describe('compileMatcherSteps', () => {
  it('looks at the deadline after every 16 aliases, after the class table, and in the automaton build', () => {
    // 40 aliases "Term0x" … "Term39x": 85 trie states. Yields: aliases 16 and 32 (2), class table
    // (1), automaton: inserting (1), linking (2), numbering (1), filling (2), listing (1).
    const many: MatcherEntry[] = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, aliases: [`Term${i}x`] }));
    const steps = compileMatcherSteps(many, () => true);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBe(10);
  });
});
