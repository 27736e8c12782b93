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
/** The Chinese clause before a term: back to the last sentence or clause stop, at most 80 characters. */
const CJK_CLAUSE = /[^。！？；]*$/u;

/** The (up to) three words before `start` in the same phrase, without trailing space. */
function phraseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 60), start);
  const phrase = /(?:[^\s,.;:!?()"“”，。；：！？（）]+\s+){0,3}$/u.exec(before)?.[0] ?? '';
  return phrase.trimEnd();
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
  const clause = CJK_CLAUSE.exec(text.slice(Math.max(0, start - 80), start))?.[0] ?? '';
  return CJK_CHINA_NEAR.test(clause);
}
