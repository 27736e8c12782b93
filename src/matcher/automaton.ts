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

/**
 * Builds the automaton for `patterns` (symbol sequences; a pattern's id is its index).
 * White space runs in the text collapse to one space: a state entered by `spaceSymbol` stays
 * put on further spaces, which the DFA expresses at no cost while scanning.
 */
export function buildAutomaton(
  patterns: readonly (readonly number[])[],
  symbolCount: number,
  spaceSymbol: number,
): Automaton {
  const stride = symbolCount;
  let maxStates = 1;
  for (let p = 0; p < patterns.length; p++) maxStates += patterns[p]!.length;

  // The trie, sparse until the final numbering is known. Children and terminals are linked lists.
  const childOf = new Map<number, number>(); // state * stride + symbol → state
  const label = new Int32Array(maxStates);
  const firstChild = new Int32Array(maxStates).fill(NONE);
  const nextSibling = new Int32Array(maxStates).fill(NONE);
  const firstTerminal = new Int32Array(maxStates).fill(NONE);
  const nextTerminal = new Int32Array(patterns.length).fill(NONE);
  let stateCount = 1;
  for (let p = 0; p < patterns.length; p++) {
    const pattern = patterns[p]!;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const symbol = pattern[i]!;
      const key = state * stride + symbol;
      let child = childOf.get(key);
      if (child === undefined) {
        child = stateCount++;
        childOf.set(key, child);
        label[child] = symbol;
        nextSibling[child] = firstChild[state]!;
        firstChild[state] = child;
      }
      state = child;
    }
    // Appended, so a state's own patterns stay in pattern order.
    let last = firstTerminal[state]!;
    if (last === NONE) firstTerminal[state] = p;
    else {
      while (nextTerminal[last] !== NONE) last = nextTerminal[last]!;
      nextTerminal[last] = p;
    }
  }

  // Breadth-first: failure links (a failure target is always shallower) and report links
  // (the nearest state on the failure chain that ends a pattern).
  const failure = new Int32Array(stateCount);
  const reportLink = new Int32Array(stateCount).fill(NONE);
  const order = new Int32Array(stateCount);
  let queued = 1;
  for (let q = 0; q < queued; q++) {
    const state = order[q]!;
    for (let child = firstChild[state]!; child !== NONE; child = nextSibling[child]!) {
      order[queued++] = child;
      if (state !== 0) {
        const symbol = label[child]!;
        for (let f = failure[state]!; ; f = failure[f]!) {
          const target = childOf.get(f * stride + symbol);
          if (target !== undefined) {
            failure[child] = target;
            break;
          }
          if (f === 0) break;
        }
      }
      const f = failure[child]!;
      reportLink[child] = firstTerminal[f] !== NONE ? f : reportLink[f]!;
    }
  }

  // Non-reporting states first (root = 0), then reporting ones, each group in breadth-first order.
  const reports = (state: number) => firstTerminal[state] !== NONE || reportLink[state] !== NONE;
  const id = new Int32Array(stateCount);
  let nextId = 0;
  for (let q = 0; q < stateCount; q++) if (!reports(order[q]!)) id[order[q]!] = nextId++;
  const firstReportingState = nextId;
  for (let q = 0; q < stateCount; q++) if (reports(order[q]!)) id[order[q]!] = nextId++;

  const next = stateCount <= 0x10000 ? new Uint16Array(stateCount * stride) : new Uint32Array(stateCount * stride);
  for (let q = 0; q < stateCount; q++) {
    const state = order[q]!;
    const row = id[state]! * stride;
    if (state !== 0) {
      const from = id[failure[state]!]! * stride;
      next.copyWithin(row, from, from + stride);
      if (label[state] === spaceSymbol) next[row + spaceSymbol] = id[state]!;
    }
    for (let child = firstChild[state]!; child !== NONE; child = nextSibling[child]!) {
      next[row + label[child]!] = id[child]!;
    }
  }

  // Reports per reporting state: its own patterns, then those of its report-link chain (shorter).
  const reportStart = new Int32Array(stateCount - firstReportingState + 1);
  const reportList: number[] = [];
  for (let q = 0; q < stateCount; q++) {
    const state = order[q]!;
    if (!reports(state)) continue;
    reportStart[id[state]! - firstReportingState] = reportList.length;
    for (let s = firstTerminal[state] !== NONE ? state : reportLink[state]!; s !== NONE; s = reportLink[s]!) {
      for (let p = firstTerminal[s]!; p !== NONE; p = nextTerminal[p]!) reportList.push(p);
    }
  }
  reportStart[stateCount - firstReportingState] = reportList.length;

  return { next, stride, firstReportingState, reportStart, reports: Int32Array.from(reportList) };
}
