// @vitest-environment happy-dom
// The highlight window reads the screen in tasks after a frame, never in the frame's own turn:
// read right after the highlights changed, its hit tests forced the browser's rendering work into
// our task. Each hit test has a task of its own: on a big page one costs up to 6 ms.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentWindowPage } from '../../../src/content/window-page';

let frames: FrameRequestCallback[];
const runFrame = () => {
  const due = frames.splice(0);
  for (const callback of due) callback(performance.now());
};

/** The hit tests made, and what each finds: text in `textAt` probes (by their order), nothing elsewhere. */
let probes: { x: number; y: number }[];
let textAt: (probe: number) => Text | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  probes = [];
  textAt = () => undefined;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  Object.defineProperty(document, 'caretPositionFromPoint', {
    configurable: true,
    value: (x: number, y: number) => {
      const node = textAt(probes.push({ x, y }) - 1);
      return node ? { offsetNode: node, offset: 0 } : null;
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
});

/** Runs the timers due now, one task at a time, and the hit tests each task made. */
function probesPerTask(): number[] {
  const perTask: number[] = [];
  while (vi.getTimerCount() > 0) {
    const before = probes.length;
    vi.advanceTimersToNextTimer();
    perTask.push(probes.length - before);
  }
  return perTask;
}

describe('documentWindowPage().onScroll', () => {
  it('starts reading soon after it starts, in the task after the next frame, a hit test per task', () => {
    const moved = vi.fn();
    const middle = document.createTextNode('middle');
    const side = document.createTextNode('side');
    textAt = (probe) => (probe === 1 ? middle : probe === 4 ? side : undefined);
    documentWindowPage(() => []).onScroll(moved, new AbortController().signal);
    vi.advanceTimersByTime(1000);
    expect(probes).toHaveLength(0);
    runFrame();
    expect(probes).toHaveLength(0);
    // The middle's probes until one finds text (the second), then the four at the sides.
    expect(probesPerTask()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(moved).toHaveBeenCalledTimes(1);
    expect(moved).toHaveBeenCalledWith([middle, side]);
    expect(probes[0]).toEqual({ x: innerWidth / 2, y: innerHeight / 2 });
  });

  it('tries every probe when none finds text, and says so', () => {
    const moved = vi.fn();
    documentWindowPage(() => []).onScroll(moved, new AbortController().signal);
    vi.advanceTimersByTime(1000);
    runFrame();
    expect(probesPerTask()).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(moved).toHaveBeenCalledWith([]);
  });

  it('reads a scrolling reader once per check, and again when the reader scrolled during the read', () => {
    const moved = vi.fn();
    documentWindowPage(() => []).onScroll(moved, new AbortController().signal);
    vi.advanceTimersByTime(1000);
    runFrame();
    probesPerTask();
    moved.mockClear();
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    // Scrolls while the read waits for its frame start no second read: it sees where they ended.
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    runFrame();
    vi.advanceTimersToNextTimer(); // the first probe
    expect(moved).not.toHaveBeenCalled();
    probesPerTask();
    expect(moved).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(0);

    // A scroll once the probes began may end after them: one more read follows the first.
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    runFrame();
    vi.advanceTimersToNextTimer();
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    probesPerTask();
    expect(moved).toHaveBeenCalledTimes(2);
    runFrame();
    probesPerTask();
    expect(moved).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
    expect(frames).toHaveLength(0);
  });

  it('reads nothing once its signal aborts, before or during a read', () => {
    const moved = vi.fn();
    const controller = new AbortController();
    documentWindowPage(() => []).onScroll(moved, controller.signal);
    vi.advanceTimersByTime(1000);
    controller.abort();
    runFrame();
    probesPerTask();
    expect(probes).toHaveLength(0);
    expect(moved).not.toHaveBeenCalled();

    const during = new AbortController();
    documentWindowPage(() => []).onScroll(moved, during.signal);
    vi.advanceTimersByTime(1000);
    runFrame();
    vi.advanceTimersToNextTimer();
    during.abort();
    probesPerTask();
    expect(probes).toHaveLength(1);
    expect(moved).not.toHaveBeenCalled();
  });
});
