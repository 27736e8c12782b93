import { describe, expect, it } from 'vitest';
import { joinsAfter, joinsBefore, joinsWords } from '../../../src/matcher/boundaries';

const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const reference = (codePoint: number) => {
  const ch = String.fromCodePoint(codePoint);
  return WORD.test(ch) && !CJK.test(ch);
};

describe('joinsWords', () => {
  it('agrees with the Unicode definition over the whole BMP, shortcuts included', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (joinsWords(code) !== reference(code)) differing.push(code);
    expect(differing).toEqual([]);
  });

  it.each([
    ['a letter', 'é', true],
    ['a digit', '7', true],
    ['a combining mark', '\u0301', true],
    ['a Cyrillic letter', 'б', true],
    ['a Han character', '华', false],
    ['a Han character outside the BMP', '𠀀', false],
    ['Hiragana', 'の', false],
    ['Katakana', 'ア', false],
    ['an astral letter', '𝐀', true],
    ['an emoji', '😀', false],
    ['an apostrophe', '’', false],
    ['NBSP', '\u00a0', false],
  ])('%s (%s) → %s', (_what, ch, joins) => {
    expect(joinsWords(ch.codePointAt(0) ?? -1)).toBe(joins);
  });
});

describe('joinsBefore / joinsAfter', () => {
  it.each([
    ['text start', '', 0, false],
    ['letter', 'ab', 1, true],
    ['space', 'a b', 2, false],
    ['letter behind a soft hyphen', 'a\u00adb', 2, true],
    ['astral letter', '𝐀b', 2, true],
    ['emoji', '😀b', 2, false],
    // the first and last surrogate values: U+10000 (D800 DC00), U+1D7FF (D835 DFFF)
    ['astral letter at the first surrogate values', '\u{10000}b', 2, true],
    ['astral digit at the last low surrogate', '\u{1d7ff}b', 2, true],
    ['a lone low surrogate', 'a\udc00b', 2, false],
    ['a letter after a lone high surrogate', '\ud800ab', 2, true],
  ])('before: %s', (_what, text, index, joins) => {
    expect(joinsBefore(text, index)).toBe(joins);
  });

  it.each([
    ['text end', 'a', 1, false],
    ['letter', 'ab', 1, true],
    ['letter behind a zero-width space', 'a\u200bb', 1, true],
    ['astral letter', 'a𝐀', 1, true],
    ['emoji', 'a😀', 1, false],
    ['astral letter at the first surrogate values', 'a\u{10000}', 1, true],
    ['astral digit at the last low surrogate', 'a\u{1d7ff}', 1, true],
    // joined with the "a" after it, the lone high surrogate would read as U+2461 ②, a digit
    ['a lone high surrogate', 'x\ud800a', 1, false],
    ['a letter before a lone low surrogate', 'xa\udc00', 1, true],
  ])('after: %s', (_what, text, index, joins) => {
    expect(joinsAfter(text, index)).toBe(joins);
  });
});
