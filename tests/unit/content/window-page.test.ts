// @vitest-environment happy-dom
// The highlight window reads the screen in a task after a frame, never in the frame's own turn:
// read right after the highlights changed, its hit tests forced the browser's rendering work into
// our task.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentWindowPage } from '../../../src/content/window-page';

let frames: FrameRequestCallback[];
const runFrame = () => {
  const due = frames.splice(0);
  for (const callback of due) callback(performance.now());
};

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('documentWindowPage().onScroll', () => {
  it('reads once soon after it starts, in the task after the next frame', () => {
    const moved = vi.fn();
    documentWindowPage(() => []).onScroll(moved, new AbortController().signal);
    vi.advanceTimersByTime(1000);
    expect(moved).not.toHaveBeenCalled();
    runFrame();
    expect(moved).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('reads a scrolling reader once per frame-gated check, not per scroll event', () => {
    const moved = vi.fn();
    documentWindowPage(() => []).onScroll(moved, new AbortController().signal);
    vi.advanceTimersByTime(1000);
    runFrame();
    vi.advanceTimersByTime(0);
    moved.mockClear();
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1000);
    // Scrolls while the read waits for its frame start no second read.
    for (let i = 0; i < 10; i++) document.dispatchEvent(new Event('scroll'));
    runFrame();
    vi.advanceTimersByTime(0);
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('reads nothing once its signal aborts', () => {
    const moved = vi.fn();
    const controller = new AbortController();
    documentWindowPage(() => []).onScroll(moved, controller.signal);
    vi.advanceTimersByTime(1000);
    controller.abort();
    runFrame();
    vi.advanceTimersByTime(0);
    expect(moved).not.toHaveBeenCalled();
  });
});
