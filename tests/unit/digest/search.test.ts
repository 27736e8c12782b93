// Searching the digest by name and alias, and the read-side helpers the reader page relies on.
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';
import { digestDatePrecision, timelineInDateOrder } from '../../../src/digest/lookup';
import type { Entry, TimelineEvent } from '../../../src/digest/schema';
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

  it('keeps digest order between equally good matches', () => {
    const ties = createEntrySearch([entry('first', 'Chip One'), entry('second', 'Chip Two')]);
    expect(ties.search('chip').map((h) => h.entry.id)).toEqual(['first', 'second']);
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

  it('orders the real timeline so no date comes before an earlier one', () => {
    const dates = timelineInDateOrder(digest.timeline).map((e) => e.date.date);
    expect(dates).toHaveLength(digest.timeline.length);
    for (let i = 1; i < dates.length; i++) expect((dates[i - 1] as string) <= (dates[i] as string)).toBe(true);
  });
});
