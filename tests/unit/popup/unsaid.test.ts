import { describe, expect, it } from 'vitest';
import { digest as bundled } from '../../../src/digest';
import { createDigestLookup } from '../../../src/digest/lookup';
import type { Digest, Entry, Fact } from '../../../src/digest/schema';
import { UNSAID_MAX_ITEMS, unsaidOnPage } from '../../../src/popup/unsaid';

function fact(text: string, label: Fact['label'] = 'reported'): Fact {
  return label === 'reported'
    ? { text, sources: ['src-a'], evidence: { 'src-a': [1] }, label }
    : { text, sources: ['src-b'], evidence: { 'src-b': [1] }, label, by: 'Someone' };
}

function entry(id: string, related: string[], facts: Fact[] = [fact(`${id} fact`)]): Entry {
  return {
    id,
    name: id.toUpperCase(),
    kind: 'company',
    topics: ['chips'],
    aliases: [id],
    summary: { text: `${id}.`, sources: ['src-a'], evidence: { 'src-a': [1] } },
    gist: { text: `${id}.`, sources: ['src-a'], evidence: { 'src-a': [1] } },
    facts,
    cardFacts: [],
    quotes: [],
    related,
  };
}

/** a and b are "on the page" in the tests; c…g are not. */
const digest: Digest = {
  version: 1,
  sources: ['src-a', 'src-b', 'src-c'].map((id, i) => ({
    id,
    file: `00${i}_0123456789abcdef.txt`,
    outlet: id,
    short: id,
    kind: 'news' as const,
    date: { date: '2025' },
    description: id,
    contributes: id,
  })),
  topics: [{ id: 'chips', label: 'Chips', description: 'Chips.', color: { light: '#1f5fbf', dark: '#6ea8ff' } }],
  entries: [
    entry('a', ['c', 'd', 'b', 'e']),
    entry('b', ['c', 'f']),
    entry('c', []),
    entry('d', [], [fact('d opinion', 'opinion'), fact('d reported')]),
    entry('e', []),
    entry('f', []),
    entry('g', [], []),
  ],
  timeline: [],
  disputes: [
    {
      id: 'all-on-page',
      question: 'Both sides named?',
      entries: ['a', 'b'],
      sides: [
        { text: 'Yes.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        { text: 'No.', sources: ['src-b'], evidence: { 'src-b': [1] } },
      ],
    },
    {
      id: 'unrelated',
      question: 'Nothing on the page?',
      entries: ['e', 'f'],
      sides: [
        { text: 'Yes.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        { text: 'No.', sources: ['src-b'], evidence: { 'src-b': [1] } },
      ],
    },
    {
      id: 'about-b',
      question: 'About b and g?',
      entries: ['b', 'g'],
      sides: [
        { text: 'Yes.', sources: ['src-c', 'src-a'], evidence: { 'src-c': [1], 'src-a': [1] } },
        { text: 'No.', sources: ['src-a'], evidence: { 'src-a': [1] } },
      ],
    },
    {
      id: 'about-a',
      question: 'About a and e?',
      entries: ['a', 'e', 'c'],
      sides: [
        { text: 'Yes.', sources: ['src-b'], evidence: { 'src-b': [1] } },
        { text: 'No.', sources: ['src-c'], evidence: { 'src-c': [1] } },
      ],
    },
  ],
  briefing: [],
};
const lookup = createDigestLookup(digest);
const found = [
  { id: 'b', count: 1 },
  { id: 'a', count: 4 },
];

describe('unsaidOnPage', () => {
  it('picks disputes that reach beyond the page, the most-mentioned entries first', () => {
    const disputes = unsaidOnPage(lookup, found).filter((item) => item.kind === 'dispute');
    expect(disputes).toEqual([
      { kind: 'dispute', id: 'about-a', question: 'About a and e?', sources: ['src-b', 'src-c'], missing: ['e', 'c'] },
      { kind: 'dispute', id: 'about-b', question: 'About b and g?', sources: ['src-c', 'src-a'], missing: ['g'] },
    ]);
  });

  it('skips disputes the page already covers, and disputes it does not touch', () => {
    const ids = unsaidOnPage(lookup, found).map((item) => (item.kind === 'dispute' ? item.id : item.entryId));
    expect(ids).not.toContain('all-on-page');
    expect(ids).not.toContain('unrelated');
  });

  it('adds one fact per related entry missing from the page, taking turns between found entries', () => {
    const facts = unsaidOnPage(lookup, found).filter((item) => item.kind === 'fact');
    // a (4 mentions) offers c, then b offers f (c is taken), then a offers d; 5 items in all.
    expect(facts.map((item) => item.kind === 'fact' && [item.entryId, item.via])).toEqual([
      ['c', 'a'],
      ['f', 'b'],
      ['d', 'a'],
    ]);
  });

  it('prefers a reported fact to an opinion', () => {
    const d = unsaidOnPage(lookup, found).find((item) => item.kind === 'fact' && item.entryId === 'd');
    expect(d?.kind === 'fact' && d.fact.text).toBe('d reported');
  });

  it('stops at the limit', () => {
    expect(unsaidOnPage(lookup, found)).toHaveLength(UNSAID_MAX_ITEMS);
    expect(unsaidOnPage(lookup, found, 1).map((item) => item.kind)).toEqual(['dispute']);
    expect(unsaidOnPage(lookup, found, 0)).toEqual([]);
  });

  it('has nothing to say about an empty page or an unknown entry', () => {
    expect(unsaidOnPage(lookup, [])).toEqual([]);
    expect(unsaidOnPage(lookup, [{ id: 'nope', count: 3 }])).toEqual([]);
  });

  it('gives at most five items for the bundled digest, none about an entry on the page', () => {
    const onPage = [
      { id: 'huawei', count: 5 },
      { id: 'nvidia', count: 5 },
      { id: 'deepseek', count: 2 },
      { id: 'export-controls', count: 2 },
    ];
    const real = createDigestLookup(bundled);
    const items = unsaidOnPage(real, onPage);
    expect(items.length).toBe(UNSAID_MAX_ITEMS);
    const ids = new Set(onPage.map((e) => e.id));
    for (const item of items) {
      if (item.kind === 'fact') {
        expect(ids.has(item.entryId)).toBe(false);
        expect(ids.has(item.via)).toBe(true);
        for (const s of item.fact.sources) expect(real.source(s)).toBeDefined();
      } else {
        expect(item.missing.length).toBeGreaterThan(0);
        for (const s of item.sources) expect(real.source(s)).toBeDefined();
      }
    }
  });
});
