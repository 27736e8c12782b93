// The automaton builder on its own: what a walk over its table reports, how often a stepped build
// looks at the deadline, and that stepping changes nothing.
import { describe, expect, it } from 'vitest';
import { type Automaton, buildAutomatonSteps, runToEnd } from '../../../src/matcher/automaton';

const build = (patterns: number[][], symbolCount: number, spaceSymbol = -1) =>
  runToEnd(buildAutomatonSteps(patterns, symbolCount, spaceSymbol, () => false));

/** The patterns reported after each symbol of `text`, walking the table from the root. */
function walk(automaton: Automaton, text: number[]): number[][] {
  const { next, stride, firstReportingState, reportStart, reports } = automaton;
  let state = 0;
  return text.map((symbol) => {
    state = next[state * stride + symbol] as number;
    if (state < firstReportingState) return [];
    const r = state - firstReportingState;
    return [...reports.subarray(reportStart[r], reportStart[r + 1])];
  });
}

function countYields(steps: Generator<void, Automaton, void>): { automaton: Automaton; yields: number } {
  let yields = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { automaton: step.value, yields };
    yields++;
  }
}

describe('buildAutomatonSteps', () => {
  it('reports every pattern ending at a position, longest first, across overlaps', () => {
    // patterns: 0 = [1 2 3], 1 = [2 3], 2 = [3], 3 = [2 4]
    const automaton = build([[1, 2, 3], [2, 3], [3], [2, 4]], 5);
    expect(walk(automaton, [1, 2, 3, 2, 4, 0, 3])).toEqual([[], [], [0, 1, 2], [], [3], [], [2]]);
  });

  it.each([
    [2, [0, 1]],
    [3, [0, 1, 2]],
  ])('reports a pattern listed %i times under every id, in pattern order', (times, ids) => {
    const patterns = Array.from({ length: times }, () => [1, 2]);
    expect(walk(build(patterns, 3), [1, 2])).toEqual([[], ids]);
  });

  it('falls back along failure links after a mismatch', () => {
    // [1 1 2] in "1 1 1 2": the third 1 must leave the automaton after "1 1", not at the root
    expect(walk(build([[1, 1, 2]], 3), [1, 1, 1, 2])).toEqual([[], [], [], [0]]);
  });

  it('follows failure links more than one state back', () => {
    // after [1 2 1] the next 3 ends [3]: [1 2 1] falls back to [1], which has no 3, then to the root
    expect(walk(build([[1, 2, 1, 3], [3]], 4), [1, 2, 1, 3])).toEqual([[], [], [], [0, 1]]);
  });

  it('stays put on further spaces inside a pattern, and only inside one', () => {
    // symbol 1 is the space: pattern [2 1 3] matches "2 1 1 1 3" but [1 1] is never entered twice
    const automaton = build([[2, 1, 3]], 4, 1);
    expect(walk(automaton, [2, 1, 1, 1, 3])).toEqual([[], [], [], [], [0]]);
    expect(walk(automaton, [1, 1, 3])).toEqual([[], [], []]);
  });

  it('looks at the deadline once per phase for a small build', () => {
    const { yields } = countYields(buildAutomatonSteps([[1, 2], [2]], 3, -1, () => true));
    // inserting (pattern 0), linking (state 0), numbering, filling (state 0); the root reports nothing
    expect(yields).toBe(4);
  });

  it('looks at the deadline every 64 steps of each phase', () => {
    // 130 one-symbol patterns, 131 states, every state but the root reporting
    const patterns = Array.from({ length: 130 }, (_, p) => [p + 1]);
    const { automaton, yields } = countYields(buildAutomatonSteps(patterns, 131, -1, () => true));
    // inserting 0/64/128, linking 0/64/128, numbering, filling 0/64/128, listing 64/128
    expect(yields).toBe(12);
    expect(automaton).toEqual(build(patterns, 131));
  });
});

describe('runToEnd', () => {
  it('runs a generator to its end and returns its value', () => {
    function* steps(): Generator<void, string, void> {
      yield;
      yield;
      return 'done';
    }
    expect(runToEnd(steps())).toBe('done');
  });
});
