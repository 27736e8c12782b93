import { describe, expect, it } from 'vitest';
import { isOnBeat } from '../../../src/matcher/beat';

describe('isOnBeat', () => {
  it.each([
    { entries: 0, matches: 0, on: false, why: 'nothing specific on the page' },
    { entries: 1, matches: 1, on: false, why: 'one passing core mention (a Huawei phone in a review)' },
    { entries: 1, matches: 2, on: false, why: 'one core subject named twice' },
    { entries: 1, matches: 3, on: true, why: 'one core subject discussed at length' },
    { entries: 2, matches: 2, on: true, why: 'two different core subjects' },
  ])('$why: $on', ({ entries, matches, on }) => {
    expect(isOnBeat(entries, matches)).toBe(on);
  });
});
