// Which mentions stay registered on a big page, without a DOM: nodes are numbered positions in
// document order, the screen's middle is a position the test sets, scrolling is a callback the
// test calls, and the highlights record every range added or removed.
import { describe, expect, it } from 'vitest';
import { HighlightWindow, WINDOW_FROM, WINDOW_SIDE, type WindowPage } from '../../../src/content/highlight-window';
import type { TopicHighlights } from '../../../src/content/topic-highlights';

interface FakeNode {
  pos: number;
}
type FakeRange = AbstractRange & { pos: number };

const rangeAt = (pos: number): FakeRange =>
  ({ pos, startContainer: { pos } as unknown as Node }) as unknown as FakeRange;
const posOf = (n: Node) => (n as unknown as FakeNode).pos;

/** A page whose mentions are the ranges given, in order, with the screen's middle at `middle`. */
function fakePage() {
  const state = {
    ranges: [] as FakeRange[],
    middle: 0 as number | null,
    /** Whether the page's text nodes can be walked from the middle (false: only positions compare). */
    walkable: true,
    /** How many times the window read the mentions' order (a sort on a real page). */
    orderReads: 0,
    scrolled: undefined as (() => void) | undefined,
    signal: undefined as AbortSignal | undefined,
  };
  const page: WindowPage = {
    rangesInOrder: () => {
      state.orderReads++;
      return [...state.ranges].sort((a, b) => a.pos - b.pos);
    },
    compare: (a, b) => posOf(a) - posOf(b),
    nodeAtMiddle: () => (state.middle === null ? null : ({ pos: state.middle } as unknown as Node)),
    textNodesFrom: (node) =>
      state.walkable
        ? state.ranges
            .filter((r) => r.pos >= posOf(node))
            .sort((a, b) => a.pos - b.pos)
            .map((r) => r.startContainer)
        : [],
    onScroll: (moved, signal) => {
      state.scrolled = moved;
      state.signal = signal;
    },
  };
  return { state, page };
}

/** Records the registered ranges, and how many times anything was added or removed. */
function recordingHighlights() {
  const registered = new Set<FakeRange>();
  const calls = { add: 0, delete: 0 };
  const sink = {
    add: (_topic: string, r: FakeRange) => {
      calls.add++;
      registered.add(r);
    },
    delete: (_topic: string, r: FakeRange) => {
      calls.delete++;
      registered.delete(r);
    },
    clearRanges: () => registered.clear(),
  };
  return { registered, calls, highlights: sink as unknown as TopicHighlights };
}

const positions = (set: Set<FakeRange>) => [...set].map((r) => r.pos).sort((a, b) => a - b);
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** A window over `count` mentions at positions 0..count-1, following a scroll signal. */
function bigPage(count: number, middle = 0) {
  const { state, page } = fakePage();
  const rec = recordingHighlights();
  const win = new HighlightWindow(rec.highlights, page);
  const controller = new AbortController();
  win.follow(controller.signal);
  for (let pos = 0; pos < count; pos++) {
    const r = rangeAt(pos);
    state.ranges.push(r);
    win.add('chips', r);
  }
  win.place();
  // The reader is at `middle`: the window learns it when they scroll.
  state.middle = middle;
  state.scrolled?.();
  return { state, win, controller, ...rec };
}

describe('HighlightWindow', () => {
  it('registers every mention of a page below WINDOW_FROM, and does not follow scrolling', () => {
    const { state, registered } = bigPage(WINDOW_FROM - 1);
    expect(registered.size).toBe(WINDOW_FROM - 1);
    expect(state.scrolled).toBeUndefined();
  });

  it('from WINDOW_FROM on, registers WINDOW_SIDE mentions each side of the middle of the screen', () => {
    const { state, registered, controller } = bigPage(3000, 1500);
    expect(positions(registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
    expect(state.signal).toBe(controller.signal);
  });

  it('keeps a full window at either end of the page', () => {
    expect(positions(bigPage(3000, 0).registered)).toEqual(span(0, 2 * WINDOW_SIDE));
    expect(positions(bigPage(3000, 5000).registered)).toEqual(span(3000 - 2 * WINDOW_SIDE, 3000));
  });

  it('changes nothing while the middle stays within half a side, and moves once it drifts further', () => {
    const { state, registered, calls } = bigPage(3000, 1500);
    const before = { ...calls };
    state.middle = 1500 + WINDOW_SIDE / 2;
    state.scrolled?.();
    expect(calls).toEqual(before);
    state.middle = 1500 + WINDOW_SIDE / 2 + 1;
    state.scrolled?.();
    const middle = 1500 + WINDOW_SIDE / 2 + 1;
    expect(positions(registered)).toEqual(span(middle - WINDOW_SIDE, middle + WINDOW_SIDE));
    // Only the mentions that left or entered the window changed.
    expect(calls.delete - before.delete).toBe(WINDOW_SIDE / 2 + 1);
    expect(calls.add - before.add).toBe(WINDOW_SIDE / 2 + 1);
  });

  it('finds the middle by document position when no mention starts within reach of it', () => {
    const { state, registered } = bigPage(3000, 1500);
    state.walkable = false;
    state.middle = 2000;
    state.scrolled?.();
    expect(positions(registered)).toEqual(span(2000 - WINDOW_SIDE, 2000 + WINDOW_SIDE));
  });

  it('does not move an emptied window on scroll: the full pass that emptied it places it', () => {
    const { state, win, registered, calls } = bigPage(3000, 1500);
    win.clear();
    const before = { ...calls };
    state.middle = 2500;
    state.scrolled?.();
    expect(calls).toEqual(before);
    expect(registered.size).toBe(0);
  });

  it('keeps the window where it was when nothing at the middle of the screen can be read', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    state.middle = null;
    state.scrolled?.();
    win.place();
    expect(positions(registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
  });

  it('after a partial pass, registers the mentions it added as they are, and reorders when the window next moves', () => {
    const { state, win, registered, calls } = bigPage(3000, 1500);
    const inside = rangeAt(1500.5);
    const outside = rangeAt(2900.5);
    state.ranges.push(inside, outside);
    const before = { ...calls };
    win.add('chips', inside);
    win.add('chips', outside);
    expect(calls).toEqual(before);
    const reads = state.orderReads;
    win.place();
    expect(state.orderReads).toBe(reads);
    expect(registered.has(inside) && registered.has(outside)).toBe(true);
    state.middle = 2900;
    state.scrolled?.();
    expect(state.orderReads).toBe(reads + 1);
    // Near the end of the page: the last 600 mentions, in the order read afresh.
    const all = state.ranges.map((r) => r.pos).sort((a, b) => a - b);
    expect(positions(registered)).toEqual(all.slice(-2 * WINDOW_SIDE));
    expect(registered.has(inside)).toBe(false);
  });

  it('unregisters a deleted mention and never brings it back', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    const gone = [...registered].find((r) => r.pos === 1500) as FakeRange;
    win.delete('chips', gone);
    expect(registered.has(gone)).toBe(false);
    win.place();
    expect(registered.has(gone)).toBe(false);
    expect(registered.size).toBe(2 * WINDOW_SIDE - 1);
    expect(state.ranges.includes(gone)).toBe(true);
  });

  it('after a full pass clears it, stays windowed, and places the window where the reader was', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    win.clear();
    expect(registered.size).toBe(0);
    for (const r of state.ranges) win.add('chips', r);
    expect(registered.size).toBe(0);
    win.place();
    expect(positions(registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
  });
});
