// Whose policy: "export controls" in the digest are the US's. China's own "rare-earth export
// curbs" are not, nor is a list Beijing keeps. The words right before the term (its noun phrase:
// up to three words, no punctuation between) or the object right after it ("… on rare earths")
// name the owner; when they name another country, the term is not the entry.
import type { PolicyOwner } from '../digest/schema';

/** Possessives and adjectives that make a policy a country's own, in English and Chinese. */
const OWNER_WORDS: Record<PolicyOwner, RegExp> = {
  us: /^(?:US|U\.S\.|American|America's|America’s|Washington's|Washington’s|美国|美國|美方)$/u,
  china:
    /^(?:China's|China’s|Chinese|Beijing's|Beijing’s|rare-earths?|earths?|gallium|germanium|graphite|antimony|中国|中國|中方|我国|我國|稀土|商务部|商務部)$/iu,
};
/** What only China restricts the export of: "export controls on rare earths". */
const CHINA_OBJECTS =
  /^\s+(?:on|for|of)\s+(?:\w+\s+)?(?:rare[- ]earths?|gallium|germanium|graphite|antimony|critical minerals|magnets)\b/iu;
/** Words that end a noun phrase going backwards: the possessive before them owns something else. */
const LINK_WORDS = new Set([
  'to',
  'of',
  'on',
  'against',
  'by',
  'with',
  'from',
  'for',
  'about',
  'over',
  'and',
  'or',
  'at',
  'in',
  'is',
  'was',
  'has',
  'have',
  'said',
  'says',
  'the',
]);
/** In a Chinese clause: rare earths, "our country", "China's side", "against the US", "countermeasures". */
const CJK_CHINA_NEAR = /稀土|中方|我国|我國|对美|對美|反制/u;
/** The nearest owner wins: "對美方制裁" are the US side's sanctions, whatever the clause says. */
const CJK_US_RIGHT_BEFORE = /美方|美国|美國/u;
/** Stops that end the Chinese clause before a term. */
const CJK_CLAUSE_STOPS = new Set('。！？；');
/** How far back the Chinese clause before a term is read. */
const CJK_CLAUSE_REACH = 80;

/** The Chinese clause before `start`: back to the last sentence or clause stop, at most CJK_CLAUSE_REACH units. */
function clauseBefore(text: string, start: number): string {
  const from = Math.max(0, start - CJK_CLAUSE_REACH);
  let clauseStart = start;
  while (clauseStart > from && !CJK_CLAUSE_STOPS.has(text.charAt(clauseStart - 1))) clauseStart--;
  return text.slice(clauseStart, start);
}

const WHITE_SPACE = /\s/u;
/** What ends a phrase going backwards, besides white space. */
const PHRASE_STOPS = new Set(',.;:!?()"“”，。；：！？（）');
/** How far back the phrase before a term is read. */
const PHRASE_REACH = 60;

/**
 * The (up to) three words before `start` in the same phrase, without trailing space: each word
 * followed by white space, none holding a stop. Read backwards by hand: an end-anchored pattern
 * would be tried from every character of the text before.
 */
function phraseBefore(text: string, start: number): string {
  const from = Math.max(0, start - PHRASE_REACH);
  let phraseStart = start;
  for (let words = 0; words < 3; words++) {
    let wordEnd = phraseStart;
    while (wordEnd > from && WHITE_SPACE.test(text.charAt(wordEnd - 1))) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > from && isWordUnit(text.charAt(wordStart - 1))) wordStart--;
    if (wordEnd === phraseStart || wordStart === wordEnd) break;
    phraseStart = wordStart;
  }
  return text.slice(phraseStart, start).trimEnd();
}

function isWordUnit(ch: string): boolean {
  return !PHRASE_STOPS.has(ch) && !WHITE_SPACE.test(ch);
}

/** Whether the policy named at text[start, end) is another country's than `owner`'s. */
export function ownedByOther(text: string, start: number, end: number, owner: PolicyOwner): boolean {
  const other: PolicyOwner = owner === 'us' ? 'china' : 'us';
  const words = phraseBefore(text, start).split(/\s+/u).reverse();
  // Back from the term over its modifiers: "China's new export controls", not "Beijing's answer to export controls".
  for (const word of words) {
    if (OWNER_WORDS[other].test(word)) return true;
    if (LINK_WORDS.has(word.toLowerCase())) break;
  }
  if (other === 'china' && CHINA_OBJECTS.test(text.slice(end, end + 60))) return true;
  // Chinese runs without spaces: look back over the clause.
  if (other !== 'china' || CJK_US_RIGHT_BEFORE.test(text.slice(Math.max(0, start - 3), start))) return false;
  return CJK_CHINA_NEAR.test(clauseBefore(text, start));
}
