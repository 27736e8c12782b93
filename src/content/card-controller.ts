// Hover intent, pinning, keyboard focus and placement of the context card. Reads the pointer at
// most once a frame.
import { h } from 'preact';
import type { DigestLookup } from '../digest/lookup';
import { Card } from '../ui/Card';
import type { Translate } from '../ui/translate';
import { hitTest, rangeRects } from './hit-test';
import type { Overlay } from './overlay';
import { pageTheme } from './page-theme';
import { timed } from './profile';
import type { TermHit } from './scan-text';
import type { TermIndex } from './term-index';

/** Time the pointer may spend between the term and the card before the card closes. */
export const LEAVE_GRACE_MS = 300;
const GAP_PX = 6;
const EDGE_PX = 8;

export interface CardControllerOptions {
  lookup: DigestLookup;
  index: TermIndex;
  overlay: Overlay;
  t: Translate;
  hoverDelayMs: () => number;
  shadowRoots: () => readonly ShadowRoot[];
  /** The focused-term highlight: shown while a card opened from the keyboard or popup is open. */
  setFocusedTerm: (hit: TermHit | undefined) => void;
  openReader: (entryId: string) => void;
}

export interface OpenOptions {
  pinned: boolean;
  /** Move keyboard focus into the card (keyboard navigation, popup jump, context menu). */
  focus?: boolean;
}

export class CardController {
  private pointer = { x: -1, y: -1 };
  private frame = 0;
  private pending: TermHit | undefined;
  private dwellTimer: ReturnType<typeof setTimeout> | undefined;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private anchor: TermHit | undefined;
  private stack: string[] = [];
  private pinned = false;
  private returnFocus: Element | null = null;

  private readonly handlePointerMove = (e: PointerEvent) => this.onPointerMove(e);
  private readonly handleClick = (e: MouseEvent) => this.onClick(e);
  private readonly handleKeyDown = (e: KeyboardEvent) => this.onKeyDown(e);
  private readonly handleScroll = () => this.onScroll();

  constructor(private readonly options: CardControllerOptions) {}

  listen(signal: AbortSignal): void {
    const opts = { capture: true, passive: true, signal };
    const attach = () => {
      document.addEventListener('pointermove', this.handlePointerMove, opts);
      document.addEventListener('click', this.handleClick, { capture: true, signal });
      document.addEventListener('keydown', this.handleKeyDown, { capture: true, signal });
      window.addEventListener('scroll', this.handleScroll, opts);
      window.addEventListener('resize', this.handleScroll, opts);
    };
    attach();
    // document.open() erases every listener on document and window (HTML spec); its new document
    // element is the sign. The handlers are the same objects, so attaching twice adds nothing.
    let root = document.documentElement;
    const reopened = new MutationObserver(() => {
      if (document.documentElement === root) return;
      root = document.documentElement;
      this.close();
      attach();
    });
    reopened.observe(document, { childList: true });
    signal.addEventListener('abort', () => reopened.disconnect(), { once: true });
    signal.addEventListener('abort', () => this.close(), { once: true });
  }

  open(hit: TermHit, { pinned, focus = false }: OpenOptions): void {
    this.clearTimers();
    this.anchor = hit;
    this.stack = [hit.entryId];
    this.pinned = pinned;
    if (focus) {
      this.returnFocus = document.activeElement;
      this.options.setFocusedTerm(hit);
    }
    if (!this.render()) return;
    const name = this.options.lookup.entry(hit.entryId)?.name ?? '';
    this.options.overlay.announce(this.options.t('card_announce', name));
    if (focus) this.options.overlay.focusCard();
  }

  close(): void {
    const hadFocus = this.options.overlay.containsFocus();
    this.clearTimers();
    this.anchor = undefined;
    this.stack = [];
    this.pinned = false;
    this.options.overlay.hide();
    this.options.setFocusedTerm(undefined);
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private isOverCard(target: EventTarget | null): boolean {
    const host = this.options.overlay.element;
    return !!host && target === host;
  }

  private onPointerMove(e: PointerEvent): void {
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.isOverCard(e.target)) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = undefined;
      return;
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.onFrame());
  }

  private hitAt(x: number, y: number): TermHit | undefined {
    const hit = hitTest(this.options.index, x, y, this.options.shadowRoots());
    // Terms of switched-off topics, or past the first mention, are not highlighted: no card either.
    return hit && this.options.index.isShown(hit) ? hit : undefined;
  }

  private onFrame(): void {
    this.frame = 0;
    const hit = timed('techwar:hit-test', () => this.hitAt(this.pointer.x, this.pointer.y));
    if (hit && hit.range === this.anchor?.range) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = undefined;
      return;
    }
    if (this.pinned) return;
    if (hit) {
      if (hit.range === this.pending?.range) return;
      clearTimeout(this.dwellTimer);
      this.pending = hit;
      this.dwellTimer = setTimeout(() => this.open(hit, { pinned: false }), this.options.hoverDelayMs());
      return;
    }
    clearTimeout(this.dwellTimer);
    this.pending = undefined;
    if (this.anchor && this.leaveTimer === undefined) {
      this.leaveTimer = setTimeout(() => this.close(), LEAVE_GRACE_MS);
    }
  }

  private onClick(e: MouseEvent): void {
    if (this.isOverCard(e.target)) return;
    const hit = this.hitAt(e.clientX, e.clientY);
    // A term inside a link stays a link: following it beats pinning a card.
    if (hit && !(e.target instanceof Element && e.target.closest('a[href]'))) this.open(hit, { pinned: true });
    else if (this.anchor) this.close();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.anchor) this.close();
  }

  private onScroll(): void {
    if (!this.anchor) return;
    if (this.pinned) this.render();
    else this.close();
  }

  private clearTimers(): void {
    clearTimeout(this.dwellTimer);
    clearTimeout(this.leaveTimer);
    this.dwellTimer = this.leaveTimer = undefined;
    this.pending = undefined;
  }

  /** False when there is nothing to show (an entry the digest cannot render shows nothing). */
  private render(): boolean {
    const anchor = this.anchor;
    const entryId = this.stack[this.stack.length - 1];
    if (!anchor || !entryId || !this.options.lookup.entry(entryId)) return false;
    const card = h(Card, {
      lookup: this.options.lookup,
      entryId,
      t: this.options.t,
      theme: pageTheme(),
      pinned: this.pinned,
      canGoBack: this.stack.length > 1,
      onOpenEntry: (id: string) => {
        this.stack.push(id);
        this.pinned = true;
        this.render();
        this.options.overlay.focusCard();
      },
      onBack: () => {
        this.stack.pop();
        this.render();
        this.options.overlay.focusCard();
      },
      onOpenReader: (id: string) => this.options.openReader(id),
      onClose: () => this.close(),
    });
    this.options.overlay.show(card, (layer) => placeNear(layer, rangeRects(anchor.range), this.pointer.y));
    return true;
  }
}

/** Below the hovered line if it fits, else above; never over the line; kept inside the viewport. */
function placeNear(layer: HTMLElement, rects: DOMRect[], pointerY: number): void {
  if (rects.length === 0) return;
  const line =
    rects.find((r) => pointerY >= r.top && pointerY <= r.bottom) ??
    rects.reduce((best, r) => (Math.abs(r.top - pointerY) < Math.abs(best.top - pointerY) ? r : best));
  const vw = document.documentElement.clientWidth || window.innerWidth;
  const vh = window.innerHeight;
  const { width, height } = layer.getBoundingClientRect();
  const below = line.bottom + GAP_PX;
  const above = line.top - GAP_PX - height;
  const top = below + height <= vh - EDGE_PX || above < EDGE_PX ? below : above;
  const left = Math.min(Math.max(line.left, EDGE_PX), Math.max(EDGE_PX, vw - width - EDGE_PX));
  layer.style.left = `${Math.round(left)}px`;
  layer.style.top = `${Math.round(top)}px`;
}
