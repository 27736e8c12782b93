// Touch gestures the card needs beyond a tap: a long press (opens the card of a term inside a
// link, whose tap belongs to the link) and a downward swipe (closes the sheet).

/** Android's own long-press timeout. */
export const LONG_PRESS_MS = 500;
/** A finger that moves further than this is scrolling, not pressing. */
const SLOP_PX = 10;
/** A swipe must travel this far down, more down than sideways, to close the sheet. */
export const SWIPE_CLOSE_PX = 60;

export class LongPress {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private start = { x: 0, y: 0 };

  begin(x: number, y: number, onPress: () => void): void {
    this.cancel();
    this.start = { x, y };
    this.timer = setTimeout(() => {
      this.timer = undefined;
      onPress();
    }, LONG_PRESS_MS);
  }

  move(x: number, y: number): void {
    if (Math.hypot(x - this.start.x, y - this.start.y) > SLOP_PX) this.cancel();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** True when a touch from `from` to `to` is a swipe down. */
export function isSwipeDown(from: { x: number; y: number }, to: { x: number; y: number }): boolean {
  const dy = to.y - from.y;
  return dy >= SWIPE_CLOSE_PX && Math.abs(to.x - from.x) < dy;
}
