// Unicode-aware word boundaries. A Latin-like term must not continue a word ("H20" in "H200"),
// but Han, Hiragana and Katakana are written without spaces, so they end a Latin word
// ("英伟达H20芯片") and CJK terms need no boundary at all.
import { isIgnorable } from './normalise';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const CJK_CHAR = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

const UNKNOWN = 0;
const JOINS = 1;
const SEPARATES = 2;
// Classified lazily, once per code unit ever seen next to a candidate: a regex per boundary
// check would allocate on a path that runs for every "ai" inside "said". ASCII, kana and the
// main Han blocks are answered without the regexes, whose Unicode sets take a millisecond or
// two to build; a unit test checks those shortcuts against the regexes.
const bmpKinds = new Uint8Array(0x10000);

function classify(codePoint: number): number {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39) ? JOINS : SEPARATES;
  }
  if ((codePoint >= 0x3040 && codePoint <= 0x30ff) || (codePoint >= 0x3400 && codePoint <= 0x9fff)) return SEPARATES;
  const ch = String.fromCodePoint(codePoint);
  return WORD_CHAR.test(ch) && !CJK_CHAR.test(ch) ? JOINS : SEPARATES;
}

/** A letter, digit or combining mark of a non-CJK script: next to a term, it makes the term part of a longer word. */
export function joinsWords(codePoint: number): boolean {
  if (codePoint > 0xffff) return classify(codePoint) === JOINS;
  const known = bmpKinds[codePoint];
  if (known !== undefined && known !== UNKNOWN) return known === JOINS;
  const kind = classify(codePoint);
  bmpKinds[codePoint] = kind;
  return kind === JOINS;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const joinSurrogates = (high: number, low: number) => (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;

/** The code point whose first code unit is text[p]. */
function codePointStartingAt(text: string, p: number): number {
  const unit = text.charCodeAt(p);
  const low = text.charCodeAt(p + 1);
  return isHighSurrogate(unit) && isLowSurrogate(low) ? joinSurrogates(unit, low) : unit;
}

/** The code point whose last code unit is text[p]. */
function codePointEndingAt(text: string, p: number): number {
  const unit = text.charCodeAt(p);
  const high = text.charCodeAt(p - 1);
  return isLowSurrogate(unit) && isHighSurrogate(high) ? joinSurrogates(high, unit) : unit;
}

/** Whether the character before `index` (ignorables skipped, surrogate pairs joined) continues a word. */
export function joinsBefore(text: string, index: number): boolean {
  let p = index - 1;
  while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
  return p >= 0 && joinsWords(codePointEndingAt(text, p));
}

/** Whether the character at `index` (ignorables skipped, surrogate pairs joined) continues a word. */
export function joinsAfter(text: string, index: number): boolean {
  let p = index;
  while (p < text.length && isIgnorable(text.charCodeAt(p))) p++;
  return p < text.length && joinsWords(codePointStartingAt(text, p));
}

/** The first and last code points of a non-empty string. */
export function edgeCodePoints(term: string): readonly [number, number] {
  return [codePointStartingAt(term, 0), codePointEndingAt(term, term.length - 1)];
}
