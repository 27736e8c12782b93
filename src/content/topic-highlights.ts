// One Highlight per topic in CSS.highlights, named per the contract in ARCHITECTURE.md, plus one for the term
// that keyboard navigation or the popup points at. Switching a topic off unregisters its Highlight
// but keeps its ranges, so switching it back on costs nothing. A topic without ranges is not
// registered: the page's own scripts can read the registry, and an empty entry would tell them the
// extension is installed and which topics are switched off even where nothing matched.

export function topicHighlightName(topicId: string): string {
  return `techwar-${topicId}`;
}

/** The term the reader moved to with the keyboard or jumped to from the popup. */
export const FOCUS_HIGHLIGHT = 'techwar-focus';

/** A page that keeps clearing the registry gets our highlights back at most this often. */
const MAX_REASSERTS_PER_MINUTE = 10;

export class TopicHighlights {
  private readonly byTopic = new Map<string, Highlight>();
  private readonly focus = new Highlight();
  private hidden = new Set<string>();
  private active = false;
  private reassertedAt: number[] = [];

  constructor(topicIds: readonly string[]) {
    for (const id of topicIds) this.byTopic.set(id, new Highlight());
    this.focus.priority = 1;
  }

  add(topicId: string, range: AbstractRange): void {
    const hl = this.byTopic.get(topicId);
    if (!hl) return;
    hl.add(range);
    if (hl.size === 1) this.register(topicHighlightName(topicId), hl, this.isTopicShown(topicId));
  }

  delete(topicId: string, range: AbstractRange): void {
    const hl = this.byTopic.get(topicId);
    if (hl?.delete(range) && hl.size === 0) this.register(topicHighlightName(topicId), hl, false);
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

  clearRanges(): void {
    for (const hl of this.byTopic.values()) hl.clear();
    this.focus.clear();
    this.sync();
  }
}
