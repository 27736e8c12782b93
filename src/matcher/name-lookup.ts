// Which entry a short piece of text names, e.g. a selection the reader wants looked up. Pure.
import { createPageContext, type Matcher, type MatcherEntry } from './index';
import { foldCodeUnit, normaliseTerm } from './normalise';

function key(text: string): string {
  let out = '';
  for (const ch of normaliseTerm(text)) out += String.fromCharCode(foldCodeUnit(ch.charCodeAt(0)));
  return out;
}

/**
 * An exact alias first, in any case: a selection is short, so context rules ("H20" only near chip
 * words) would reject most of them. Otherwise the first entry the matcher finds in the text,
 * with every entry counted as already seen so "afterEntry" aliases count.
 */
export function entryNamedBy(text: string, entries: readonly MatcherEntry[], matcher: Matcher): string | undefined {
  const wanted = key(text.trim().replace(/[’']s$/u, ''));
  if (wanted === '') return undefined;
  for (const entry of entries) {
    if (entry.aliases.some((a) => key(typeof a === 'string' ? a : a.text) === wanted)) return entry.id;
  }
  const seen = new Set(entries.map((e) => e.id));
  return matcher.findMatches(text, { ...createPageContext(), seen })[0]?.entryId;
}
