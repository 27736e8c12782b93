// Which mentions stay registered on a big page, without a DOM: nodes are numbered positions in
// document order, the screen's middle is a position the test sets, scrolling is a callback the
// test calls, and the highlights record every range added or removed.
import { describe, expect, it } from 'vitest';
import {
  COLUMN_SIDE,
  HighlightWindow,
  WINDOW_FROM,
  WINDOW_SIDE,
  type WindowPage,
} from '../../../src/content/highlight-window';
import type { TopicHighlights } from '../../../src/content/topic-highlights';

interface FakeNode {
  pos: number;
}
type FakeRange = AbstractRange & { pos: number };

const rangeAt = (pos: number): FakeRange =>
  ({ pos, startContainer: { pos } as unknown as Node }) as unknown as FakeRange;
const posOf = (n: Node) => (n as unknown as FakeNode).pos;

/** Text nodes with no mention in them, as many as anyone reads. */
function* plainText(): Generator<Node> {
  for (;;) yield { pos: -1 } as unknown as Node;
}

/**
 * A page whose mentions are the ranges given, in order, with the screen's middle at `middle` and
 * other text on screen (a sidebar) at `elsewhere`.
 */
function fakePage() {
  const state = {
    ranges: [] as FakeRange[],
    middle: 0 as number | null,
    elsewhere: [] as number[],
    /** Whether a mention is near enough to find by walking the text (false: only positions compare). */
    walkable: true,
    /** How many times the window read the mentions' order (a sort on a real page). */
    orderReads: 0,
    /** Document-position comparisons made (costly on a real page of many siblings). */
    compares: 0,
    /** Tells the window the reader scrolled, with what is on screen then. */
    scrolled: undefined as (() => void) | undefined,
    signal: undefined as AbortSignal | undefined,
  };
  const page: WindowPage = {
    rangesInOrder: () => {
      state.orderReads++;
      return [...state.ranges].sort((a, b) => a.pos - b.pos);
    },
    compare: (a, b) => {
      state.compares++;
      return posOf(a) - posOf(b);
    },
    textNodesFrom: (node) =>
      state.walkable
        ? state.ranges
            .filter((r) => r.pos >= posOf(node))
            .sort((a, b) => a.pos - b.pos)
            .map((r) => r.startContainer)
        : plainText(),
    onScroll: (moved, signal) => {
      state.scrolled = () =>
        moved(
          state.middle === null ? [] : [state.middle, ...state.elsewhere].map((pos) => ({ pos }) as unknown as Node),
        );
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

/**
 * A window over `count` mentions at positions 0..count-1, following a scroll signal, after a full
 * pass; then the reader is at `middle` (null: the screen is not read yet).
 */
function bigPage(count: number, middle: number | null = 0) {
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
  if (middle !== null) {
    // The window learns where the reader is when they scroll.
    state.middle = middle;
    state.scrolled?.();
  }
  return { state, win, controller, ...rec };
}

describe('HighlightWindow', () => {
  it('registers every mention of a page below WINDOW_FROM, and does not follow scrolling', () => {
    const { state, win, registered, calls } = bigPage(WINDOW_FROM - 1);
    expect(registered.size).toBe(WINDOW_FROM - 1);
    expect(state.scrolled).toBeUndefined();
    // A pass's end changes nothing there.
    win.place();
    expect(calls).toEqual({ add: WINDOW_FROM - 1, delete: 0 });
  });

  it('below WINDOW_FROM, unregisters a deleted mention, and only a shown one', () => {
    const { win, registered, calls } = bigPage(10);
    const gone = [...registered].find((r) => r.pos === 4) as FakeRange;
    win.delete('chips', gone);
    win.delete('chips', gone);
    win.delete('chips', rangeAt(99));
    expect(positions(registered)).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(calls.delete).toBe(1);
  });

  it('windows a page from its WINDOW_FROM-th mention on, at once, around the top before the screen is read', () => {
    const { state, page } = fakePage();
    const rec = recordingHighlights();
    const win = new HighlightWindow(rec.highlights, page);
    win.follow(new AbortController().signal);
    for (let pos = 0; pos < WINDOW_FROM; pos++) {
      const r = rangeAt(pos);
      state.ranges.push(r);
      win.add('chips', r);
    }
    // The pass has not ended: the window is already placed.
    expect(positions(rec.registered)).toEqual(span(0, 2 * WINDOW_SIDE));
    win.place();
    expect(positions(rec.registered)).toEqual(span(0, 2 * WINDOW_SIDE));
  });

  it('follows scrolling only once told to, even when the page was windowed before', () => {
    const { state, page } = fakePage();
    const rec = recordingHighlights();
    const win = new HighlightWindow(rec.highlights, page);
    for (let pos = 0; pos < WINDOW_FROM; pos++) {
      const r = rangeAt(pos);
      state.ranges.push(r);
      win.add('chips', r);
    }
    expect(state.scrolled).toBeUndefined();
    const controller = new AbortController();
    win.follow(controller.signal);
    expect(state.signal).toBe(controller.signal);
    state.middle = 800;
    state.scrolled?.();
    expect(positions(rec.registered)).toEqual(span(WINDOW_FROM - 2 * WINDOW_SIDE, WINDOW_FROM));
  });

  it('counts only the shown mentions in the window, not every mention the page holds', () => {
    const { state, win, registered } = bigPage(3000, null);
    win.clear();
    for (const r of state.ranges) if (r.pos % 2 === 0) win.add('chips', r);
    win.place();
    expect(positions(registered)).toEqual(span(0, 2 * WINDOW_SIDE).map((i) => 2 * i));
  });

  it('reads the order only after a full pass: scrolling and a pass that added nothing do not', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    const reads = state.orderReads;
    win.place();
    state.middle = 2000;
    state.scrolled?.();
    expect(positions(registered)).toEqual(span(2000 - WINDOW_SIDE, 2000 + WINDOW_SIDE));
    expect(state.orderReads).toBe(reads);
  });

  it('reads the order in steps when told to yield, and changes the registered ranges only once it is whole', () => {
    const { state, win, registered, calls } = bigPage(3000, 1500);
    win.clear();
    for (const r of state.ranges) win.add('chips', r);
    const before = { ...calls };
    const steps = win.placeSteps(() => true);
    let yields = 0;
    while (!steps.next().done) {
      yields++;
      expect(calls).toEqual(before);
    }
    // One look at the deadline per 256 mentions.
    expect(yields).toBe(Math.floor(3000 / 256));
    expect(positions(registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
  });

  it('places the window where the reader scrolled to while its order was read', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    win.clear();
    for (const r of state.ranges) win.add('chips', r);
    const steps = win.placeSteps(() => true);
    steps.next();
    state.middle = 2500;
    state.scrolled?.();
    expect(registered.size).toBe(0);
    while (!steps.next().done);
    expect(positions(registered)).toEqual(span(2500 - WINDOW_SIDE, 2500 + WINDOW_SIDE));
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

  it('centres on the first of the mentions that start in the text node at the middle of the screen', () => {
    const { state, page } = fakePage();
    const rec = recordingHighlights();
    const win = new HighlightWindow(rec.highlights, page);
    win.follow(new AbortController().signal);
    // Mentions 1500-1509 start in one text node, as several terms of one paragraph would.
    const shared = { pos: 1500 } as unknown as Node;
    for (let pos = 0; pos < 3000; pos++) {
      const r = rangeAt(pos);
      if (pos >= 1500 && pos < 1510) (r as { startContainer: Node }).startContainer = shared;
      state.ranges.push(r);
      win.add('chips', r);
    }
    win.place();
    state.middle = 1500;
    state.scrolled?.();
    expect(positions(rec.registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
  });

  it('places the last window at the end when the middle of the screen is past every mention, without comparing positions', () => {
    const { state, registered } = bigPage(3000, 1500);
    state.middle = 3500;
    state.scrolled?.();
    expect(positions(registered)).toEqual(span(3000 - 2 * WINDOW_SIDE, 3000));
    expect(state.compares).toBe(0);
  });

  it('also registers COLUMN_SIDE mentions each side of text elsewhere on screen, far from the middle in the document', () => {
    const { state, registered, calls } = bigPage(3000, 1500);
    state.elsewhere = [2800];
    state.scrolled?.();
    const main = span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE);
    expect(positions(registered)).toEqual([...main, ...span(2800 - COLUMN_SIDE, 2800 + COLUMN_SIDE)]);
    // Text on screen near the windows already placed moves nothing.
    const before = { ...calls };
    state.elsewhere = [2800 + COLUMN_SIDE / 2, 1500 - WINDOW_SIDE / 2];
    state.scrolled?.();
    expect(calls).toEqual(before);
    // The sidebar scrolled away and the middle moved on: its window goes with it.
    state.elsewhere = [];
    state.middle = 2000;
    state.scrolled?.();
    expect(positions(registered)).toEqual(span(2000 - WINDOW_SIDE, 2000 + WINDOW_SIDE));
  });

  it('does not move an emptied window on scroll: the full pass that emptied it places it where the reader is', () => {
    const { state, win, registered, calls } = bigPage(3000, 1500);
    win.clear();
    const before = { ...calls };
    state.middle = 2500;
    state.scrolled?.();
    expect(calls).toEqual(before);
    expect(registered.size).toBe(0);
    for (const r of state.ranges) win.add('chips', r);
    win.place();
    expect(positions(registered)).toEqual(span(2500 - WINDOW_SIDE, 2500 + WINDOW_SIDE));
  });

  it('keeps the window by the text last read when nothing on screen can be read', () => {
    const { state, win, registered } = bigPage(3000, 1500);
    state.middle = null;
    state.scrolled?.();
    win.place();
    expect(positions(registered)).toEqual(span(1500 - WINDOW_SIDE, 1500 + WINDOW_SIDE));
    // A full pass finds 100 more mentions above: the window stays by the same text.
    for (let i = 0; i < 100; i++) state.ranges.push(rangeAt(-1 - i));
    win.clear();
    for (const r of state.ranges) win.add('chips', r);
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
    // A move that keeps its place inside the window.
    state.middle = 1500 + WINDOW_SIDE / 2 + 1;
    state.scrolled?.();
    expect(registered.has(gone)).toBe(false);
    state.middle = 1500;
    state.scrolled?.();
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
