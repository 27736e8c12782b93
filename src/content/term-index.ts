// Everything the scanner found, kept by block so a changed block's hits can be replaced alone,
// and by range and text node so a pointer position maps back to its entry.
import type { TermHit } from './scan-text';
import type { TopicHighlights } from './topic-highlights';

export interface EntryCount {
  id: string;
  count: number;
}

export class TermIndex {
  private readonly byBlock = new Map<Element, TermHit[]>();
  private readonly byRange = new Map<AbstractRange, TermHit>();
  private readonly byNode = new Map<Node, TermHit[]>();

  constructor(
    private readonly highlights: TopicHighlights,
    private readonly topicOf: (entryId: string) => string,
  ) {}

  setBlock(block: Element, hits: TermHit[]): void {
    this.dropBlock(block);
    this.byBlock.set(block, hits);
    for (const hit of hits) {
      this.byRange.set(hit.range, hit);
      this.indexNode(hit.range.startContainer, hit);
      if (hit.range.endContainer !== hit.range.startContainer) this.indexNode(hit.range.endContainer, hit);
      this.highlights.add(this.topicOf(hit.entryId), hit.range);
    }
  }

  dropBlock(block: Element): void {
    const old = this.byBlock.get(block);
    if (!old) return;
    this.byBlock.delete(block);
    for (const hit of old) {
      this.byRange.delete(hit.range);
      this.byNode.delete(hit.range.startContainer);
      this.byNode.delete(hit.range.endContainer);
      this.highlights.delete(this.topicOf(hit.entryId), hit.range);
    }
  }

  /** Drops the hits of every block inside `root` (or `root` itself). */
  dropWithin(root: Node): void {
    for (const block of [...this.byBlock.keys()]) {
      if (root === block || root.contains(block)) this.dropBlock(block);
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

  /** Entries in order of first appearance with their counts. */
  summary(): { entries: EntryCount[]; total: number } {
    const counts = new Map<string, number>();
    let total = 0;
    for (const hit of this.hitsInDocumentOrder()) {
      counts.set(hit.entryId, (counts.get(hit.entryId) ?? 0) + 1);
      total++;
    }
    return { entries: [...counts].map(([id, count]) => ({ id, count })), total };
  }

  hitsInDocumentOrder(): TermHit[] {
    const blocks = [...this.byBlock.keys()].sort((a, b) =>
      a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return blocks.flatMap((b) => this.byBlock.get(b) ?? []);
  }

  clear(): void {
    this.byBlock.clear();
    this.byRange.clear();
    this.byNode.clear();
    this.highlights.clearRanges();
  }

  private indexNode(node: Node, hit: TermHit): void {
    const list = this.byNode.get(node);
    if (list) list.push(hit);
    else this.byNode.set(node, [hit]);
  }
}
