// Context rules make ambiguous aliases count only where the text around them says they are
// meant ("H20" near "chip", "Xi" once Xi Jinping was named). The regexes are compiled once, with
// the matcher, and run only for candidates that survived every cheaper check.
import type { AliasRule } from '../digest/schema';
import { edgeCodePoints, joinsAfter, joinsBefore, joinsWords } from './boundaries';
import { normaliseTerm, quote, SPACE } from './normalise';

export interface ContextRule {
  /** Block must contain one of these words (one regex per word); null when the alias has no `near`. */
  readonly near: readonly RegExp[] | null;
  /** Block must contain none of these words; null when the alias has no `notNear`. */
  readonly notNear: readonly RegExp[] | null;
  /** The entry must already have been matched on the page. */
  readonly afterEntry: boolean;
}

const WHITE_SPACE_RUN = '[\\s\\u0085]+';
const REGEX_SYNTAX = '\\^$.*+?()[]{}|/';

/** A pattern for one normalised word that reads spaces, hyphens and apostrophes as the matcher does. */
function wordPattern(word: string): string {
  let pattern = '';
  for (const ch of word) {
    if (ch.charCodeAt(0) === SPACE) pattern += WHITE_SPACE_RUN;
    else if (ch === '-') pattern += '[\\-\\u2010\\u2011]';
    else if (ch === "'") pattern += "['\\u2019]";
    else pattern += REGEX_SYNTAX.includes(ch) ? `\\${ch}` : ch;
  }
  return pattern;
}

/**
 * One plain regex per word, case-insensitive. Whole-word checks use the matcher's own boundary
 * rules (see containsWord): \p{…} lookarounds cost milliseconds to compile with the i flag, and
 * one alternation of all words could not retry a shorter word ("export") where a longer one
 * ("export control") was rejected for its boundary ("export controls").
 */
function wordsRegexes(words: readonly string[] | undefined, describe: (word: string) => string): RegExp[] | null {
  if (words === undefined || words.length === 0) return null;
  return words.map((word) => {
    const normalised = normaliseTerm(word);
    if (normalised === '') throw new Error(`${describe(word)} is empty after normalisation`);
    return new RegExp(wordPattern(normalised), 'giu');
  });
}

/** Whether the word `word` (a regex from wordsRegexes) occurs in `text` as a whole word. */
function containsWord(text: string, word: RegExp): boolean {
  word.lastIndex = 0;
  for (let found = word.exec(text); found !== null; found = word.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    const [first, last] = edgeCodePoints(found[0]);
    if (!(joinsWords(first) && joinsBefore(text, start)) && !(joinsWords(last) && joinsAfter(text, end))) return true;
    word.lastIndex = start + 1;
  }
  return false;
}

/** The compiled rules of an alias, or null when it has none. `where` names the alias in errors. */
export function compileContextRule(rule: AliasRule, where: () => string): ContextRule | null {
  const near = wordsRegexes(rule.near, (word) => `${where()}: near word ${quote(word)}`);
  const notNear = wordsRegexes(rule.notNear, (word) => `${where()}: notNear word ${quote(word)}`);
  const afterEntry = rule.afterEntry === true;
  return near === null && notNear === null && !afterEntry ? null : { near, notNear, afterEntry };
}

/**
 * Whether the block's words allow the alias (near / notNear); afterEntry is the caller's, as it
 * depends on scan order. Once the page has named the entry (`entrySeen`), a later block need not
 * repeat the near words: "H20" alone after a paragraph about Nvidia's H20 chip is the chip.
 */
export function wordsAllow(rule: ContextRule, text: string, entrySeen: boolean): boolean {
  const { near, notNear } = rule;
  return (
    (near === null || entrySeen || near.some((word) => containsWord(text, word))) &&
    !notNear?.some((word) => containsWord(text, word))
  );
}
