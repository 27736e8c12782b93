// Searching the digest by name and alias, and the read-side helpers the reader page relies on.
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';
import { createDigestLookup, digestDatePrecision, timelineInDateOrder } from '../../../src/digest/lookup';
import type { Entry, Source, TimelineEvent } from '../../../src/digest/schema';
import { createEntrySearch, foldForSearch } from '../../../src/digest/search';
import { minimalDigest } from './helpers';

const search = createEntrySearch(digest.entries);
const ids = (query: string, filters?: Parameters<typeof search.search>[1]) =>
  search.search(query, filters).map((hit) => hit.entry.id);

/** An entry with only what search reads. */
function entry(id: string, name: string, aliases: Entry['aliases'] = [name]): Entry {
  const base = minimalDigest().entries[0] as Entry;
  return { ...base, id, name, aliases };
}

describe('foldForSearch', () => {
  it('drops case, accents and punctuation, and reads full-width letters as ASCII', () => {
    expect(foldForSearch('Huawei Technologies Co., Ltd.')).toBe('huawei technologies co ltd');
    expect(foldForSearch('Café Déjà-Vu')).toBe('cafe deja vu');
    expect(foldForSearch('ＣｌｏｕｄＭａｔｒｉｘ')).toBe('cloudmatrix');
    expect(foldForSearch('  华为 ')).toBe('华为');
    expect(foldForSearch('“?!”')).toBe('');
  });
});

describe('search over the real digest', () => {
  it('finds entries by their Chinese aliases, simplified and traditional', () => {
    expect(ids('华为')[0]).toBe('huawei');
    expect(ids('華為')[0]).toBe('huawei');
    expect(ids('英伟达')[0]).toBe('nvidia');
    expect(ids('習近平')[0]).toBe('xi-jinping');
    expect(ids('东数西算')[0]).toBe('eastern-data-western-computing');
  });

  it('says which alias matched, as the digest writes it', () => {
    const [hit] = search.search('英伟达');
    expect(hit?.match).toEqual({ tier: 'exact', text: '英伟达' });
  });

  it('ignores case, spacing and hyphens', () => {
    expect(ids('cloudmatrix')[0]).toBe('cloudmatrix-384');
    expect(ids('CLOUD MATRIX 384')[0]).toBe('cloudmatrix-384');
    expect(ids('deepseek')[0]).toBe('deepseek');
    expect(ids('haj yahya')[0]).toBe('jawad-haj-yahya');
  });

  it('finds by prefix and by substring', () => {
    expect(ids('camb')).toContain('cambricon');
    expect(ids('matrix')).toContain('cloudmatrix-384');
    expect(ids('伟达')).toContain('nvidia');
  });

  it('filters by topic (any of the entry’s topics) and by kind', () => {
    const people = ids('', { topic: 'people' });
    expect(people).toContain('xi-jinping');
    expect(people).toContain('south-china-morning-post');
    expect(people).not.toContain('huawei');
    expect(ids('huawei', { kind: 'product' })).not.toContain('huawei');
    expect(ids('', { kind: 'person' }).every((id) => digest.entries.find((e) => e.id === id)?.kind === 'person')).toBe(
      true,
    );
    expect(ids('nvidia', { topic: 'chips', kind: 'company' })).toEqual(['nvidia']);
  });

  it('lists every entry by name for an empty query, with no match', () => {
    for (const query of ['', '   ', '?!']) {
      const hits = search.search(query);
      expect(hits).toHaveLength(digest.entries.length);
      expect(hits.every((h) => h.match === null)).toBe(true);
    }
    const names = search.search('').map((h) => h.entry.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('finds nothing for a term the digest does not hold', () => {
    expect(ids('Samsung')).toEqual([]);
    expect(ids('三星')).toEqual([]);
  });
});

describe('ranking', () => {
  const ranked = createEntrySearch([
    entry('substring', 'Megachip Holdings'),
    entry('word-prefix', 'Big Chip Works'),
    entry('prefix-long', 'Chipmakers Alliance of Everywhere'),
    entry('prefix-short', 'Chipworks'),
    entry('alias-exact', 'Xinyuan Semiconductor', ['Xinyuan', 'CHIP']),
  ]);
  const rankedIds = (q: string) => ranked.search(q).map((h) => [h.entry.id, h.match?.tier]);

  it('puts an exact alias before a prefix, a prefix before a word start, a word start before a substring', () => {
    expect(rankedIds('chip')).toEqual([
      ['alias-exact', 'exact'],
      ['prefix-short', 'prefix'],
      ['prefix-long', 'prefix'],
      ['word-prefix', 'word-prefix'],
      ['substring', 'substring'],
    ]);
  });

  it('is accent-insensitive both ways', () => {
    const accented = createEntrySearch([entry('zurich', 'Zürich Institute'), entry('sao-paulo', 'Sao Paulo Lab')]);
    expect(accented.search('zurich').map((h) => h.entry.id)).toEqual(['zurich']);
    expect(accented.search('são').map((h) => h.entry.id)).toEqual(['sao-paulo']);
  });

  it('prefers the name when the name and an alias match equally', () => {
    const same = createEntrySearch([entry('a', 'Alpha', ['ALPHA', 'Alpha Corp'])]);
    expect(same.search('alpha')[0]?.match).toEqual({ tier: 'exact', text: 'Alpha' });
  });

  it('lists an empty query by name, ignoring case and accents', () => {
    const mixed = createEntrySearch([
      entry('zte', 'ZTE'),
      entry('eclair', 'Éclair Labs'),
      entry('beta', 'beta Works'),
      entry('delta', 'Delta Chips'),
      entry('alpha', 'Alpha'),
    ]);
    expect(mixed.search('').map((h) => h.entry.id)).toEqual(['alpha', 'beta', 'delta', 'eclair', 'zte']);
  });

  it('keeps digest order between equally good matches', () => {
    const ties = createEntrySearch([entry('first', 'Chip One'), entry('second', 'Chip Two')]);
    expect(ties.search('chip').map((h) => h.entry.id)).toEqual(['first', 'second']);
  });
});

describe('createDigestLookup', () => {
  it('builds its indexes on first use, not when created', () => {
    const d = minimalDigest();
    const read: string[] = [];
    const watched = new Proxy(d, {
      get(target, key, receiver) {
        if (typeof key === 'string') read.push(key);
        return Reflect.get(target, key, receiver);
      },
    });
    const lookup = createDigestLookup(watched);
    expect(read).toEqual([]);
    expect(lookup.entry('alpha')?.id).toBe('alpha');
    lookup.eventsOf('alpha');
    expect(read).toEqual(expect.arrayContaining(['entries', 'timeline']));
  });
});

describe('sourcesOf', () => {
  it('counts a source that only the gist cites, in digest order', () => {
    const d = minimalDigest();
    const extra = { ...structuredClone(d.sources[0] as Source), id: 'src-b', file: '001_0123456789abcdef.txt' };
    const alpha = d.entries[0] as Entry;
    const digestWithGist = {
      ...d,
      sources: [...d.sources, extra],
      entries: [
        { ...alpha, gist: { text: 'A gist.', sources: ['src-b'], evidence: { 'src-b': [2] } } },
        ...d.entries.slice(1),
      ],
    };
    const lookup = createDigestLookup(digestWithGist);
    expect(lookup.sourcesOf('alpha').map((s) => s.id)).toEqual(['src-a', 'src-b']);
  });
});

describe('digestDatePrecision', () => {
  it('reads the precision from the date’s length', () => {
    expect(digestDatePrecision({ date: '2025' })).toBe('year');
    expect(digestDatePrecision({ date: '2025-04' })).toBe('month');
    expect(digestDatePrecision({ date: '2025-04-25' })).toBe('day');
  });
});

describe('timelineInDateOrder', () => {
  const event = (id: string, date: string, approximate?: boolean): TimelineEvent => ({
    id,
    date: approximate ? { date, approximate } : { date },
    text: id,
    sources: ['src-a'],
    evidence: { 'src-a': [1] },
    entries: ['alpha'],
  });

  it('orders mixed precision earliest first, a year or month before the dates inside it', () => {
    const events = [
      event('day', '2025-04-25', true),
      event('month-late', '2025-09'),
      event('year', '2025', true),
      event('month', '2025-04'),
      event('older', '2024-12', true),
      event('oldest', '2017'),
    ];
    expect(timelineInDateOrder(events).map((e) => e.id)).toEqual([
      'oldest',
      'older',
      'year',
      'month',
      'day',
      'month-late',
    ]);
  });

  it('keeps digest order for equal dates and leaves its input alone', () => {
    const events = [event('b', '2025'), event('a', '2025'), event('c', '2024')];
    expect(timelineInDateOrder(events).map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(events.map((e) => e.id)).toEqual(['b', 'a', 'c']);
  });

  it("gives an entry's events in the same order as the reader's timeline", () => {
    const events = [event('month', '2025-04'), event('year', '2025'), event('day', '2025-04-25'), event('b', '2025')];
    const lookup = createDigestLookup({ ...minimalDigest(), timeline: events });
    expect(lookup.eventsOf('alpha').map((e) => e.id)).toEqual(['year', 'b', 'month', 'day']);
  });

  it('puts a year-only event right after the events it follows, before later dates', () => {
    const events = [
      { ...event('later-that-year', '2025'), after: ['session'] },
      event('autumn', '2025-09'),
      event('session', '2025-04-25'),
      event('start-of-year', '2025'),
      { ...event('after-that', '2025'), after: ['later-that-year'] },
      event('same-day', '2025-04-25'),
    ];
    expect(timelineInDateOrder(events).map((e) => e.id)).toEqual([
      'start-of-year',
      'session',
      'same-day',
      'later-that-year',
      'after-that',
      'autumn',
    ]);
  });

  it('an event dated after what it follows keeps its own date', () => {
    const events = [
      { ...event('late', '2025-10'), after: ['early'] },
      event('mid', '2025-06'),
      event('early', '2025-04'),
    ];
    expect(timelineInDateOrder(events).map((e) => e.id)).toEqual(['early', 'mid', 'late']);
  });

  it('does not loop on a circle of after hints (the validation rejects them)', () => {
    const events = [
      { ...event('a', '2025'), after: ['b'] },
      { ...event('b', '2025'), after: ['a'] },
    ];
    expect(
      timelineInDateOrder(events)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('orders the real timeline: no date before an earlier one, and every event after those it follows', () => {
    const ordered = timelineInDateOrder(digest.timeline);
    expect(ordered).toHaveLength(digest.timeline.length);
    const position = new Map(ordered.map((e, i) => [e.id, i]));
    for (let i = 1; i < ordered.length; i++) {
      const a = (ordered[i - 1] as TimelineEvent).date.date;
      const b = (ordered[i] as TimelineEvent).date.date;
      const n = Math.min(a.length, b.length);
      expect(a.slice(0, n) <= b.slice(0, n), `${a} then ${b}`).toBe(true);
    }
    const hinted = ordered.filter((e) => e.after);
    expect(hinted.length).toBeGreaterThan(0);
    for (const e of hinted) {
      for (const id of e.after ?? []) expect(position.get(id) as number).toBeLessThan(position.get(e.id) as number);
    }
  });
});
