// Everything the scanner found, kept by block so a changed block's hits can be replaced alone,
// and by range and text node so a pointer position maps back to its entry.
import { isOnBeat } from '../matcher/beat';
import type { TermHit } from './scan-text';
import type { TopicHighlights } from './topic-highlights';
import { compareTreeOrder } from './tree-order';

export interface EntryCount {
  id: string;
  count: number;
}

export class TermIndex {
  private readonly byBlock = new Map<Element, TermHit[]>();
  private readonly byRange = new Map<AbstractRange, TermHit>();
  private readonly byNode = new Map<Node, TermHit[]>();
  /** "First mention only": just the first hit of each entry, in document order, is highlighted. */
  private firstOnly = false;
  private readonly shownFirsts = new Set<TermHit>();
  /**
   * byBlock keeps blocks in document order: a full pass inserts them in that order. Blocks added
   * by a later partial pass may break it; they set this flag, and the order is restored only when
   * someone needs it (sorting thousands of blocks costs tens of milliseconds).
   */
  private orderBroken = false;
  /**
   * Gated hits (broad entries, generic aliases) stay indexed but are highlighted only while the
   * page is about the beat, or the reader asked to see everything on this page; like a topic
   * switched off, they cost nothing to bring back.
   */
  private onBeat = false;
  private showAll = false;

  constructor(
    private readonly highlights: TopicHighlights,
    private readonly topicOf: (entryId: string) => string,
  ) {}

  setBlock(block: Element, hits: TermHit[], partial: boolean): void {
    const known = this.byBlock.has(block);
    this.dropBlock(block);
    if (partial && !known) this.orderBroken = true;
    this.byBlock.set(block, []);
    this.appendHits(block, hits);
  }

  /** Adds hits that follow the block's known ones (a long block's hits arrive in chunks). */
  appendHits(block: Element, hits: readonly TermHit[]): void {
    const list = this.byBlock.get(block);
    if (!list) return;
    for (const hit of hits) {
      list.push(hit);
      this.byRange.set(hit.range, hit);
      this.indexNode(hit.range.startContainer, hit);
      if (hit.range.endContainer !== hit.range.startContainer) this.indexNode(hit.range.endContainer, hit);
      if (!this.firstOnly && this.visible(hit)) this.highlights.add(this.topicOf(hit.entryId), hit.range);
    }
  }

  /** Whether the page-level gate lets the hit show (see beat.ts). */
  private visible(hit: TermHit): boolean {
    return !hit.gated || this.onBeat || this.showAll;
  }

  /** The reader's per-page choice to show gated hits on a page that is not about the beat. */
  setShowAll(on: boolean): void {
    if (on === this.showAll) return;
    this.showAll = on;
    this.syncGated();
  }

  /** Whether the page counts as about the beat, and how many hits the gate holds back. */
  beat(): { onBeat: boolean; hidden: number; showAll: boolean } {
    let hidden = 0;
    for (const hits of this.byBlock.values()) for (const hit of hits) if (!this.visible(hit)) hidden++;
    return { onBeat: this.onBeat, hidden, showAll: this.showAll };
  }

  /** Adds or removes the gated hits' ranges after the gate opened or closed. */
  private syncGated(): void {
    if (!this.firstOnly) {
      for (const hits of this.byBlock.values())
        for (const hit of hits) {
          if (!hit.gated) continue;
          if (this.visible(hit)) this.highlights.add(this.topicOf(hit.entryId), hit.range);
          else this.highlights.delete(this.topicOf(hit.entryId), hit.range);
        }
    }
    this.refreshFirsts();
  }

  dropBlock(block: Element): void {
    const old = this.byBlock.get(block);
    if (!old) return;
    this.byBlock.delete(block);
    for (const hit of old) {
      this.byRange.delete(hit.range);
      this.byNode.delete(hit.range.startContainer);
      this.byNode.delete(hit.range.endContainer);
      this.shownFirsts.delete(hit);
      this.highlights.delete(this.topicOf(hit.entryId), hit.range);
    }
  }

  setFirstMentionOnly(on: boolean): void {
    if (on === this.firstOnly) return;
    this.firstOnly = on;
    this.highlights.clearRanges();
    this.shownFirsts.clear();
    if (!on)
      for (const hits of this.byBlock.values())
        for (const hit of hits) if (this.visible(hit)) this.highlights.add(this.topicOf(hit.entryId), hit.range);
    this.refreshFirsts();
  }

  /** After blocks changed: decides again whether the page is about the beat, then "first mention only". */
  refresh(): void {
    const onBeat = isOnBeat(this.allHits());
    if (onBeat !== this.onBeat) {
      this.onBeat = onBeat;
      this.syncGated();
    } else this.refreshFirsts();
  }

  private *allHits(): Generator<TermHit> {
    for (const hits of this.byBlock.values()) yield* hits;
  }

  /** Brings "first mention only" up to date; nothing to do otherwise. */
  private refreshFirsts(): void {
    if (!this.firstOnly) return;
    const firsts = new Map<string, TermHit>();
    for (const hit of this.hitsInDocumentOrder())
      if (this.visible(hit) && !firsts.has(hit.entryId)) firsts.set(hit.entryId, hit);
    const wanted = new Set(firsts.values());
    for (const hit of [...this.shownFirsts]) {
      if (wanted.has(hit)) continue;
      this.shownFirsts.delete(hit);
      this.highlights.delete(this.topicOf(hit.entryId), hit.range);
    }
    for (const hit of wanted) {
      if (this.shownFirsts.has(hit)) continue;
      this.shownFirsts.add(hit);
      this.highlights.add(this.topicOf(hit.entryId), hit.range);
    }
  }

  /** Whether the hit is highlighted, topic switches aside. */
  isShown(hit: TermHit): boolean {
    return this.visible(hit) && (!this.firstOnly || this.shownFirsts.has(hit));
  }

  /**
   * Drops the hits of every block inside `root` (or `root` itself). Walks the subtree rather than
   * testing every known block: a rescanned paragraph is small, the page's list of blocks is not.
   */
  dropWithin(root: Node): void {
    if (this.byBlock.has(root as Element)) this.dropBlock(root as Element);
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (this.byBlock.has(el as Element)) this.dropBlock(el as Element);
    }
  }

  /** Drops blocks the page has removed; cheap because only blocks with hits are kept. */
  pruneDisconnected(): boolean {
    let changed = false;
    for (const block of [...this.byBlock.keys()]) {
      if (!block.isConnected) {
        this.dropBlock(block);
        changed = true;
      }
    }
    return changed;
  }

  hitForRange(range: AbstractRange): TermHit | undefined {
    return this.byRange.get(range);
  }

  hitsInNode(node: Node): readonly TermHit[] {
    return this.byNode.get(node) ?? [];
  }

  /** Entries with their counts, in order of first appearance (as scanned, if the page changed since). */
  summary(): { entries: EntryCount[]; total: number } {
    const counts = new Map<string, number>();
    let total = 0;
    for (const hit of this.allHits()) {
      if (!this.visible(hit)) continue;
      counts.set(hit.entryId, (counts.get(hit.entryId) ?? 0) + 1);
      total++;
    }
    return { entries: [...counts].map(([id, count]) => ({ id, count })), total };
  }

  hitsInDocumentOrder(): TermHit[] {
    if (this.orderBroken) {
      const sorted = [...this.byBlock].sort(([a], [b]) => compareTreeOrder(a, b));
      this.byBlock.clear();
      for (const [block, hits] of sorted) this.byBlock.set(block, hits);
      this.orderBroken = false;
    }
    return [...this.byBlock.values()].flat();
  }

  clear(): void {
    this.orderBroken = false;
    this.onBeat = false;
    this.showAll = false;
    this.byBlock.clear();
    this.byRange.clear();
    this.byNode.clear();
    this.shownFirsts.clear();
    this.highlights.clearRanges();
  }

  private indexNode(node: Node, hit: TermHit): void {
    const list = this.byNode.get(node);
    if (list) list.push(hit);
    else this.byNode.set(node, [hit]);
  }
}
