// Abbreviations a page defines for a digest entry: "National Taiwan University (NTU)" or
// "NTU (National Taiwan University)", with full-width （） too. From then on the short form is an
// alias of that entry on that page (and in that frame: each frame has its own page context).
import type { Match, PageContext } from './index';

/** Two to ten capitals, digits, "&" or "-", at least two of them capitals: NTU, SAMR, EDWC (not H200). */
const SHORT_FORM = '(?=(?:[^)）]*\\p{Lu}){2})\\p{Lu}[\\p{Lu}\\p{N}&-]{1,9}';
/** "(NTU)" right after a match. */
const DEFINED_AFTER = new RegExp(`^\\s*[(（]\\s*(${SHORT_FORM})\\s*[)）]`, 'u');
/** "NTU (" right before a match, and ")" right after it. */
const DEFINED_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${SHORT_FORM})\\s*[(（]\\s*$`, 'u');
const CLOSES = /^\s*[)）]/u;

/** A short form the page defined, and what its matches stand for. */
export interface PageAbbreviation {
  entryId: string;
  alias: number;
  gated: boolean;
}

/** The short form a match is defined by, if the text around it defines one. */
function definedShortForm(text: string, m: Match): string | undefined {
  const after = DEFINED_AFTER.exec(text.slice(m.end, m.end + 16));
  if (after) return after[1];
  if (!CLOSES.test(text.slice(m.end, m.end + 3))) return undefined;
  return DEFINED_BEFORE.exec(text.slice(Math.max(0, m.start - 16), m.start))?.[1];
}

/** Records every abbreviation the block defines for one of its matches. */
export function learnAbbreviations(text: string, matches: readonly Match[], page: PageContext): void {
  for (const m of matches) {
    const short = definedShortForm(text, m);
    if (short === undefined || page.abbreviations.has(short)) continue;
    // "(SMIC)" after "Huawei" names another entry, not a short form of Huawei.
    if (matches.some((other) => other !== m && text.slice(other.start, other.end) === short)) continue;
    page.abbreviations.set(short, { entryId: m.entryId, alias: m.alias, gated: m.gated });
    page.abbreviationPattern = null;
  }
}

function patternOf(page: PageContext): RegExp {
  if (page.abbreviationPattern === null) {
    // Short forms hold only letters, digits, "&" and "-", all literal here: escaping "&" or "-" is a
    // syntax error under the u flag, and "R&D (…)" on a page made every later block throw.
    const forms = [...page.abbreviations.keys()].join('|');
    page.abbreviationPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms})(?![\\p{L}\\p{N}])`, 'gu');
  }
  return page.abbreviationPattern;
}

/** The block's matches with the page's defined short forms added where nothing else matched. */
export function addAbbreviationMatches(text: string, matches: readonly Match[], page: PageContext): readonly Match[] {
  if (page.abbreviations.size === 0) return matches;
  const added: Match[] = [];
  for (const found of text.matchAll(patternOf(page))) {
    const start = found.index;
    const end = start + found[0].length;
    if (matches.some((m) => m.start < end && start < m.end)) continue;
    const def = page.abbreviations.get(found[0]) as PageAbbreviation;
    added.push({ start, end, entryId: def.entryId, alias: def.alias, gated: def.gated });
  }
  if (added.length === 0) return matches;
  return [...matches, ...added].sort((a, b) => a.start - b.start);
}
