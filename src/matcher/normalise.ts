// How page text and alias text are read, one UTF-16 code unit at a time. Aliases, the scanner's
// class table, exact-case checks and start offsets all go through normaliseCodeUnit, so a term
// reads the same however a page spaces, hyphenates or hides characters inside it.

/** normaliseCodeUnit's answer for characters that are invisible inside a term. */
export const SKIP = -1;
export const SPACE = 0x20;

/**
 * Every code unit that stands for something else inside a term: soft hyphens and zero-width
 * characters (pages insert them to steer line breaking) are skipped, any white space reads as
 * a space, the Unicode hyphens U+2010/U+2011 as "-", the typographic apostrophe as "'".
 */
export const SUBSTITUTES: ReadonlyMap<number, number> = new Map([
  ...[0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff].map((code) => [code, SKIP] as const),
  ...[
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
    0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
  ].map((code) => [code, SPACE] as const),
  [0x2010, 0x2d],
  [0x2011, 0x2d],
  [0x2019, 0x27],
]);

/** The code unit `code` stands for inside a term (see SUBSTITUTES). */
export function normaliseCodeUnit(code: number): number {
  return code > SPACE && code < 0x85 ? code : (SUBSTITUTES.get(code) ?? code);
}

export function isIgnorable(code: number): boolean {
  return normaliseCodeUnit(code) === SKIP;
}

/** An alias as the matcher reads it: ignorables dropped, white space runs collapsed to one space, trimmed. */
export function normaliseTerm(text: string): string {
  let out = '';
  let spacePending = false;
  for (let i = 0; i < text.length; i++) {
    const unit = normaliseCodeUnit(text.charCodeAt(i));
    if (unit === SKIP) continue;
    if (unit === SPACE) {
      spacePending = out !== '';
      continue;
    }
    if (spacePending) {
      out += ' ';
      spacePending = false;
    }
    out += String.fromCharCode(unit);
  }
  return out;
}

// ASCII and the caseless CJK, kana, Hangul-jamo and Yi range (U+2E80–U+A63F) skip String case
// mapping, which is slow before the JIT warms up; compiling runs once per page load.
// A unit test checks these shortcuts against the general rule over the whole BMP.
function isCaseless(code: number): boolean {
  return code >= 0x2e80 && code < 0xa640;
}

/**
 * The case-insensitive key of a code unit: lower(upper(c)) when both are single units, so
 * "ſ" and "s", "ς" and "σ", "K" (Kelvin) and "k" share a key; otherwise lower(c), or c itself.
 */
export function foldCodeUnit(code: number): number {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (isCaseless(code)) return code;
  const ch = String.fromCharCode(code);
  const upper = ch.toUpperCase();
  if (upper.length === 1) {
    const viaUpper = upper.toLowerCase();
    if (viaUpper.length === 1) return viaUpper.charCodeAt(0);
  }
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

// Characters whose key is not reachable through toUpperCase/toLowerCase of the key itself
// (micro sign, long s, dotless i, titlecase digraphs, Greek symbol and titlecase forms,
// compatibility signs). A unit test checks caseVariants, and so this list, over the whole BMP.
const UNREACHABLE_VARIANTS = [
  0x00b5, 0x0131, 0x017f, 0x01c5, 0x01c8, 0x01cb, 0x01f2, 0x0345, 0x03c2, 0x03d0, 0x03d1, 0x03d5, 0x03d6, 0x03f0,
  0x03f1, 0x03f4, 0x03f5, 0x1c80, 0x1c81, 0x1c82, 0x1c83, 0x1c84, 0x1c85, 0x1c86, 0x1c87, 0x1c88, 0x1e9b, 0x1e9e,
  0x1f88, 0x1f89, 0x1f8a, 0x1f8b, 0x1f8c, 0x1f8d, 0x1f8e, 0x1f8f, 0x1f98, 0x1f99, 0x1f9a, 0x1f9b, 0x1f9c, 0x1f9d,
  0x1f9e, 0x1f9f, 0x1fa8, 0x1fa9, 0x1faa, 0x1fab, 0x1fac, 0x1fad, 0x1fae, 0x1faf, 0x1fbc, 0x1fbe, 0x1fcc, 0x1ffc,
  0x2126, 0x212a, 0x212b,
];
const unreachableVariantsByKey = new Map<number, number[]>();
for (const variant of UNREACHABLE_VARIANTS) {
  const key = foldCodeUnit(variant);
  const list = unreachableVariantsByKey.get(key);
  if (list === undefined) unreachableVariantsByKey.set(key, [variant]);
  else list.push(variant);
}

/** Every code unit whose key is `key` (the key included), e.g. "ü" → ["ü", "Ü"]. */
export function caseVariants(key: number): number[] {
  const variants = [key];
  if (key < 0x80) {
    if (key >= 0x61 && key <= 0x7a) variants.push(key - 0x20);
  } else if (!isCaseless(key)) {
    const ch = String.fromCharCode(key);
    for (const other of [ch.toUpperCase(), ch.toLowerCase()]) {
      if (other.length !== 1) continue;
      const code = other.charCodeAt(0);
      if (!variants.includes(code) && foldCodeUnit(code) === key) variants.push(code);
    }
  }
  const unreachable = unreachableVariantsByKey.get(key);
  return unreachable === undefined ? variants : variants.concat(unreachable);
}

/** Whether text[start, end) reads exactly (same case) as the normalised `term`. */
export function readsExactly(text: string, start: number, end: number, term: string): boolean {
  let j = 0;
  let afterSpace = false;
  for (let i = start; i < end; i++) {
    const unit = normaliseCodeUnit(text.charCodeAt(i));
    if (unit === SKIP) continue;
    if (unit === SPACE) {
      if (afterSpace) continue;
      afterSpace = true;
    } else {
      afterSpace = false;
    }
    if (term.charCodeAt(j++) !== unit) return false;
  }
  return j === term.length;
}

/**
 * Where a term of `termLength` normalised units that ends with text[last] begins. Walking back
 * from a match is cheaper than recording every position on the way forward: the scanner then
 * does no bookkeeping per character, and this runs only for candidates.
 */
export function termStart(text: string, last: number, termLength: number): number {
  let start = last;
  for (let remaining = termLength - 1; remaining > 0; remaining--) {
    let unit = normaliseCodeUnit(text.charCodeAt(--start));
    while (unit === SKIP) unit = normaliseCodeUnit(text.charCodeAt(--start));
    // A run of white space (ignorables included) is one unit of the term.
    if (unit === SPACE) {
      while (start > 0) {
        const before = normaliseCodeUnit(text.charCodeAt(start - 1));
        if (before !== SPACE && before !== SKIP) break;
        start--;
      }
    }
  }
  return start;
}

/** A string quoted for an error message, with invisible characters spelled \uXXXX so the reader can see why it is empty. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/[\p{C}\p{Z}]/gu, (ch) => {
    if (ch === ' ') return ch;
    const code = ch.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
