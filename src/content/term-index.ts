// Everything the scanner found, kept by block so a changed block's hits can be replaced alone,
// and by range and text node so a pointer position maps back to its entry.
import { runToEnd } from '../matcher/automaton';
import { isOnBeat } from '../matcher/beat';
import { auditWork } from './profile';
import type { TermHit } from './scan-text';
import type { TopicHighlights } from './topic-highlights';
import { compareTreeOrder } from './tree-order';

/** Hits or elements handled between looks at the clock. */
const HIT_CHECK_EVERY = 256;

export interface EntryCount {
  id: string;
  count: number;
}

export class TermIndex {
  private readonly byBlock = new Map<Element, TermHit[]>();
  private readonly byRange = new Map<AbstractRange, TermHit>();
  private readonly byNode = new Map<Node, TermHit[]>();
  /**
   * Hits per entry, kept as blocks change, so a summary costs nothing on a big page: the hits that
   * always show, and the gated ones (broad entries, generic aliases) that show only while the page
   * is about the beat (src/matcher/beat.ts) or the reader asked to see everything on it. Gated hits
   * stay indexed; like a topic switched off, they cost nothing to bring back.
   */
  private readonly counts = new Map<string, number>();
  private total = 0;
  private readonly gatedCounts = new Map<string, number>();
  private gatedTotal = 0;
  private onBeat = false;
  private showAll = false;
  /** "First mention only": just the first hit of each entry, in document order, is highlighted. */
  private firstOnly = false;
  private readonly shownFirsts = new Set<TermHit>();
  /**
   * byBlock keeps blocks in document order: a full pass inserts them in that order. Blocks added
   * by a later partial pass may break it; they set this flag, and the order is restored only when
   * someone needs it (sorting thousands of blocks costs tens of milliseconds).
   */
  private orderBroken = false;

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
      this.count(hit, 1);
      this.byRange.set(hit.range, hit);
      this.indexNode(hit.range.startContainer, hit);
      if (hit.range.endContainer !== hit.range.startContainer) this.indexNode(hit.range.endContainer, hit);
      if (!this.firstOnly && this.visible(hit)) this.highlights.add(this.topicOf(hit.entryId), hit.range);
    }
  }

  /** Whether the page-level gate lets the hit show. */
  private visible(hit: TermHit): boolean {
    return !hit.gated || this.onBeat || this.showAll;
  }

  /** The reader's choice, for this page, to show the gated hits of a page off the beat. */
  setShowAll(on: boolean): void {
    if (on === this.showAll) return;
    this.showAll = on;
    this.syncGated();
    this.refresh();
  }

  /** Whether the page is about the beat, and how many hits the gate holds back. */
  beat(): { onBeat: boolean; hidden: number; showAll: boolean } {
    const open = this.onBeat || this.showAll;
    return { onBeat: this.onBeat, hidden: open ? 0 : this.gatedTotal, showAll: this.showAll };
  }

  /** Decides again whether the page is about the beat (from the running counts), and opens or closes the gate. */
  private updateBeat(): void {
    const onBeat = isOnBeat(this.counts.size, this.total);
    if (onBeat === this.onBeat) return;
    this.onBeat = onBeat;
    this.syncGated();
  }

  /** Adds or removes the gated hits' ranges after the gate opened or closed ("first mention only" aside). */
  private syncGated(): void {
    if (this.firstOnly) return;
    for (const hits of this.byBlock.values())
      for (const hit of hits) {
        if (!hit.gated) continue;
        if (this.visible(hit)) this.highlights.add(this.topicOf(hit.entryId), hit.range);
        else this.highlights.delete(this.topicOf(hit.entryId), hit.range);
      }
  }

  dropBlock(block: Element): void {
    const old = this.byBlock.get(block);
    if (!old) return;
    this.byBlock.delete(block);
    for (const hit of old) {
      this.count(hit, -1);
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
    this.refresh();
  }

  /** After blocks changed: the beat decision, then "first mention only". */
  refresh(): void {
    runToEnd(this.refreshSteps(() => false));
  }

  /** refresh in steps, yielding whenever `shouldYield()` says so. */
  *refreshSteps(shouldYield: () => boolean): Generator<void, void, void> {
    this.updateBeat();
    if (!this.firstOnly) return;
    const firsts = new Map<string, TermHit>();
    const ordered = this.hitsInDocumentOrder();
    for (let i = 0; i < ordered.length; i++) {
      const hit = ordered[i] as TermHit;
      if (this.visible(hit) && !firsts.has(hit.entryId)) firsts.set(hit.entryId, hit);
      if (i % HIT_CHECK_EVERY === HIT_CHECK_EVERY - 1 && shouldYield()) yield;
    }
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
  *dropWithin(root: Node, shouldYield: () => boolean): Generator<void, void, void> {
    if (this.byBlock.has(root as Element)) this.dropBlock(root as Element);
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    let n = 0;
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (this.byBlock.has(el as Element)) this.dropBlock(el as Element);
      auditWork('elements', 1);
      if (++n % HIT_CHECK_EVERY === 0 && shouldYield()) yield;
    }
  }

  /** Drops blocks the page has removed; cheap because only blocks with hits are kept. */
  *pruneDisconnected(shouldYield: () => boolean): Generator<void, void, void> {
    let n = 0;
    for (const block of [...this.byBlock.keys()]) {
      if (!block.isConnected) this.dropBlock(block);
      if (++n % HIT_CHECK_EVERY === 0 && shouldYield()) yield;
    }
  }

  hitForRange(range: AbstractRange): TermHit | undefined {
    return this.byRange.get(range);
  }

  hitsInNode(node: Node): readonly TermHit[] {
    return this.byNode.get(node) ?? [];
  }

  /** Entries with their counts, in the order they were first found (as scanned, if the page changed since). */
  summary(): { entries: EntryCount[]; total: number } {
    if (!(this.onBeat || this.showAll)) {
      return { entries: [...this.counts].map(([id, count]) => ({ id, count })), total: this.total };
    }
    const all = new Map(this.counts);
    for (const [id, n] of this.gatedCounts) all.set(id, (all.get(id) ?? 0) + n);
    return { entries: [...all].map(([id, count]) => ({ id, count })), total: this.total + this.gatedTotal };
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
    this.byBlock.clear();
    this.byRange.clear();
    this.byNode.clear();
    this.counts.clear();
    this.total = 0;
    this.gatedCounts.clear();
    this.gatedTotal = 0;
    this.onBeat = false;
    this.showAll = false;
    this.shownFirsts.clear();
    this.highlights.clearRanges();
  }

  private count(hit: TermHit, by: number): void {
    const counts = hit.gated ? this.gatedCounts : this.counts;
    const now = (counts.get(hit.entryId) ?? 0) + by;
    if (now > 0) counts.set(hit.entryId, now);
    else counts.delete(hit.entryId);
    if (hit.gated) this.gatedTotal += by;
    else this.total += by;
  }

  private indexNode(node: Node, hit: TermHit): void {
    const list = this.byNode.get(node);
    if (list) list.push(hit);
    else this.byNode.set(node, [hit]);
  }
}
