// One Highlight per topic in CSS.highlights, named per the contract in ARCHITECTURE.md, plus one for the term
// that keyboard navigation or the popup points at. Switching a topic off unregisters its Highlight
// but keeps its ranges, so switching it back on costs nothing. A topic without ranges is not
// registered: the page's own scripts can read the registry, and an empty entry would tell them the
// extension is installed and which topics are switched off even where nothing matched.

import { auditHighlightChange } from './profile';

export function topicHighlightName(topicId: string): string {
  return `techwar-${topicId}`;
}

/** The term the reader moved to with the keyboard or jumped to from the popup. */
export const FOCUS_HIGHLIGHT = 'techwar-focus';

/** A page that keeps clearing the registry gets our highlights back at most this often. */
const MAX_REASSERTS_PER_MINUTE = 10;
/**
 * How long a held change may wait (see hold): a long pass still shows its highlights as it goes,
 * at a cost of one more frame of the browser's overflow work each time.
 */
export const MAX_HOLD_MS = 500;

export class TopicHighlights {
  private readonly byTopic = new Map<string, Highlight>();
  private readonly focus = new Highlight();
  private hidden = new Set<string>();
  private active = false;
  private reassertedAt: number[] = [];
  private holding = false;
  private heldSince = 0;
  /** Changes made while holding, the last per range: true adds it, false removes it. */
  private readonly held = new Map<AbstractRange, { topicId: string; add: boolean }>();
  /** Set when the ranges were cleared while holding: the clear comes first when the held changes are applied. */
  private clearHeld = false;

  constructor(topicIds: readonly string[]) {
    for (const id of topicIds) this.byTopic.set(id, new Highlight());
    this.focus.priority = 1;
  }

  add(topicId: string, range: AbstractRange): void {
    if (this.holding) this.queue(topicId, range, true);
    else this.apply(topicId, range, true);
  }

  delete(topicId: string, range: AbstractRange): void {
    if (this.holding) this.queue(topicId, range, false);
    else this.apply(topicId, range, false);
  }

  /**
   * Holds changes back until release(), or MAX_HOLD_MS at most. Every change to a registered
   * Highlight costs Chromium a frame that recomputes the visual overflow of each underlined term's
   * ancestors, with all their children: a pass that changed the highlights in every slice cost 50-100 ms
   * frames, one after another, on a list of 50,000 items.
   */
  hold(): void {
    if (this.holding) return;
    this.holding = true;
    this.heldSince = performance.now();
  }

  /** Applies what was held and stops holding. */
  release(): void {
    this.holding = false;
    this.applyHeld();
  }

  private queue(topicId: string, range: AbstractRange, add: boolean): void {
    this.held.set(range, { topicId, add });
    // A clock read per change: far cheaper than the hit behind it, and sparse hits still show.
    const now = performance.now();
    if (now - this.heldSince < MAX_HOLD_MS) return;
    this.heldSince = now;
    this.applyHeld();
  }

  private applyHeld(): void {
    // Cleared here rather than range by range: Firefox's content scripts cannot iterate a Highlight.
    const cleared = this.clearHeld;
    if (cleared) for (const hl of this.byTopic.values()) hl.clear();
    this.clearHeld = false;
    for (const [range, { topicId, add }] of this.held) this.apply(topicId, range, add);
    this.held.clear();
    if (cleared) this.sync();
  }

  private apply(topicId: string, range: AbstractRange, add: boolean): void {
    const hl = this.byTopic.get(topicId);
    if (!hl) return;
    auditHighlightChange();
    if (add) {
      hl.add(range);
      if (hl.size === 1) this.register(topicHighlightName(topicId), hl, this.isTopicShown(topicId));
    } else if (hl.delete(range) && hl.size === 0) this.register(topicHighlightName(topicId), hl, false);
  }

  isTopicShown(topicId: string): boolean {
    return this.active && !this.hidden.has(topicId);
  }

  /** Marks one range as the focused term (none with undefined). */
  setFocus(range: AbstractRange | undefined): void {
    this.focus.clear();
    if (range) this.focus.add(range);
    this.sync();
  }

  /** Registers every visible topic; safe to call again after the page cleared the registry. */
  show(hiddenTopics: ReadonlySet<string>): void {
    this.hidden = new Set(hiddenTopics);
    this.active = true;
    this.sync();
  }

  hide(): void {
    this.active = false;
    this.sync();
  }

  /**
   * Registers our highlights again when the page removed or replaced them, but gives up for the
   * minute once the page has done so too often: fighting a page in a loop helps nobody.
   */
  reassertIfTampered(now = performance.now()): boolean {
    if (!this.isTampered()) return false;
    this.reassertedAt = this.reassertedAt.filter((t) => now - t < 60_000);
    if (this.reassertedAt.length >= MAX_REASSERTS_PER_MINUTE) return false;
    this.reassertedAt.push(now);
    this.sync();
    return true;
  }

  private isTampered(): boolean {
    if (!this.active) return false;
    for (const [id, hl] of this.byTopic) {
      if (!this.hidden.has(id) && hl.size > 0 && CSS.highlights.get(topicHighlightName(id)) !== hl) return true;
    }
    return false;
  }

  private sync(): void {
    for (const [id, hl] of this.byTopic)
      this.register(topicHighlightName(id), hl, this.isTopicShown(id) && hl.size > 0);
    this.register(FOCUS_HIGHLIGHT, this.focus, this.active && this.focus.size > 0);
  }

  private register(name: string, hl: Highlight, wanted: boolean): void {
    const current = CSS.highlights.get(name);
    if (wanted && current !== hl) CSS.highlights.set(name, hl);
    else if (!wanted && current === hl) CSS.highlights.delete(name);
  }

  /** Removes every range; while holding, the topics' ranges go when the held changes are applied. */
  clearRanges(): void {
    this.held.clear();
    if (this.holding) this.clearHeld = true;
    else for (const hl of this.byTopic.values()) hl.clear();
    this.focus.clear();
    this.sync();
  }
}
