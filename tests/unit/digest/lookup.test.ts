import { describe, expect, it } from 'vitest';
import { createDigestLookup, formatDigestDate } from '../../../src/digest/lookup';
import type { Digest, Source } from '../../../src/digest/schema';
import { minimalDigest } from './helpers';

/** minimalDigest with a second source that only an event and a dispute of "alpha" cite, and one nobody cites. */
function digestWithSources(): Digest {
  const d = minimalDigest();
  const source = (id: string, file: string): Source => ({ ...structuredClone(d.sources[0] as Source), id, file });
  return {
    ...d,
    sources: [
      source('src-unused', '002_0123456789abcdef.txt'),
      ...d.sources,
      source('src-b', '001_0123456789abcdef.txt'),
    ],
    timeline: [
      ...d.timeline,
      {
        id: 'later',
        date: { date: '2025-01-02' },
        text: 'Beta speaks.',
        sources: ['src-b'],
        evidence: { 'src-b': [2] },
        entries: ['beta'],
      },
      {
        id: 'earlier',
        date: { date: '2023-05' },
        text: 'Alpha is founded.',
        sources: ['src-b'],
        evidence: { 'src-b': [3] },
        entries: ['alpha', 'beta'],
      },
    ],
  };
}

describe('createDigestLookup', () => {
  const lookup = createDigestLookup(digestWithSources());

  it('finds entries, topics and sources by id, and nothing for an unknown id', () => {
    expect(lookup.entry('beta')?.name).toBe('Bea Beta');
    expect(lookup.topic('people')?.label).toBe('People');
    expect(lookup.source('src-b')?.file).toBe('001_0123456789abcdef.txt');
    expect(lookup.entry('gamma')).toBeUndefined();
    expect(lookup.topic('gamma')).toBeUndefined();
    expect(lookup.source('gamma')).toBeUndefined();
  });

  it('names an entry’s first topic as its primary topic', () => {
    expect(lookup.primaryTopic('beta')).toBe('people');
    expect(lookup.primaryTopic('alpha')).toBe('chips');
    expect(lookup.primaryTopic('gamma')).toBeUndefined();
  });

  it('lists an entry’s events earliest first, and its disputes', () => {
    expect(lookup.eventsOf('alpha').map((e) => e.id)).toEqual(['earlier', 'launch']);
    expect(lookup.eventsOf('beta').map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(lookup.disputesOf('beta').map((d) => d.id)).toEqual(['who-wins']);
    expect(lookup.eventsOf('gamma')).toEqual([]);
    expect(lookup.disputesOf('gamma')).toEqual([]);
  });

  it('lists the sources an entry’s text and events cite, in digest order, and none for an unknown id', () => {
    expect(lookup.sourcesOf('alpha').map((s) => s.id)).toEqual(['src-a', 'src-b']);
    expect(lookup.sourcesOf('gamma')).toEqual([]);
  });
});

describe('formatDigestDate', () => {
  it.each([
    [{ date: '2025-04-25' }, 'Apr 25, 2025'],
    [{ date: '2025-01-01' }, 'Jan 1, 2025'],
    [{ date: '2025-12-31' }, 'Dec 31, 2025'],
    [{ date: '2025-04' }, 'Apr 2025'],
    [{ date: '2025-12' }, 'Dec 2025'],
    [{ date: '2025' }, '2025'],
    [{ date: '2025-04', approximate: true }, '~Apr 2025'],
    [{ date: '2025', approximate: true }, '~2025'],
    [{ date: '2025-04-25', approximate: false }, 'Apr 25, 2025'],
  ])('writes %j as %s', (date, text) => {
    expect(formatDigestDate(date)).toBe(text);
  });

  it('writes in the locale it is given', () => {
    expect(formatDigestDate({ date: '2025-04-25' }, 'en-GB')).toBe('25 Apr 2025');
    expect(formatDigestDate({ date: '2025-04-25' }, 'de')).toBe('25. Apr. 2025');
    expect(formatDigestDate({ date: '2025-04' }, 'fr')).toBe('avr. 2025');
  });
});
