// Full names and titles for afterEntry surnames.
import { describe, expect, it } from 'vitest';
import { isFullName, titleStart } from '../../../src/matcher/titles';

describe('isFullName', () => {
  it.each([
    ['Xi Jinping', true],
    ['Donald J. Trump', true],
    ['习近平', true],
    ['Xi  Jinping', true],
    ['Trump', false],
    ['President Trump', false],
    ['Trump administration', false],
    ['iPhone Maker', false],
  ])('%j: %s', (alias, full) => {
    expect(isFullName(alias)).toBe(full);
  });
});

describe('titleStart', () => {
  it.each([
    ['President Xi', 10, 0],
    ['said Mr. Huang', 9, 5],
    ['the chief executive Huang', 20, 4],
    ['Xi', 0, -1],
    ['StartMr Huang', 8, -1],
  ])('%j before %i starts at %i', (text, start, expected) => {
    expect(titleStart(text, start)).toBe(expected);
  });
});
