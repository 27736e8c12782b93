// Which shown mentions are registered as highlight ranges. Chromium revalidates every registered
// range in the frame after any highlight changes, whichever highlight it was: about 11 µs a range
// here, so with the 8,873 ranges of a 5 MB page each frame that added a range (a pass's slices, a
// live update, a keyboard move between terms) spent 100-250 ms in PrePaint. So once a page has
// shown WINDOW_FROM mentions, only windows of them in document order are registered: WINDOW_SIDE
// on each side of the mention at the middle of the screen, and COLUMN_SIDE around text elsewhere on
// screen that lies far from it in the document (a sidebar placed after the article). Scrolling moves
// the windows only when what is on screen has drifted half a side from them, so most scroll frames
// change nothing (an observer on every element with a mention cost 10 ms a scroll frame on that
// page). Pure: nodes are compared and the screen probed through the caller's functions, so the
// rules are unit-tested without a DOM.
import { runToEnd } from '../matcher/automaton';
import type { TopicHighlights } from './topic-highlights';

/** Shown mentions on a page from which only a window of them is registered. */
export const WINDOW_FROM = 1000;
/** Mentions registered on each side of the one at the middle of the screen. */
export const WINDOW_SIDE = 300;
/**
 * Mentions registered on each side of text elsewhere on screen. A column beside the article holds
 * few mentions per screen; a smaller side keeps a page of many columns from registering thousands.
 */
export const COLUMN_SIDE = 100;
/**
 * Text nodes looked through, from the middle of the screen on, for one a mention starts in. Past
 * that, the middle is found by comparing document positions, which costs time in proportion to a
 * big page's siblings.
 */
const LOOK_AHEAD = 2000;
/** Mentions put in order between looks at the deadline (8,873 took 6-21 ms on the 5 MB bench page). */
const ORDER_CHECK_EVERY = 256;

export interface WindowPage {
  /** Every mention's range in document order (shown or not). */
  rangesInOrder(): readonly AbstractRange[];
  /** Document order of two nodes: negative when `a` comes first. */
  compare(a: Node, b: Node): number;
  /** The text nodes from `node` to the end of the document, in order (`node` first, if it is one). */
  textNodesFrom(node: Node): Iterable<Node>;
  /**
   * Reads the screen soon, then after the reader scrolled (now and then while scrolling goes on),
   * until `signal` aborts, and calls `moved` with the text nodes on screen: the one nearest its
   * middle first; none when no text can be told there (nothing but our card or images).
   */
  onScroll(moved: (nodesOnScreen: readonly Node[]) => void, signal: AbortSignal): void;
}

/** A stretch of the ordered mentions registered around one of them: `side` each side of `index`. */
interface Anchor {
  index: number;
  side: number;
}

export class HighlightWindow {
  /** Every shown mention, with its topic. */
  private readonly shown = new Map<AbstractRange, string>();
  /** The ranges registered, with their topic, once windowed; before that every shown range is. */
  private registered = new Map<AbstractRange, string>();
  private windowed = false;
  /** The shown ranges in document order when the window was last placed, and where it stands in them. */
  private ordered: readonly AbstractRange[] = [];
  /** Each start node of `ordered`, with the index of its first range there. */
  private orderOf = new Map<Node, number>();
  private anchors: readonly Anchor[] = [{ index: 0, side: WINDOW_SIDE }];
  /**
   * The text nodes last read on screen. A pass places the windows around them without reading the
   * screen again: that read forces the page's hit-test data up to date (tens of milliseconds on a
   * big page, inside the pass's slice).
   */
  private screenNodes: readonly Node[] = [];
  /**
   * Whether the next placing reads the mentions' order afresh: after a full pass. After a partial
   * pass the few mentions it added register as they are (`pending`) and the order is read again
   * only when the window next moves: reading it sorts thousands of blocks by document position,
   * 40 ms on a 1 MB page, which a live update must not pay.
   */
  private reorder = true;
  private stale = false;
  private pending: AbstractRange[] = [];
  private signal: AbortSignal | undefined;

  constructor(
    private readonly highlights: TopicHighlights,
    private readonly page: WindowPage,
  ) {}

  /** Lets the window follow the reader's scrolling once a page is big enough, until `signal` aborts. */
  follow(signal: AbortSignal): void {
    this.signal = signal;
    if (this.windowed) this.page.onScroll((nodes) => this.onScrolled(nodes), signal);
  }

  add(topicId: string, range: AbstractRange): void {
    this.shown.set(range, topicId);
    // Windowed, a mention waits for its pass to place the window: Chromium's cost of a highlight
    // change is largely per frame on a big page (50-100 ms), so one change at the pass's end
    // beats one in every frame of it.
    if (this.windowed) this.pending.push(range);
    else {
      this.highlights.add(topicId, range);
      if (this.shown.size >= WINDOW_FROM) this.startWindow();
    }
  }

  delete(topicId: string, range: AbstractRange): void {
    const wasShown = this.shown.delete(range);
    if (this.windowed ? this.registered.delete(range) : wasShown) this.highlights.delete(topicId, range);
  }

  /** Forgets every mention (a full pass finds them again); a big page stays windowed. */
  clear(): void {
    this.reorder = true;
    this.pending = [];
    this.shown.clear();
    this.registered.clear();
    this.ordered = [];
    this.orderOf = new Map();
    this.highlights.clearRanges();
  }

  /**
   * After a pass: registers the windows around what is on screen, and only them (after a
   * partial pass, also the mentions it added, until the window next moves).
   */
  place(): void {
    runToEnd(this.placeSteps(() => false));
  }

  /**
   * place in steps, yielding whenever `shouldYield()` says so while it reads the order of the
   * mentions. The registered ranges change at the end, at once: Chromium's cost of a highlight
   * change is per frame.
   */
  *placeSteps(shouldYield: () => boolean): Generator<void, void, void> {
    if (!this.windowed) return;
    if (!this.reorder) {
      this.registerPending();
      return;
    }
    this.reorder = false;
    this.stale = false;
    this.pending = [];
    yield* this.readOrder(shouldYield);
    this.moveTo(this.screenNodes.length > 0 ? this.screenNodes.map((n) => this.indexOf(n)) : undefined);
  }

  /** After a partial pass: the mentions it added register as they are, until the window next moves. */
  private registerPending(): void {
    for (const range of this.pending) this.registerIfShown(range);
    if (this.pending.length > 0) this.stale = true;
    this.pending = [];
  }

  /** Reads the shown mentions' document order afresh, in steps. */
  private *readOrder(shouldYield: () => boolean): Generator<void, void, void> {
    const all = this.page.rangesInOrder();
    const ordered: AbstractRange[] = [];
    const orderOf = new Map<Node, number>();
    for (let i = 0; i < all.length; i++) {
      const range = all[i] as AbstractRange;
      if (this.shown.has(range)) {
        if (!orderOf.has(range.startContainer)) orderOf.set(range.startContainer, ordered.length);
        ordered.push(range);
      }
      // The reader may scroll meanwhile: the window moves over the order read before, until this one is whole.
      if (i % ORDER_CHECK_EVERY === ORDER_CHECK_EVERY - 1 && shouldYield()) yield;
    }
    this.ordered = ordered;
    this.orderOf = orderOf;
  }

  /**
   * Registers the mentions around `onScreen` (ordered indices, the middle of the screen's first),
   * or around the anchors of the last placing when undefined, and only those.
   */
  private moveTo(onScreen: readonly number[] | undefined): void {
    if (onScreen !== undefined)
      this.anchors = onScreen.map((index, k) => ({ index, side: k === 0 ? WINDOW_SIDE : COLUMN_SIDE }));
    const inside = new Set<AbstractRange>();
    for (const { index, side } of this.anchors) {
      // A full window at either end of the page.
      const from = Math.max(0, Math.min(index - side, this.ordered.length - 2 * side));
      for (let i = from; i < Math.min(this.ordered.length, from + 2 * side); i++)
        inside.add(this.ordered[i] as AbstractRange);
    }
    for (const [range, topicId] of [...this.registered]) {
      if (inside.has(range)) continue;
      this.registered.delete(range);
      this.highlights.delete(topicId, range);
    }
    for (const range of inside) this.registerIfShown(range);
  }

  private startWindow(): void {
    this.windowed = true;
    this.registered = new Map(this.shown);
    if (this.signal) this.page.onScroll((nodes) => this.onScrolled(nodes), this.signal);
    this.place();
    // The pass that crossed WINDOW_FROM goes on adding mentions: its end reads the order again.
    this.reorder = true;
  }

  /** Nothing changed on the page since the window was placed: only the reader moved. */
  private onScrolled(nodes: readonly Node[]): void {
    if (nodes.length === 0) return;
    this.screenNodes = nodes;
    // Emptied by a full pass that has not placed the window yet: that pass will, around these nodes.
    if (this.ordered.length === 0) return;
    const onScreen = nodes.map((n) => this.indexOf(n));
    const near = (at: number) => this.anchors.some(({ index, side }) => Math.abs(at - index) <= side / 2);
    if (onScreen.every(near)) return;
    if (!this.stale) this.moveTo(onScreen);
    else {
      this.reorder = true;
      this.place();
    }
  }

  /** The index, among the ordered ranges, of the first one at or after `node`. */
  private indexOf(node: Node): number {
    let looked = 0;
    for (const text of this.page.textNodesFrom(node)) {
      const at = this.orderOf.get(text);
      if (at !== undefined) return at;
      if (++looked >= LOOK_AHEAD) break;
    }
    // The walk reached the document's end: no mention starts after the node.
    if (looked < LOOK_AHEAD) return this.ordered.length;
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.page.compare((this.ordered[mid] as AbstractRange).startContainer, node) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private register(range: AbstractRange, topicId: string): void {
    this.registered.set(range, topicId);
    this.highlights.add(topicId, range);
  }

  /** Registers a range still shown and not yet registered (a pass may have dropped it since). */
  private registerIfShown(range: AbstractRange): void {
    const topicId = this.shown.get(range);
    if (topicId !== undefined && !this.registered.has(range)) this.register(range, topicId);
  }
}
