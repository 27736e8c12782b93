import { describe, expect, it } from 'vitest';
import {
  caseVariants,
  foldCodeUnit,
  isIgnorable,
  normaliseCodeUnit,
  normaliseTerm,
  quote,
  readsExactly,
  SPACE,
  termStart,
} from '../../../src/matcher/normalise';

/** The folding rule without foldCodeUnit's shortcuts for ASCII and caseless scripts. */
function referenceFold(code: number): number {
  const ch = String.fromCharCode(code);
  const viaUpper = ch.toUpperCase().length === 1 ? ch.toUpperCase().toLowerCase() : '';
  if (viaUpper.length === 1) return viaUpper.charCodeAt(0);
  return ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : code;
}

describe('case folding (checked over the whole BMP)', () => {
  const byKey = new Map<number, number[]>();
  for (let code = 0; code < 0x10000; code++) {
    const key = referenceFold(code);
    byKey.set(key, [...(byKey.get(key) ?? []), code]);
  }

  it('foldCodeUnit follows the general rule, shortcuts included', () => {
    const differing: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (foldCodeUnit(code) !== referenceFold(code)) differing.push(code);
    expect(differing).toEqual([]);
  });

  it('keys are stable: folding a key gives the key', () => {
    const unstable = [...byKey.keys()].filter((key) => foldCodeUnit(key) !== key);
    expect(unstable).toEqual([]);
  });

  it('caseVariants lists exactly the code units that share a key', () => {
    const wrong = [...byKey].filter(
      ([key, codes]) =>
        caseVariants(key)
          .sort((a, b) => a - b)
          .join() !== codes.join(),
    );
    expect(wrong.map(([key]) => key)).toEqual([]);
  });

  it.each([
    ['ü', ['ü', 'Ü']],
    ['k', ['k', 'K', '\u212a']],
    ['s', ['s', 'S', 'ſ']],
    ['华', ['华']],
  ])('variants of %s', (key, variants) => {
    expect(caseVariants(key.charCodeAt(0)).map((code) => String.fromCharCode(code))).toEqual(variants);
  });
});

describe('normaliseCodeUnit', () => {
  it('reads exactly the Unicode White_Space characters as a space', () => {
    const whiteSpace: number[] = [];
    const readAsSpace: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (/\p{White_Space}/u.test(String.fromCharCode(code))) whiteSpace.push(code);
      if (normaliseCodeUnit(code) === SPACE) readAsSpace.push(code);
    }
    expect(readAsSpace).toEqual(whiteSpace);
  });
});

describe('normaliseTerm', () => {
  it.each([
    ['  Cloud\u00adMatrix \n\u00a0 384 ', 'CloudMatrix 384'],
    ['de\u2011risking', 'de-risking'],
    ['People’s', "People's"],
    ['\u200b\ufeff', ''],
  ])('%j → %j', (alias, normalised) => {
    expect(normaliseTerm(alias)).toBe(normalised);
  });
});

describe('isIgnorable', () => {
  it.each([
    ['soft hyphen', '\u00ad', true],
    ['zero-width space', '\u200b', true],
    ['byte order mark', '\ufeff', true],
    ['a space', ' ', false],
    ['a letter', 'a', false],
  ])('%s', (_what, ch, ignorable) => {
    expect(isIgnorable(ch.charCodeAt(0))).toBe(ignorable);
  });
});

describe('readsExactly', () => {
  it.each([
    ['the same case', 'Big Fund', 'Big Fund', true],
    ['another case', 'big Fund', 'Big Fund', false],
    ['a run of mixed white space', 'Big \u00a0\n Fund', 'Big Fund', true],
    ['an ignorable inside a word', 'Bi\u00adg Fund', 'Big Fund', true],
    ['an ignorable for the space', 'Big\u200bFund', 'Big Fund', false],
    ['a typographic apostrophe', 'People’s', "People's", true],
    ['too short', 'Big', 'Big Fund', false],
    ['too long', 'Big Funds', 'Big Fund', false],
    ['spaces in two places', 'A  B  C', 'A B C', true],
  ])('%s', (_what, text, term, exact) => {
    expect(readsExactly(text, 0, text.length, term)).toBe(exact);
  });

  it('reads only text[start, end)', () => {
    expect(readsExactly('the Big Fund said', 4, 12, 'Big Fund')).toBe(true);
    expect(readsExactly('the Big Fund said', 3, 12, 'Big Fund')).toBe(false);
  });
});

describe('termStart', () => {
  it.each([
    ['plain', 'the Big Fund', 11, 8, 4],
    ['a run of white space counts as one unit', 'the Big \u00a0 Fund', 13, 8, 4],
    ['ignorables inside a word are stepped over', 'the Bi\u00adg Fund', 12, 8, 4],
    ['ignorables within the white space run', 'the Big \u200b Fund', 13, 8, 4],
    ['a one-unit term starts where it ends', 'a b', 2, 1, 2],
    ['a term at the start of the text', 'Big  Fund', 8, 8, 0],
  ])('%s', (_what, text, last, length, start) => {
    expect(termStart(text, last, length)).toBe(start);
  });
});

describe('quote', () => {
  it.each([
    ['a plain string', 'Huawei', '"Huawei"'],
    ['spaces kept', 'Big Fund', '"Big Fund"'],
    ['invisible characters spelled out', 'a\u200b\u00adb', '"a\\u200b\\u00adb"'],
    ['a non-breaking space spelled out', 'a\u00a0b', '"a\\u00a0b"'],
    ['the last BMP code point in four digits', '\uffff', '"\\uffff"'],
    ['an astral format character spelled out', '\u{e0001}', '"\\u{e0001}"'],
    ['JSON escapes kept', 'a\tb"', '"a\\tb\\""'],
  ])('%s', (_what, text, quoted) => {
    expect(quote(text)).toBe(quoted);
  });
});
