import { describe, expect, it } from 'vitest';
import { caseVariants, foldCodeUnit, normaliseCodeUnit, normaliseTerm, SPACE } from '../../../src/matcher/normalise';

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
