// One Highlight per topic in CSS.highlights, named per the DESIGN contract. Switching a topic off
// unregisters its Highlight but keeps its ranges, so switching it back on costs nothing.

export function topicHighlightName(topicId: string): string {
  return `techwar-${topicId}`;
}

export class TopicHighlights {
  private readonly byTopic = new Map<string, Highlight>();
  private hidden = new Set<string>();
  private active = false;

  constructor(topicIds: readonly string[]) {
    for (const id of topicIds) this.byTopic.set(id, new Highlight());
  }

  add(topicId: string, range: AbstractRange): void {
    this.byTopic.get(topicId)?.add(range);
  }

  delete(topicId: string, range: AbstractRange): void {
    this.byTopic.get(topicId)?.delete(range);
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

  /** True when the page removed or replaced one of our registrations. */
  isTampered(): boolean {
    if (!this.active) return false;
    for (const [id, hl] of this.byTopic) {
      if (!this.hidden.has(id) && CSS.highlights.get(topicHighlightName(id)) !== hl) return true;
    }
    return false;
  }

  sync(): void {
    for (const [id, hl] of this.byTopic) {
      const name = topicHighlightName(id);
      const wanted = this.active && !this.hidden.has(id);
      const current = CSS.highlights.get(name);
      if (wanted && current !== hl) CSS.highlights.set(name, hl);
      else if (!wanted && current === hl) CSS.highlights.delete(name);
    }
  }

  clearRanges(): void {
    for (const hl of this.byTopic.values()) hl.clear();
  }

  destroy(): void {
    this.hide();
    this.clearRanges();
  }
}
