// The matcher in steps: compileMatcherSteps and findMatchesSliced yield when asked and give the
// same answers as the one-go calls (less the rules that read around a term, for sliced scans).
import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  compileMatcherSteps,
  createPageContext,
  type Match,
  type MatcherEntry,
} from '../../../src/matcher';

const ENTRIES: MatcherEntry[] = [
  { id: 'huawei', aliases: ['Huawei', '华为'] },
  { id: 'nvidia', aliases: ['Nvidia'] },
  { id: 'guizhou', kind: 'place', aliases: ['Guizhou'] },
];

/** Runs a generator to its end, counting its yields. */
function drive<T>(steps: Generator<void, T, void>): { value: T; yields: number } {
  let yields = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

const rows = (matches: readonly Match[]) => matches.map((m) => [m.start, m.end, m.entryId]);

describe('compileMatcherSteps', () => {
  // 40 aliases: a look at the deadline after every 16.
  const many: MatcherEntry[] = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, aliases: [`Term${i}x`] }));

  it('never yields when the deadline never passes', () => {
    expect(drive(compileMatcherSteps(many, () => false)).yields).toBe(0);
  });

  it('yields between aliases when the deadline passes, and the matcher it gives finds the same', () => {
    const { value, yields } = drive(compileMatcherSteps(many, () => true));
    expect(yields).toBeGreaterThanOrEqual(3);
    const text = 'Term3x, Term39x and Term40x';
    expect(rows(value.findMatches(text, createPageContext()))).toEqual([
      [0, 6, 'e3'],
      [8, 15, 'e39'],
    ]);
  });
});

describe('findMatchesSliced', () => {
  const text = 'Huawei or Nvidia'; // 16 units: four whole chunks of 4

  it('yields after each chunk when asked, and finds terms across chunk ends', () => {
    const matcher = compileMatcher(ENTRIES);
    const { value, yields } = drive(matcher.findMatchesSliced(text, createPageContext(), 4, () => true));
    expect(yields).toBe(4);
    expect(rows(value)).toEqual([
      [0, 6, 'huawei'],
      [10, 16, 'nvidia'],
    ]);
  });

  it('never yields when the deadline never passes', () => {
    const matcher = compileMatcher(ENTRIES);
    expect(drive(matcher.findMatchesSliced(text, createPageContext(), 4, () => false)).yields).toBe(0);
  });

  it('returns the shared frozen empty array when nothing matches', () => {
    const matcher = compileMatcher(ENTRIES);
    const page = createPageContext();
    const none = drive(matcher.findMatchesSliced('nothing here', page, 4, () => false)).value;
    expect(none).toHaveLength(0);
    expect(none).toBe(matcher.findMatches('nor here', page));
  });

  it('leaves out the rules that read around a term, which findMatches applies', () => {
    const matcher = compileMatcher(ENTRIES);
    const news = 'the Guizhou Daily said';
    expect(rows(matcher.findMatches(news, createPageContext()))).toEqual([]);
    expect(rows(drive(matcher.findMatchesSliced(news, createPageContext(), 8, () => false)).value)).toEqual([
      [4, 11, 'guizhou'],
    ]);
  });

  it('records the entries it accepts in the page context', () => {
    const matcher = compileMatcher(ENTRIES);
    const page = createPageContext();
    drive(matcher.findMatchesSliced('华为 and Nvidia', page, 3, () => false));
    expect([...page.seen]).toEqual(['huawei', 'nvidia']);
  });
});
