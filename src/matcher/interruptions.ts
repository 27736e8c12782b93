// Names interrupted by punctuation: "the ‘Unreliable Entity’ List", "Artificial Intelligence (AI)
// Plus". The block is read a second time with such interruptions taken out: quote marks around one
// to four words, and a parenthesised abbreviation between two words. Offsets map back to the block.

/**
 * Quote marks around one to four words, e.g. ‘Unreliable Entity’ (not a quoted sentence). An
 * apostrophe inside a word ("Huawei’s") opens nothing: the look-behind turns it away at once, which
 * real text, full of them, would otherwise pay for in backtracking.
 */
const QUOTED_WORDS =
  /(?<!\p{L})(["“”‘’'«»「」『』])([^\s"“”‘’«»「」『』]+(?:\s+[^\s"“”‘’«»「」『』]+){0,3})(["“”‘’'«»「」『』])(?!\p{L})/gu;
/**
 * A parenthesised abbreviation with a word after it: "(AI) Plus". The white space before it is
 * taken by hand (see interruptions): a pattern starting with \s* is tried at every character.
 */
const ABBREVIATION_BETWEEN = /[(（]\p{Lu}[\p{Lu}\p{N}&.+-]{0,9}[)）](?=\s*\p{L})/gu;
const WHITE_SPACE = /\s/u;
/** Cheap precheck before any regex work. */
const MAY_INTERRUPT = /["“”‘’'«»「」『』(（]/u;

export interface Bridged {
  text: string;
  /** Index in the bridged text → index in the block. */
  toBlock: number[];
}

/** The spans [start, end) of the block that interrupt a name, in order, or none. */
function interruptions(text: string): [number, number][] {
  const cuts: [number, number][] = [];
  for (const found of text.matchAll(QUOTED_WORDS)) {
    const at = found.index;
    const open = found[1] as string;
    const inner = found[2] as string;
    cuts.push([at, at + open.length], [at + open.length + inner.length, at + found[0].length]);
  }
  for (const found of text.matchAll(ABBREVIATION_BETWEEN)) {
    let start = found.index;
    while (start > 0 && WHITE_SPACE.test(text.charAt(start - 1))) start--;
    cuts.push([start, found.index + found[0].length]);
  }
  return cuts.sort((a, b) => a[0] - b[0]);
}

/** The block with its interruptions taken out, or null when it has none. */
export function bridgeInterruptions(text: string): Bridged | null {
  if (!MAY_INTERRUPT.test(text)) return null;
  const cuts = interruptions(text);
  if (cuts.length === 0) return null;
  let out = '';
  const toBlock: number[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    if (start < from) continue;
    out += text.slice(from, start);
    for (let i = from; i < start; i++) toBlock.push(i);
    from = end;
  }
  out += text.slice(from);
  for (let i = from; i < text.length; i++) toBlock.push(i);
  return { text: out, toBlock };
}

/** Whether a bridged span [start, end) crosses a cut, i.e. only the bridged reading finds it. */
export function crossesCut(bridged: Bridged, start: number, end: number): boolean {
  const { toBlock } = bridged;
  return (toBlock[end - 1] as number) - (toBlock[start] as number) !== end - 1 - start;
}
