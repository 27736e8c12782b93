// biome-ignore-all lint/style/noNonNullAssertion: typed-array and table reads here are in bounds by construction; noUncheckedIndexedAccess cannot see that, and a runtime check would sit on the hot path.
// The term matcher: every alias of every entry compiled once into one automaton, then one pass
// per block of text. The scan loop does a class-table lookup and a transition per code unit and
// allocates nothing until a candidate survives its boundary and case checks.
import type { Alias, AliasRule, EntryScope, PolicyOwner } from '../digest/schema';
import { addAbbreviationMatches, learnAbbreviations, type PageAbbreviation } from './abbreviations';
import { type Automaton, buildAutomatonSteps, runToEnd } from './automaton';
import { edgeCodePoints, joinsAfter, joinsBefore, joinsWords } from './boundaries';
import { buildClassTable, type ClassTable, IGNORE, termSymbols } from './char-classes';
import { type ContextRule, compileContextRule, wordsAllow } from './context-rules';
import { bridgeInterruptions, crossesCut } from './interruptions';
import { insideLongerName } from './longer-name';
import { normaliseTerm, quote, readsExactly, termStart } from './normalise';
import { ownedByOther } from './policy-owner';
import { isFullName, titleStart } from './titles';

export interface MatcherEntry {
  id: string;
  aliases: readonly Alias[];
  /** Absent means core (see beat.ts). */
  scope?: EntryScope;
  /** Whose policy the entry is; the same words naming another country's policy do not count. */
  policyOf?: PolicyOwner;
  /** The digest's kind: places inside institutions' names are read by stricter rules (longer-name.ts). */
  kind?: string;
}

export interface Match {
  start: number;
  end: number;
  entryId: string;
  /** index into entry.aliases */
  alias: number;
  /** A broad entry or a generic alias: highlighted only on a page about the beat (beat.ts). */
  gated: boolean;
}

/** Page-level state for context rules; one per page scan, reset on a fresh pass. */
export interface PageContext {
  seen: Set<string>;
  /** Short forms the page defined for an entry ("… University (NTU)"), see abbreviations.ts. */
  abbreviations: Map<string, PageAbbreviation>;
  /** The abbreviations as one regex, built on first use after a change. */
  abbreviationPattern: RegExp | null;
}

export function createPageContext(): PageContext {
  return { seen: new Set(), abbreviations: new Map(), abbreviationPattern: null };
}

export interface Matcher {
  /**
   * Matches in one block of text (a paragraph's joined text), sorted by start, never
   * overlapping. start/end are UTF-16 offsets into `text`, end exclusive. Returns a shared
   * frozen empty array when there is no match (no allocation on the common path).
   */
  findMatches(text: string, page: PageContext): readonly Match[];
  /**
   * findMatches in steps of `chunk` characters, yielding after a step whenever `shouldYield()` says
   * so: one huge block of text (a 10 MB text node) cannot hold the thread for longer than a step.
   * The rules that read the text around a term (longer names, whose policy, interrupted names,
   * defined abbreviations) are left out: their regexes would run over the whole block in one task.
   * What is left is the scanner with the aliases' own rules.
   */
  findMatchesSliced(
    text: string,
    page: PageContext,
    chunk: number,
    shouldYield: () => boolean,
  ): Generator<void, readonly Match[], void>;
}

/** Where a scan of one text stands between steps; one per call, so interleaved calls stay apart. */
interface ScanCursor {
  state: number;
  found: Candidate[] | null;
}

const NO_MATCHES: readonly Match[] = Object.freeze([]);

const BOUNDARY_BEFORE = 1;
const BOUNDARY_AFTER = 2;

/** An alias occurrence that passed its boundary and case checks; `alias` is its global index. */
interface Candidate {
  start: number;
  end: number;
  alias: number;
}

/** What the scanner needs to know about each alias, indexed by the alias's global index. */
interface CompiledAliases {
  entryIds: string[];
  indexInEntry: number[];
  /** Length in normalised code units (a white space run counts as one). */
  lengths: number[];
  boundaries: number[];
  /** The normalised text for case-sensitive aliases, null for the others. */
  exactTexts: (string | null)[];
  rules: (ContextRule | null)[];
  gated: boolean[];
  owners: (PolicyOwner | null)[];
  places: boolean[];
  /** Whether a match lets the entry's afterEntry aliases (a surname alone) count from then on. */
  anchors: boolean[];
}

/** Aliases compiled between looks at the deadline: their context rules make each one costly while the JIT is cold. */
const ALIASES_PER_CHECK = 16;

function* compileAliases(
  entries: readonly MatcherEntry[],
  shouldYield: () => boolean,
): Generator<void, { aliases: CompiledAliases; terms: string[] }, void> {
  const aliases: CompiledAliases = {
    entryIds: [],
    indexInEntry: [],
    lengths: [],
    boundaries: [],
    exactTexts: [],
    rules: [],
    gated: [],
    owners: [],
    places: [],
    anchors: [],
  };
  const terms: string[] = [];
  for (const entry of entries) {
    for (let index = 0; index < entry.aliases.length; index++) {
      addAlias(aliases, terms, entry, index);
      if (terms.length % ALIASES_PER_CHECK === 0 && shouldYield()) yield;
    }
  }
  return { aliases, terms };
}

function addAlias(aliases: CompiledAliases, terms: string[], entry: MatcherEntry, index: number): void {
  const alias = entry.aliases[index]!;
  const rule: AliasRule = typeof alias === 'string' ? { text: alias } : alias;
  const where = () => `Entry "${entry.id}", alias ${quote(rule.text)}`;
  const term = normaliseTerm(rule.text);
  if (term === '') throw new Error(`${where()} is empty after normalisation`);
  // Only sides that begin or end with a non-CJK letter/digit need a boundary:
  // "U.S." may be followed by anything, "华为" may sit inside running text.
  const [first, last] = edgeCodePoints(term);
  aliases.entryIds.push(entry.id);
  aliases.indexInEntry.push(index);
  aliases.lengths.push(term.length);
  aliases.boundaries.push((joinsWords(first) ? BOUNDARY_BEFORE : 0) | (joinsWords(last) ? BOUNDARY_AFTER : 0));
  aliases.exactTexts.push(rule.caseSensitive === true ? term : null);
  aliases.rules.push(compileContextRule(rule, where));
  aliases.gated.push(entry.scope === 'broad' || rule.generic === true);
  aliases.owners.push(entry.policyOf ?? null);
  aliases.places.push(entry.kind === 'place');
  aliases.anchors.push(rule.afterEntry !== true && (entry.kind !== 'person' || isFullName(rule.text)));
  terms.push(term);
}

export function compileMatcher(entries: readonly MatcherEntry[]): Matcher {
  return runToEnd(compileMatcherSteps(entries, () => false));
}

/**
 * compileMatcher in steps, yielding whenever `shouldYield()` says so: compiling runs on the page's
 * main thread, once per page, and must not hold it for long.
 */
export function* compileMatcherSteps(
  entries: readonly MatcherEntry[],
  shouldYield: () => boolean,
): Generator<void, Matcher, void> {
  const { aliases, terms } = yield* compileAliases(entries, shouldYield);
  const table = buildClassTable(terms);
  if (shouldYield()) yield;
  const patterns = terms.map((term) => termSymbols(table, term));
  const automaton = yield* buildAutomatonSteps(patterns, table.symbolCount, table.spaceSymbol, shouldYield);
  return matcherOver(aliases, table, automaton);
}

function matcherOver(aliases: CompiledAliases, table: ClassTable, automaton: Automaton): Matcher {
  const { classes } = table;
  const { next, stride, firstReportingState, reportStart, reports } = automaton;
  const { entryIds, indexInEntry, lengths, boundaries, exactTexts, rules, gated, owners, places, anchors } = aliases;

  /** Where alias `alias`, ending with text[last], starts, or -1 when its boundaries or case reject it there. */
  function candidateStart(text: string, last: number, alias: number): number {
    const end = last + 1;
    const boundary = boundaries[alias]!;
    if ((boundary & BOUNDARY_AFTER) !== 0 && joinsAfter(text, end)) return -1;
    const start = termStart(text, last, lengths[alias]!);
    if ((boundary & BOUNDARY_BEFORE) !== 0 && joinsBefore(text, start)) return -1;
    const exact = exactTexts[alias]!;
    if (exact !== null && !readsExactly(text, start, end, exact)) return -1;
    return start;
  }

  /** Candidates for every alias the automaton reports after text[last]. */
  function collect(text: string, last: number, state: number, found: Candidate[] | null): Candidate[] | null {
    const r = state - firstReportingState;
    for (let k = reportStart[r]!, stop = reportStart[r + 1]!; k < stop; k++) {
      const alias = reports[k]!;
      const start = candidateStart(text, last, alias);
      // Stryker disable next-line ConditionalExpression: equivalent, select skips a start of -1 (below lastEnd = 0)
      if (start < 0) continue;
      if (found === null) found = [];
      found.push({ start, end: last + 1, alias });
    }
    return found;
  }

  /** Where the candidates of the block being selected start: "Trump-Xi" pairs two names. */
  let termStarts: ReadonlySet<number> = new Set();

  /**
   * Where the candidate's match starts by its alias's own rules (before it when a title is
   * attached), or -1 when they reject it: afterEntry, near / notNear.
   */
  function ruleStart(c: Candidate, text: string, page: PageContext, verdicts: Map<number, boolean>): number {
    const { alias } = c;
    const rule = rules[alias]!;
    if (rule === null) return c.start;
    const seen = page.seen.has(entryIds[alias]!);
    const start = rule.afterEntry && !seen ? titleStart(text, c.start) : c.start;
    // Stryker disable next-line ConditionalExpression: equivalent, the line below returns -1 for it too
    if (start < 0) return -1;
    return wordsAllowCached(alias, rule, text, seen, verdicts) ? start : -1;
  }

  /** wordsAllow, cached per block while the entry is unseen; once seen, the near words no longer matter. */
  function wordsAllowCached(
    alias: number,
    rule: ContextRule,
    text: string,
    seen: boolean,
    verdicts: Map<number, boolean>,
  ): boolean {
    if (seen) return wordsAllow(rule, text, true);
    let allowed = verdicts.get(alias);
    // Stryker disable next-line ConditionalExpression: equivalent, the cache only saves recomputing the same verdict
    if (allowed === undefined) {
      allowed = wordsAllow(rule, text, false);
      verdicts.set(alias, allowed);
    }
    return allowed;
  }

  /** Whether the words around the candidate say it is not the entry: a longer name, another country's policy. */
  function nameRulesReject(c: Candidate, text: string): boolean {
    const { alias } = c;
    if (insideLongerName(text, c.start, c.end, places[alias]!, termStarts)) return true;
    const owner = owners[alias]!;
    return owner !== null && ownedByOther(text, c.start, c.end, owner);
  }

  /** Where the candidate's match starts, or -1 when a rule rejects it. */
  function acceptedStart(
    c: Candidate,
    text: string,
    page: PageContext,
    verdicts: Map<number, boolean>,
    nameRules: boolean,
  ): number {
    const start = ruleStart(c, text, page, verdicts);
    // Stryker disable next-line ConditionalExpression: equivalent, a negative start is a rejection either way
    return start >= 0 && nameRules && nameRulesReject(c, text) ? -1 : start;
  }

  /**
   * Leftmost, then longest, never overlapping; rules are applied in text order. `nameRules`: the
   * rules that read the words around a term (longer names, whose policy); off for huge blocks.
   */
  function select(candidates: Candidate[], text: string, page: PageContext, nameRules: boolean): readonly Match[] {
    candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.alias - b.alias);
    const matches: Match[] = [];
    const verdicts = new Map<number, boolean>();
    termStarts = new Set(candidates.map((c) => c.start));
    let lastEnd = 0;
    for (const c of candidates) {
      if (c.start < lastEnd) continue;
      const start = acceptedStart(c, text, page, verdicts, nameRules);
      if (start < 0) continue;
      const entryId = entryIds[c.alias]!;
      matches.push({
        start: Math.max(start, lastEnd),
        end: c.end,
        entryId,
        alias: indexInEntry[c.alias]!,
        gated: gated[c.alias]!,
      });
      if (anchors[c.alias]!) page.seen.add(entryId);
      lastEnd = c.end;
    }
    return matches.length === 0 ? NO_MATCHES : matches;
  }

  function scan(text: string, page: PageContext): readonly Match[] {
    const cursor: ScanCursor = { state: 0, found: null };
    advance(text, 0, text.length, cursor);
    return cursor.found === null ? NO_MATCHES : select(cursor.found, text, page, true);
  }

  /**
   * The page-level rules around one block's matches: names interrupted by quote marks or a
   * parenthesised abbreviation (interruptions.ts), then the short forms the page defines
   * (abbreviations.ts).
   */
  function withPageRules(text: string, page: PageContext, direct: readonly Match[]): readonly Match[] {
    let matches = direct;
    const bridged = bridgeInterruptions(text);
    if (bridged !== null) {
      const across = scan(bridged.text, page)
        .filter((m) => crossesCut(bridged, m.start, m.end))
        .map((m) => ({ ...m, start: bridged.toBlock[m.start]!, end: bridged.toBlock[m.end - 1]! + 1 }));
      if (across.length > 0) {
        const kept = matches.filter((m) => !across.some((a) => a.start < m.end && m.start < a.end));
        matches = [...kept, ...across].sort((a, b) => a.start - b.start);
      }
    }
    learnAbbreviations(text, matches, page);
    return addAbbreviationMatches(text, matches, page);
  }

  /** Runs the automaton over text[from, to), carrying its state in `cursor`. */
  function advance(text: string, from: number, to: number, cursor: ScanCursor): void {
    let state = cursor.state;
    let found = cursor.found;
    for (let i = from; i < to; i++) {
      const symbol = classes[text.charCodeAt(i)]!;
      if (symbol === IGNORE) continue;
      state = next[state * stride + symbol]!;
      // Stryker disable next-line ConditionalExpression: equivalent, a state below it has no reports to collect
      if (state >= firstReportingState) found = collect(text, i, state, found);
    }
    cursor.state = state;
    cursor.found = found;
  }

  return {
    findMatches(text, page) {
      return withPageRules(text, page, scan(text, page));
    },
    *findMatchesSliced(text, page, chunk, shouldYield) {
      const cursor: ScanCursor = { state: 0, found: null };
      for (let from = 0; from < text.length; from += chunk) {
        advance(text, from, Math.min(text.length, from + chunk), cursor);
        if (shouldYield()) yield;
      }
      return cursor.found === null ? NO_MATCHES : select(cursor.found, text, page, false);
    },
  };
}
