// Everything the scanner found, kept by block so a changed block's hits can be replaced alone,
// and by range and text node so a pointer position maps back to its entry. The order and
// first-mention rules live in mention-order.ts; this adds the DOM side.
import { HighlightWindow } from './highlight-window';
import { type EntryCount, HIT_CHECK_EVERY, MentionOrder } from './mention-order';
import { auditWork } from './profile';
import type { TermHit } from './scan-text';
import type { TopicHighlights } from './topic-highlights';
import { compareTreeOrder } from './tree-order';
import { documentWindowPage } from './window-page';

export class TermIndex {
  private readonly mentions: MentionOrder<Element, TermHit>;
  private readonly byRange = new Map<AbstractRange, TermHit>();
  private readonly byNode = new Map<Node, TermHit[]>();

  /** Which shown mentions are registered: all of them, or on a big page those around the screen. */
  private readonly window: HighlightWindow;

  constructor(highlights: TopicHighlights, topicOf: (entryId: string) => string) {
    this.window = new HighlightWindow(
      highlights,
      documentWindowPage(() => this.hitsInDocumentOrder().map((hit) => hit.range)),
    );
    this.mentions = new MentionOrder<Element, TermHit>(compareTreeOrder, {
      show: (hit) => this.window.add(topicOf(hit.entryId), hit.range),
      hide: (hit) => this.window.delete(topicOf(hit.entryId), hit.range),
      hideAll: () => this.window.clear(),
    });
  }

  /** Lets a big page's highlight window follow the reader's scrolling until `signal` aborts. */
  followScroll(signal: AbortSignal): void {
    this.window.follow(signal);
  }

  /** After a pass: a big page's highlight window is placed around the screen again, in steps. */
  placeWindowSteps(shouldYield: () => boolean): Generator<void, void, void> {
    return this.window.placeSteps(shouldYield);
  }

  setBlock(block: Element, hits: readonly TermHit[], partial: boolean): void {
    this.forget(this.mentions.setBlock(block, [], partial));
    this.appendHits(block, hits);
  }

  /** Adds hits that follow the block's known ones (a long block's hits arrive in chunks). */
  appendHits(block: Element, hits: readonly TermHit[]): void {
    if (!this.mentions.appendHits(block, hits)) return;
    for (const hit of hits) {
      this.byRange.set(hit.range, hit);
      this.indexNode(hit.range.startContainer, hit);
      if (hit.range.endContainer !== hit.range.startContainer) this.indexNode(hit.range.endContainer, hit);
    }
  }

  dropBlock(block: Element): void {
    this.forget(this.mentions.dropBlock(block));
  }

  setFirstMentionOnly(on: boolean): void {
    this.mentions.setFirstMentionOnly(on);
    // Shown again outside a pass: on a big page they wait for the window to be placed.
    this.window.place();
  }

  /** The reader's choice, for this page, to show the gated hits of a page off the beat. */
  setShowAll(on: boolean): void {
    this.mentions.setShowAll(on);
    this.window.place();
  }

  /** Whether the page is about the beat, and how many hits the gate holds back. */
  beat(): { onBeat: boolean; hidden: number; showAll: boolean } {
    return this.mentions.beat();
  }

  /** refresh in steps, yielding whenever `shouldYield()` says so. */
  refreshSteps(shouldYield: () => boolean): Generator<void, void, void> {
    return this.mentions.refreshSteps(shouldYield);
  }

  /** Whether the hit is highlighted, topic switches aside. */
  isShown(hit: TermHit): boolean {
    return this.mentions.isShown(hit);
  }

  /**
   * Drops the hits of every block inside `root` (or `root` itself). Walks the subtree rather than
   * testing every known block: a rescanned paragraph is small, the page's list of blocks is not.
   */
  *dropWithin(root: Node, shouldYield: () => boolean): Generator<void, void, void> {
    if (this.mentions.hasBlock(root as Element)) this.dropBlock(root as Element);
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    let n = 0;
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      if (this.mentions.hasBlock(el as Element)) this.dropBlock(el as Element);
      auditWork('elements', 1);
      if (++n % HIT_CHECK_EVERY === 0 && shouldYield()) yield;
    }
  }

  /** Drops blocks the page has removed; cheap because only blocks with hits are kept. */
  *pruneDisconnected(shouldYield: () => boolean): Generator<void, void, void> {
    let n = 0;
    for (const block of this.mentions.blocks()) {
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
    return this.mentions.summary();
  }

  hitsInDocumentOrder(): TermHit[] {
    return this.mentions.hitsInDocumentOrder();
  }

  clear(): void {
    this.mentions.clear();
    this.byRange.clear();
    this.byNode.clear();
  }

  private forget(hits: readonly TermHit[]): void {
    for (const hit of hits) {
      this.byRange.delete(hit.range);
      this.byNode.delete(hit.range.startContainer);
      this.byNode.delete(hit.range.endContainer);
    }
  }

  private indexNode(node: Node, hit: TermHit): void {
    const list = this.byNode.get(node);
    if (list) list.push(hit);
    else this.byNode.set(node, [hit]);
  }
}
