// Hover intent, taps, pinning, keyboard focus and placement of the context card. Reads the pointer
// at most once a frame. Only trusted input acts: a page script's synthetic events open nothing.
import { h } from 'preact';
import type { DigestLookup } from '../digest/lookup';
import { Card } from '../ui/Card';
import type { Translate } from '../ui/translate';
import type { CardDigest } from './card-digest';
import { placeNear, placeSheet, revealAboveSheet, sheetCoversTerm, wantsSheet } from './card-placement';
import { hitTest, rangeRects } from './hit-test';
import type { Overlay } from './overlay';
import { pageTheme } from './page-theme';
import { timed } from './profile';
import type { TermHit } from './scan-text';
import { SheetHistory } from './sheet-history';
import type { TermIndex } from './term-index';
import { isSwipeDown, LongPress } from './touch-gestures';

/** Time the pointer may spend between the term and the card before the card closes. */
export const LEAVE_GRACE_MS = 300;

export interface CardControllerOptions {
  digest: CardDigest;
  index: TermIndex;
  overlay: Overlay;
  t: Translate;
  hoverDelayMs: () => number;
  /** The setting: a tap on a term inside a link opens the card instead of following the link. */
  tapOpensCardInLinks: () => boolean;
  shadowRoots: () => readonly ShadowRoot[];
  /** The focused-term highlight: shown while a card opened from the keyboard or popup is open. */
  setFocusedTerm: (hit: TermHit | undefined) => void;
  openReader: (entryId: string) => void;
  /** The sheet's previous/next buttons: the same move as the keyboard commands. */
  step: (direction: 1 | -1) => void;
}

export interface OpenOptions {
  pinned: boolean;
  /** Move keyboard focus into the card (keyboard navigation, popup jump, context menu). */
  focus?: boolean;
}

function inLink(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('a[href]') !== null;
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
  private expanded = false;
  private sheet = false;
  /** A newly opened sheet scrolls its term above itself once, not on every later scroll. */
  private revealPending = false;
  private returnFocus: Element | null = null;
  private lastPointerType = 'mouse';
  /** A long press opened the card: the click that may follow it is not the link's. */
  private swallowClick = false;
  private swipeStart: { x: number; y: number } | undefined;
  /** A card asked for before the digest arrived; a newer request or a close replaces it. */
  private waiting: { hit: TermHit; options: OpenOptions } | undefined;
  private readonly longPress = new LongPress();
  private readonly history = new SheetHistory(() => this.close());

  private readonly handlePointerMove = (e: PointerEvent) => this.onPointerMove(e);
  private readonly handlePointerDown = (e: PointerEvent) => this.onPointerDown(e);
  private readonly handlePointerEnd = () => this.longPress.cancel();
  private readonly handleClick = (e: MouseEvent) => this.onClick(e);
  private readonly handleContextMenu = (e: MouseEvent) => this.onContextMenu(e);
  private readonly handleKeyDown = (e: KeyboardEvent) => this.onKeyDown(e);
  private readonly handleTouchStart = (e: TouchEvent) => this.onTouchStart(e);
  private readonly handleTouchEnd = (e: TouchEvent) => this.onTouchEnd(e);
  private readonly handleScroll = () => this.onScroll();

  constructor(private readonly options: CardControllerOptions) {}

  listen(signal: AbortSignal): void {
    const opts = { capture: true, passive: true, signal };
    const active = { capture: true, signal };
    const attach = () => {
      document.addEventListener('pointermove', this.handlePointerMove, opts);
      document.addEventListener('pointerdown', this.handlePointerDown, opts);
      document.addEventListener('pointerup', this.handlePointerEnd, opts);
      document.addEventListener('pointercancel', this.handlePointerEnd, opts);
      document.addEventListener('click', this.handleClick, active);
      document.addEventListener('contextmenu', this.handleContextMenu, active);
      document.addEventListener('keydown', this.handleKeyDown, active);
      document.addEventListener('touchstart', this.handleTouchStart, opts);
      document.addEventListener('touchend', this.handleTouchEnd, opts);
      window.addEventListener('scroll', this.handleScroll, opts);
      window.addEventListener('resize', this.handleScroll, opts);
      window.visualViewport?.addEventListener('resize', this.handleScroll, { passive: true, signal });
      window.visualViewport?.addEventListener('scroll', this.handleScroll, { passive: true, signal });
    };
    attach();
    this.history.listen(signal);
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

  /** Shows the card at once when the digest is loaded, otherwise as soon as it arrives. */
  open(hit: TermHit, options: OpenOptions): void {
    this.clearTimers();
    const lookup = this.options.digest.ready;
    if (lookup) {
      this.show(hit, options, lookup);
      return;
    }
    const request = { hit, options };
    this.waiting = request;
    void this.options.digest.load().then((loaded) => {
      if (!loaded || this.waiting !== request) return;
      this.waiting = undefined;
      this.show(hit, options, loaded);
    });
  }

  private show(hit: TermHit, { pinned, focus = false }: OpenOptions, lookup: DigestLookup): void {
    this.anchor = hit;
    this.stack = [hit.entryId];
    this.pinned = pinned;
    this.expanded = false;
    this.revealPending = true;
    if (focus) {
      this.returnFocus = document.activeElement;
      this.options.setFocusedTerm(hit);
    }
    if (!this.render()) return;
    if (this.sheet) this.history.push();
    const name = lookup.entry(hit.entryId)?.name ?? '';
    this.options.overlay.announce(this.options.t('card_announce', name));
    if (focus) this.options.overlay.focusCard();
  }

  /** The term whose card is open, if any: where the sheet's previous/next buttons step from. */
  get openHit(): TermHit | undefined {
    return this.anchor;
  }

  close(): void {
    const hadFocus = this.options.overlay.containsFocus();
    this.clearTimers();
    this.waiting = undefined;
    this.anchor = undefined;
    this.stack = [];
    this.pinned = false;
    this.expanded = false;
    this.sheet = false;
    this.options.overlay.hide();
    this.options.setFocusedTerm(undefined);
    this.history.release();
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private isOverCard(target: EventTarget | null): boolean {
    const host = this.options.overlay.element;
    return !!host && target === host;
  }

  private onPointerMove(e: PointerEvent): void {
    // A finger's moves are scrolls or presses, never hover: no hover-intent timers for touch.
    if (!e.isTrusted || e.pointerType === 'touch') {
      if (e.isTrusted) this.longPress.move(e.clientX, e.clientY);
      return;
    }
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.isOverCard(e.target)) {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = undefined;
      return;
    }
    if (!this.frame) this.frame = requestAnimationFrame(() => this.onFrame());
  }

  private onPointerDown(e: PointerEvent): void {
    if (!e.isTrusted) return;
    this.lastPointerType = e.pointerType;
    this.swallowClick = false;
    if (e.pointerType !== 'touch' || this.isOverCard(e.target) || !inLink(e.target)) return;
    const { clientX: x, clientY: y } = e;
    if (!this.hitAt(x, y)) return;
    this.longPress.begin(x, y, () => this.openByLongPress(x, y));
  }

  /** A term inside a link: its tap follows the link, so a long press is the way to its card. */
  private openByLongPress(x: number, y: number): void {
    const hit = this.hitAt(x, y);
    if (!hit) return;
    this.pointer = { x, y };
    this.swallowClick = true;
    this.open(hit, { pinned: true });
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
    // A card pinned, or one a tap or key asked for that waits on the digest: hover changes neither.
    if (this.pinned || this.waiting?.options.pinned) return;
    if (hit) {
      if (hit.range === this.pending?.range || hit.range === this.waiting?.hit.range) return;
      clearTimeout(this.dwellTimer);
      this.pending = hit;
      // Resting on a term is the first sign a card is wanted: the digest loads during the dwell.
      void this.options.digest.load();
      this.dwellTimer = setTimeout(() => this.open(hit, { pinned: false }), this.options.hoverDelayMs());
      return;
    }
    clearTimeout(this.dwellTimer);
    this.pending = undefined;
    if (this.waiting && !this.waiting.options.pinned) this.waiting = undefined;
    if (this.anchor && this.leaveTimer === undefined) {
      this.leaveTimer = setTimeout(() => this.close(), LEAVE_GRACE_MS);
    }
  }

  private onClick(e: MouseEvent): void {
    if (!e.isTrusted || this.isOverCard(e.target)) return;
    if (this.swallowClick) {
      this.swallowClick = false;
      e.preventDefault();
      return;
    }
    const hit = this.hitAt(e.clientX, e.clientY);
    if (!hit) {
      if (this.anchor) this.close();
      return;
    }
    if (!inLink(e.target)) {
      this.openTapped(hit, e);
      return;
    }
    // A term inside a link stays a link, unless the reader chose taps to open cards there.
    const touch = ((e as PointerEvent).pointerType || this.lastPointerType) === 'touch';
    if (!touch || !this.options.tapOpensCardInLinks()) {
      if (this.anchor) this.close();
      return;
    }
    e.preventDefault();
    e.stopImmediatePropagation();
    this.openTapped(hit, e);
  }

  private openTapped(hit: TermHit, e: MouseEvent): void {
    this.pointer = { x: e.clientX, y: e.clientY };
    this.open(hit, { pinned: true });
  }

  /** Android answers a long press on a link with its menu; on a term, the card comes instead. */
  private onContextMenu(e: MouseEvent): void {
    if (!e.isTrusted || this.lastPointerType !== 'touch' || !inLink(e.target)) return;
    if (!this.swallowClick) {
      this.longPress.cancel();
      if (!this.hitAt(e.clientX, e.clientY)) return;
      this.openByLongPress(e.clientX, e.clientY);
    }
    e.preventDefault();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isTrusted && e.key === 'Escape' && this.anchor) this.close();
  }

  private onTouchStart(e: TouchEvent): void {
    const touch = e.touches[0];
    const card = this.options.overlay.card();
    // Only from the top of the sheet's own scroll: further down, a downward swipe scrolls it back up.
    const atTop = !card || card.scrollTop <= 0;
    this.swipeStart =
      e.isTrusted && touch && this.anchor && this.isOverCard(e.target) && atTop && e.touches.length === 1
        ? { x: touch.clientX, y: touch.clientY }
        : undefined;
  }

  private onTouchEnd(e: TouchEvent): void {
    const from = this.swipeStart;
    const touch = e.changedTouches[0];
    this.swipeStart = undefined;
    if (!from || !touch || !e.isTrusted || !this.sheet) return;
    if (isSwipeDown(from, { x: touch.clientX, y: touch.clientY })) this.close();
  }

  private onScroll(): void {
    if (!this.anchor) return;
    if (this.pinned) this.render();
    else this.close();
  }

  private clearTimers(): void {
    clearTimeout(this.dwellTimer);
    clearTimeout(this.leaveTimer);
    this.longPress.cancel();
    this.dwellTimer = this.leaveTimer = undefined;
    this.pending = undefined;
  }

  private showEntry(id: string): void {
    this.stack.push(id);
    this.pinned = true;
    this.render();
    this.options.overlay.focusCard();
  }

  private back(): void {
    this.stack.pop();
    this.render();
    this.options.overlay.focusCard();
  }

  private toggleMore(): void {
    this.expanded = !this.expanded;
    // Pressing More is taking an interest: the card stays until closed.
    this.pinned = true;
    this.render();
    if (this.expanded) this.options.overlay.announce(this.options.t('card_moreShown'));
  }

  /** False when there is nothing to show (an entry the digest cannot render shows nothing). */
  private render(): boolean {
    const anchor = this.anchor;
    const entryId = this.stack[this.stack.length - 1];
    const lookup = this.options.digest.ready;
    if (!anchor || !entryId || !lookup?.entry(entryId)) return false;
    this.sheet = wantsSheet();
    const card = h(Card, {
      lookup,
      entryId,
      t: this.options.t,
      theme: pageTheme(),
      pinned: this.pinned,
      expanded: this.expanded,
      sheet: this.sheet,
      canGoBack: this.stack.length > 1,
      onOpenEntry: (id: string) => this.showEntry(id),
      onBack: () => this.back(),
      onOpenReader: (id: string) => this.options.openReader(id),
      onClose: () => this.close(),
      onToggleMore: () => this.toggleMore(),
      onStep: (direction: 1 | -1) => this.options.step(direction),
    });
    this.options.overlay.show(card, (layer) => this.place(layer, rangeRects(anchor.range)));
    return true;
  }

  private place(layer: HTMLElement, rects: DOMRect[]): void {
    layer.classList.toggle('tw-sheet-layer', this.sheet);
    if (!this.sheet) {
      placeNear(layer, rects, this.pointer.y);
      return;
    }
    placeSheet(layer);
    if (this.revealPending) revealAboveSheet(layer, rects);
    this.revealPending = false;
    // A term near the end of a page that cannot scroll further: the sheet comes from the top instead.
    const anchor = this.anchor;
    if (anchor && sheetCoversTerm(layer, rangeRects(anchor.range))) placeSheet(layer, true);
  }
}
