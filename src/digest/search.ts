// Finds digest entries by name or alias as a reader types. Pure.
//
// Names and aliases are compared in a folded form: compatibility-decomposed (full-width letters
// read as ASCII), accents dropped, lower case, and with spaces and punctuation removed, so
// "cloud matrix", "CloudMatrix-384" and "ｃｌｏｕｄｍａｔｒｉｘ" all find CloudMatrix 384. Chinese
// has no case or spacing to fold; the digest lists simplified and traditional forms as aliases.
import { once } from './once';
import type { Entry, EntryKind } from './schema';

/** How well a name or alias matched, best first. */
export const MATCH_TIERS = ['exact', 'prefix', 'word-prefix', 'substring'] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchMatch {
  tier: MatchTier;
  /** The name or alias that matched, as the digest writes it. */
  text: string;
}

export interface SearchHit {
  entry: Entry;
  /** Null when the query is empty and every entry that passes the filters is listed. */
  match: SearchMatch | null;
}

export interface SearchFilters {
  /** Keep entries with this topic among their topics. */
  topic?: string;
  kind?: EntryKind;
}

export interface EntrySearch {
  /** Ranked: tier, then the shorter matched term, then digest order. An empty query lists all, by name. */
  search(query: string, filters?: SearchFilters): SearchHit[];
}

/** Lower case, no accents, full-width forms as ASCII; anything but letters and digits becomes a space. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A name or alias ready to compare: folded without spaces, and where each of its words starts. */
interface SearchTerm {
  text: string;
  compact: string;
  wordStarts: readonly number[];
}

function searchTerm(text: string): SearchTerm {
  const wordStarts: number[] = [];
  let compact = '';
  for (const word of foldForSearch(text).split(' ')) {
    wordStarts.push(compact.length);
    compact += word;
  }
  return { text, compact, wordStarts };
}

function tierOf(term: SearchTerm, query: string): MatchTier | null {
  const at = term.compact.indexOf(query);
  if (at < 0) return null;
  if (term.compact.length === query.length) return 'exact';
  if (at === 0) return 'prefix';
  if (term.wordStarts.some((start) => start > 0 && term.compact.startsWith(query, start))) return 'word-prefix';
  return 'substring';
}

interface RankedMatch {
  match: SearchMatch;
  /** The tier's place in MATCH_TIERS. */
  rank: number;
  /** The matched term's folded length. */
  length: number;
}

/** The entry's best match: best tier, then the shortest term (the closest fit), then the name before aliases. */
function bestMatch(terms: readonly SearchTerm[], query: string): RankedMatch | null {
  let best: RankedMatch | null = null;
  for (const term of terms) {
    const tier = tierOf(term, query);
    if (tier === null) continue;
    const rank = MATCH_TIERS.indexOf(tier);
    if (best === null || rank < best.rank || (rank === best.rank && term.compact.length < best.length)) {
      best = { match: { tier, text: term.text }, rank, length: term.compact.length };
    }
  }
  return best;
}

function passes(entry: Entry, filters: SearchFilters): boolean {
  return (
    (filters.topic === undefined || entry.topics.includes(filters.topic)) &&
    (filters.kind === undefined || entry.kind === filters.kind)
  );
}

export function createEntrySearch(entries: readonly Entry[]): EntrySearch {
  // Built on the first search that needs them, not when the page that offers search opens.
  const indexed = once(() =>
    entries.map((entry, order) => ({
      entry,
      order,
      // The name first, so it wins a tie with an alias that reads the same.
      terms: [entry.name, ...entry.aliases.map((a) => (typeof a === 'string' ? a : a.text))].map(searchTerm),
    })),
  );
  const byName = once(() => [...entries].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })));

  return {
    search(query, filters = {}) {
      const folded = foldForSearch(query).replaceAll(' ', '');
      if (folded === '')
        return byName()
          .filter((e) => passes(e, filters))
          .map((entry) => ({ entry, match: null }));

      const found: (RankedMatch & { entry: Entry; order: number })[] = [];
      for (const { entry, order, terms } of indexed()) {
        const best = passes(entry, filters) ? bestMatch(terms, folded) : null;
        if (best) found.push({ ...best, entry, order });
      }
      found.sort((a, b) => a.rank - b.rank || a.length - b.length || a.order - b.order);
      return found.map(({ entry, match }) => ({ entry, match }));
    },
  };
}
