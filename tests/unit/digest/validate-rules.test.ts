// Validation rules that an audit could break without any test noticing: each test here fails on
// one such small change (a mutant) to src/digest/validate.ts.
import { describe, expect, it } from 'vitest';
import { validateDigest } from '../../../src/digest/validate';
import { minimalDigest } from './helpers';

// biome-ignore lint/suspicious/noExplicitAny: fixtures deliberately break the types
type Loose = any;

function errorsAfter(mutate: (d: Loose) => void): string[] {
  const d: Loose = structuredClone(minimalDigest());
  mutate(d);
  const result = validateDigest(d);
  return result.ok ? [] : result.errors;
}

describe('calendar dates', () => {
  it('29 February exists in 2000 and 2024 but not in 2100 (divisible by 100, not by 400)', () => {
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2000-02-29' }))).toEqual([]);
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2024-02-29' }))).toEqual([]);
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2100-02-29' }))).toEqual([
      'timeline[0] (id "launch").date.date: 2100-02-29 is not a real calendar date (month 2 of 2100 has 28 days)',
    ]);
  });

  it('30-day months end on the 30th and 31-day months on the 31st', () => {
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2025-06-31' }))).toEqual([
      'timeline[0] (id "launch").date.date: 2025-06-31 is not a real calendar date (month 6 of 2025 has 30 days)',
    ]);
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2025-07-31' }))).toEqual([]);
    expect(errorsAfter((d) => (d.timeline[0].date = { date: '2025-06-30' }))).toEqual([]);
  });
});

describe('ids listed twice', () => {
  it('in related, in a timeline event and in a dispute', () => {
    const errors = errorsAfter((d) => {
      d.entries[0].related = ['beta', 'beta'];
      d.timeline[0].entries = ['alpha', 'alpha'];
      d.disputes[0].entries = ['beta', 'alpha', 'beta'];
    });
    expect(errors).toEqual([
      'entries[0] (id "alpha").related[1]: entry id "beta" is listed twice',
      'timeline[0] (id "launch").entries[1]: entry id "alpha" is listed twice',
      'disputes[0] (id "who-wins").entries[2]: entry id "beta" is listed twice',
    ]);
  });

  it('a topic', () => {
    expect(errorsAfter((d) => (d.entries[1].topics = ['people', 'chips', 'people']))).toEqual([
      'entries[1] (id "beta").topics[2]: topic "people" is listed twice',
    ]);
  });

  it('an alias in the same entry, in any case', () => {
    expect(errorsAfter((d) => d.entries[0].aliases.push('ALPHA corp'))).toEqual([
      'entries[0] (id "alpha").aliases[2]: alias "ALPHA corp" is listed twice in this entry (also aliases[0])',
    ]);
  });

  it('the same alias twice in one entry is fine when one copy carries a context rule', () => {
    expect(errorsAfter((d) => d.entries[0].aliases.push({ text: 'Alpha Corp', near: ['chip'] }))).toEqual([]);
  });
});

describe('aliases shared between entries', () => {
  it('are separated whichever of the two entries carries the near words', () => {
    const planetFirst = errorsAfter((d) => {
      d.entries[0].aliases.push({ text: 'Mercury', near: ['planet'] });
      d.entries[1].aliases.push({ text: 'Mercury', near: ['singer'], notNear: ['planet'] });
    });
    const singerFirst = errorsAfter((d) => {
      d.entries[0].aliases.push({ text: 'Mercury', near: ['singer'], notNear: ['planet'] });
      d.entries[1].aliases.push({ text: 'Mercury', near: ['planet'] });
    });
    expect(planetFirst).toEqual([]);
    expect(singerFirst).toEqual([]);
  });

  it('are not separated when only some of the near words are forbidden to the other', () => {
    expect(
      errorsAfter((d) => {
        d.entries[0].aliases.push({ text: 'Mercury', near: ['singer'], notNear: ['planet'] });
        d.entries[1].aliases.push({ text: 'Mercury', near: ['planet', 'orbit'] });
      }),
    ).toEqual([
      'entries[1] (id "beta").aliases[2]: alias "Mercury" is also an alias of entry "alpha" (entries[0].aliases[2]); give them near/notNear rules that separate them',
    ]);
  });
});

describe('the text two aliases share', () => {
  const clash = (b: string, a: string) =>
    `entries[1] (id "beta").aliases[2]: alias "${b}" is also an alias of entry "alpha" (entries[0].aliases[${a}]); give them near/notNear rules that separate them`;

  it('two case-sensitive aliases clash only in the same case', () => {
    expect(errorsAfter((d) => d.entries[1].aliases.push({ text: 'ALPHA', caseSensitive: true }))).toEqual([]);
    expect(errorsAfter((d) => d.entries[1].aliases.push({ text: 'Alpha', caseSensitive: true }))).toEqual([
      clash('Alpha', '1'),
    ]);
  });

  it('a case-sensitive alias clashes with a plain one in any case', () => {
    expect(errorsAfter((d) => d.entries[1].aliases.push('ALPHA CORP'))).toEqual([clash('ALPHA CORP', '0')]);
    expect(errorsAfter((d) => d.entries[1].aliases.push('ALPHA'))).toEqual([clash('ALPHA', '1')]);
  });

  it('runs of white space read as one space; no white space is not a space', () => {
    expect(
      errorsAfter((d) => {
        d.entries[0].aliases.push({ text: 'Big Fund', caseSensitive: true });
        d.entries[1].aliases.push({ text: 'Big \u00a0 Fund', caseSensitive: true });
      }),
    ).toEqual([clash('Big \u00a0 Fund', '2')]);
    expect(
      errorsAfter((d) => {
        d.entries[0].aliases.push({ text: 'Big Fund', caseSensitive: true });
        d.entries[1].aliases.push({ text: 'BigFund', caseSensitive: true });
      }),
    ).toEqual([]);
  });
});

describe('short aliases', () => {
  it('four letters still need caseSensitive or a context rule; five do not', () => {
    expect(errorsAfter((d) => d.entries[1].aliases.push('Beab', 'Beabe'))).toEqual([
      'entries[1] (id "beta").aliases[2]: short alias "Beab" (4 letters or digits) must be caseSensitive or carry a context rule (near or afterEntry)',
    ]);
  });

  it('a notNear list alone is not enough context', () => {
    expect(errorsAfter((d) => d.entries[1].aliases.push({ text: 'Beab', notNear: ['bee'] }))).toEqual([
      'entries[1] (id "beta").aliases[2]: short alias "Beab" (4 letters or digits) must be caseSensitive or carry a context rule (near or afterEntry)',
    ]);
  });
});

describe('context rules', () => {
  it('an empty near list is an error, not a rule that can never be met', () => {
    expect(errorsAfter((d) => d.entries[0].aliases.push({ text: 'Alpha Chips', near: [] }))).toEqual([
      'entries[0] (id "alpha").aliases[2].near: alias "Alpha Chips" has an empty near list; remove it or add words',
    ]);
  });
});

describe('summary length', () => {
  // U+1F4BB (laptop) is one character but two UTF-16 code units.
  const laptop = '\u{1F4BB}';

  it('counts characters, not UTF-16 units: 300 astral characters pass', () => {
    expect(errorsAfter((d) => (d.entries[0].summary.text = laptop.repeat(300)))).toEqual([]);
  });

  it('301 astral characters are reported as 301', () => {
    expect(errorsAfter((d) => (d.entries[0].summary.text = laptop.repeat(301)))).toEqual([
      'entries[0] (id "alpha").summary.text: summary is 301 characters; the limit is 300',
    ]);
  });
});
