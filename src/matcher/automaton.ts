// biome-ignore-all lint/style/noNonNullAssertion: typed-array and table reads here are in bounds by construction; noUncheckedIndexedAccess cannot see that, and a runtime check would sit on the hot path.
// Aho–Corasick over symbol sequences, expanded into a complete DFA: every state has a row with a
// transition for every symbol, so scanning costs one table lookup per code unit, with no
// failure-link loop and no per-term work.
//
// The builder uses flat typed arrays and indexed loops: it runs once per page load, mostly before
// the JIT has warmed up, where per-node arrays and iterators cost more than the work itself.

export interface Automaton {
  /** Row-major transitions: the state after `symbol` in `state` is next[state * stride + symbol]. */
  readonly next: Uint16Array | Uint32Array;
  readonly stride: number;
  /**
   * States are numbered so that exactly those from this id on report patterns: the scanner
   * detects a possible match with one comparison, without loading anything.
   */
  readonly firstReportingState: number;
  /** Patterns reported by state s are reports[reportStart[r] .. reportStart[r + 1]) with r = s - firstReportingState, longest first. */
  readonly reportStart: Int32Array;
  readonly reports: Int32Array;
}

const NONE = -1;
/** Loop iterations between looks at the deadline while building. */
const CHECK_EVERY = 64;

/** The trie of the patterns, sparse until the final numbering is known; children and terminals are linked lists. */
interface Trie {
  stride: number;
  stateCount: number;
  childOf: Map<number, number>; // state * stride + symbol → state
  label: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  firstTerminal: Int32Array;
  nextTerminal: Int32Array;
}

/** Failure and report links (the nearest state on the failure chain that ends a pattern), with the breadth-first order. */
interface Links {
  failure: Int32Array;
  reportLink: Int32Array;
  order: Int32Array;
}

function newTrie(patterns: readonly (readonly number[])[], stride: number): Trie {
  let maxStates = 1;
  for (let p = 0; p < patterns.length; p++) maxStates += patterns[p]!.length;
  return {
    stride,
    stateCount: 1,
    childOf: new Map(),
    label: new Int32Array(maxStates),
    firstChild: new Int32Array(maxStates).fill(NONE),
    nextSibling: new Int32Array(maxStates).fill(NONE),
    firstTerminal: new Int32Array(maxStates).fill(NONE),
    nextTerminal: new Int32Array(patterns.length).fill(NONE),
  };
}

/** Adds pattern `p` to the trie; its id is appended to its end state's terminals, so they stay in pattern order. */
function insertPattern(trie: Trie, pattern: readonly number[], p: number): void {
  const { stride, childOf, label, firstChild, nextSibling, firstTerminal, nextTerminal } = trie;
  let state = 0;
  for (let i = 0; i < pattern.length; i++) {
    const symbol = pattern[i]!;
    const key = state * stride + symbol;
    let child = childOf.get(key);
    if (child === undefined) {
      child = trie.stateCount++;
      childOf.set(key, child);
      label[child] = symbol;
      nextSibling[child] = firstChild[state]!;
      firstChild[state] = child;
    }
    state = child;
  }
  let last = firstTerminal[state]!;
  if (last === NONE) firstTerminal[state] = p;
  else {
    while (nextTerminal[last] !== NONE) last = nextTerminal[last]!;
    nextTerminal[last] = p;
  }
}

/** The failure target of `child`, entered from `state` by `symbol`: always a shallower state. */
function failureOf(trie: Trie, failure: Int32Array, state: number, symbol: number): number {
  if (state === 0) return 0;
  for (let f = failure[state]!; ; f = failure[f]!) {
    const target = trie.childOf.get(f * trie.stride + symbol);
    if (target !== undefined) return target;
    if (f === 0) return 0;
  }
}

function* linkStates(trie: Trie, shouldYield: () => boolean): Generator<void, Links, void> {
  const { stateCount, firstChild, nextSibling, firstTerminal, label } = trie;
  const failure = new Int32Array(stateCount);
  const reportLink = new Int32Array(stateCount).fill(NONE);
  const order = new Int32Array(stateCount);
  let queued = 1;
  for (let q = 0; q < queued; q++) {
    const state = order[q]!;
    for (let child = firstChild[state]!; child !== NONE; child = nextSibling[child]!) {
      order[queued++] = child;
      const f = failureOf(trie, failure, state, label[child]!);
      failure[child] = f;
      reportLink[child] = firstTerminal[f] !== NONE ? f : reportLink[f]!;
    }
    if (q % CHECK_EVERY === 0 && shouldYield()) yield;
  }
  return { failure, reportLink, order };
}

function reportsAt(trie: Trie, links: Links, state: number): boolean {
  return trie.firstTerminal[state] !== NONE || links.reportLink[state] !== NONE;
}

/** Final ids: non-reporting states first (root = 0), then reporting ones, each group in breadth-first order. */
function numberStates(trie: Trie, links: Links): { id: Int32Array; firstReportingState: number } {
  const { order } = links;
  const id = new Int32Array(trie.stateCount);
  let nextId = 0;
  for (let q = 0; q < trie.stateCount; q++) if (!reportsAt(trie, links, order[q]!)) id[order[q]!] = nextId++;
  const firstReportingState = nextId;
  for (let q = 0; q < trie.stateCount; q++) if (reportsAt(trie, links, order[q]!)) id[order[q]!] = nextId++;
  return { id, firstReportingState };
}

/** The complete transition table: each row starts as its failure state's row (already filled: it is shallower). */
function* fillTable(
  trie: Trie,
  links: Links,
  id: Int32Array,
  spaceSymbol: number,
  shouldYield: () => boolean,
): Generator<void, Uint16Array | Uint32Array, void> {
  const { stateCount, stride, label, firstChild, nextSibling } = trie;
  const { failure, order } = links;
  const next = stateCount <= 0x10000 ? new Uint16Array(stateCount * stride) : new Uint32Array(stateCount * stride);
  for (let q = 0; q < stateCount; q++) {
    const state = order[q]!;
    const row = id[state]! * stride;
    if (state !== 0) {
      const from = id[failure[state]!]! * stride;
      // set from a view, not copyWithin: V8's typed-array copyWithin took 15x longer here.
      next.set(next.subarray(from, from + stride), row);
      if (label[state] === spaceSymbol) next[row + spaceSymbol] = id[state]!;
    }
    for (let child = firstChild[state]!; child !== NONE; child = nextSibling[child]!) {
      next[row + label[child]!] = id[child]!;
    }
    if (q % CHECK_EVERY === 0 && shouldYield()) yield;
  }
  return next;
}

/** Reports per reporting state: its own patterns, then those of its report-link chain (shorter). */
function* listReports(
  trie: Trie,
  links: Links,
  id: Int32Array,
  firstReportingState: number,
  shouldYield: () => boolean,
): Generator<void, { reportStart: Int32Array; reports: Int32Array }, void> {
  const { stateCount, firstTerminal, nextTerminal } = trie;
  const { reportLink, order } = links;
  const reportStart = new Int32Array(stateCount - firstReportingState + 1);
  const reportList: number[] = [];
  for (let q = 0; q < stateCount; q++) {
    const state = order[q]!;
    if (!reportsAt(trie, links, state)) continue;
    reportStart[id[state]! - firstReportingState] = reportList.length;
    for (let s = firstTerminal[state] !== NONE ? state : reportLink[state]!; s !== NONE; s = reportLink[s]!) {
      for (let p = firstTerminal[s]!; p !== NONE; p = nextTerminal[p]!) reportList.push(p);
    }
    if (q % CHECK_EVERY === 0 && shouldYield()) yield;
  }
  reportStart[stateCount - firstReportingState] = reportList.length;
  return { reportStart, reports: Int32Array.from(reportList) };
}

/**
 * Builds the automaton for `patterns` (symbol sequences; a pattern's id is its index), yielding
 * whenever `shouldYield()` says so, so a page never waits on the build in one long task.
 * White space runs in the text collapse to one space: a state entered by `spaceSymbol` stays
 * put on further spaces, which the DFA expresses at no cost while scanning.
 */
export function* buildAutomatonSteps(
  patterns: readonly (readonly number[])[],
  symbolCount: number,
  spaceSymbol: number,
  shouldYield: () => boolean,
): Generator<void, Automaton, void> {
  const trie = newTrie(patterns, symbolCount);
  for (let p = 0; p < patterns.length; p++) {
    insertPattern(trie, patterns[p]!, p);
    if (p % CHECK_EVERY === 0 && shouldYield()) yield;
  }
  const links = yield* linkStates(trie, shouldYield);
  const { id, firstReportingState } = numberStates(trie, links);
  if (shouldYield()) yield;
  const next = yield* fillTable(trie, links, id, spaceSymbol, shouldYield);
  const { reportStart, reports } = yield* listReports(trie, links, id, firstReportingState, shouldYield);
  return { next, stride: symbolCount, firstReportingState, reportStart, reports };
}

/** The result of a generator that never yields (its deadline check always says no). */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
