// The scanner's hits kept by block in document order, and which of them are shown when only the
// first mention of each entry is. Pure: blocks and hits are opaque, ordered by the caller's compare
// and shown through the caller's sink, so the rules are unit-tested without a DOM.
import { runToEnd } from '../matcher/automaton';
import { isOnBeat } from '../matcher/beat';

export interface Mention {
  readonly entryId: string;
  /** A broad entry's or generic alias's hit: shown only while the page is on the beat (src/matcher/beat.ts). */
  readonly gated?: boolean;
}

/** Where shown mentions go (the page's highlights, in the content script). */
export interface MentionSink<H> {
  show(hit: H): void;
  hide(hit: H): void;
  hideAll(): void;
}

export interface EntryCount {
  id: string;
  count: number;
}

/** Hits handled between looks at the clock in refreshSteps. */
export const HIT_CHECK_EVERY = 256;

export class MentionOrder<B, H extends Mention> {
  private readonly byBlock = new Map<B, H[]>();
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
  /** "First mention only": just the first hit of each entry, in document order, is shown. */
  private firstOnly = false;
  private readonly shownFirsts = new Set<H>();
  /**
   * byBlock keeps blocks in document order: a full pass inserts them in that order. Blocks added
   * by a later partial pass may break it; they set this flag, and the order is restored only when
   * someone needs it (sorting thousands of blocks costs tens of milliseconds).
   */
  private orderBroken = false;

  constructor(
    private readonly compareBlocks: (a: B, b: B) => number,
    private readonly sink: MentionSink<H>,
  ) {}

  /**
   * The block's hits, replacing what it had (returned, so the caller can forget them). `partial`:
   * the block comes from a rescan of changed blocks, so it may not follow the blocks already kept.
   */
  setBlock(block: B, hits: readonly H[], partial: boolean): readonly H[] {
    const known = this.byBlock.has(block);
    const old = this.hideBlock(block);
    // A known block keeps its place in the map; a new one is appended, in order only in a full pass.
    if (partial && !known) this.orderBroken = true;
    this.byBlock.set(block, []);
    this.appendHits(block, hits);
    return old;
  }

  /** Adds hits that follow the block's known ones (a long block's hits arrive in chunks); false for an unknown block. */
  appendHits(block: B, hits: readonly H[]): boolean {
    const list = this.byBlock.get(block);
    if (!list) return false;
    for (const hit of hits) {
      list.push(hit);
      this.count(hit, 1);
      if (!this.firstOnly && this.visible(hit)) this.sink.show(hit);
    }
    return true;
  }

  /** Whether the page-level gate lets the hit show. */
  private visible(hit: H): boolean {
    return !hit.gated || this.onBeat || this.showAll;
  }

  /** The reader's choice, for this page, to show the gated hits of a page off the beat. */
  setShowAll(on: boolean): void {
    if (on === this.showAll) return;
    this.showAll = on;
    runToEnd(this.syncGatedSteps(() => false));
    this.refresh();
  }

  /** Whether the page is about the beat, and how many hits the gate holds back. */
  beat(): { onBeat: boolean; hidden: number; showAll: boolean } {
    const open = this.onBeat || this.showAll;
    return { onBeat: this.onBeat, hidden: open ? 0 : this.gatedTotal, showAll: this.showAll };
  }

  /**
   * Decides again whether the page is about the beat (from the running counts), and opens or closes
   * the gate, in steps: a big page's gated hits are thousands of highlight changes.
   */
  private *updateBeatSteps(shouldYield: () => boolean): Generator<void, void, void> {
    const onBeat = isOnBeat(this.counts.size, this.total);
    if (onBeat === this.onBeat) return;
    this.onBeat = onBeat;
    yield* this.syncGatedSteps(shouldYield);
  }

  /** Shows or hides the gated hits after the gate opened or closed ("first mention only" aside). */
  private *syncGatedSteps(shouldYield: () => boolean): Generator<void, void, void> {
    if (this.firstOnly) return;
    let n = 0;
    for (const hits of this.byBlock.values())
      for (const hit of hits) {
        if (!hit.gated) continue;
        if (this.visible(hit)) this.sink.show(hit);
        else this.sink.hide(hit);
        if (++n % HIT_CHECK_EVERY === 0 && shouldYield()) yield;
      }
  }

  /** Forgets the block; returns its hits (none if it was unknown). */
  dropBlock(block: B): readonly H[] {
    const old = this.hideBlock(block);
    this.byBlock.delete(block);
    return old;
  }

  hasBlock(block: B): boolean {
    return this.byBlock.has(block);
  }

  blocks(): B[] {
    return [...this.byBlock.keys()];
  }

  setFirstMentionOnly(on: boolean): void {
    if (on === this.firstOnly) return;
    this.firstOnly = on;
    this.sink.hideAll();
    this.shownFirsts.clear();
    if (!on)
      for (const hits of this.byBlock.values()) for (const hit of hits) if (this.visible(hit)) this.sink.show(hit);
    this.refresh();
  }

  /** After blocks changed: the beat decision, then "first mention only". */
  refresh(): void {
    runToEnd(this.refreshSteps(() => false));
  }

  /** refresh in steps, yielding whenever `shouldYield()` says so (checked every HIT_CHECK_EVERY hits). */
  *refreshSteps(shouldYield: () => boolean): Generator<void, void, void> {
    yield* this.updateBeatSteps(shouldYield);
    if (!this.firstOnly) return;
    const ordered = this.hitsInDocumentOrder();
    const firsts = new Map<string, H>();
    for (let i = 0; i < ordered.length; i++) {
      const hit = ordered[i] as H;
      if (this.visible(hit) && !firsts.has(hit.entryId)) firsts.set(hit.entryId, hit);
      if (i % HIT_CHECK_EVERY === HIT_CHECK_EVERY - 1 && shouldYield()) yield;
    }
    const wanted = new Set(firsts.values());
    for (const hit of [...this.shownFirsts]) {
      if (wanted.has(hit)) continue;
      this.shownFirsts.delete(hit);
      this.sink.hide(hit);
    }
    for (const hit of wanted) {
      if (this.shownFirsts.has(hit)) continue;
      this.shownFirsts.add(hit);
      this.sink.show(hit);
    }
  }

  /** Whether the hit is shown (so gets a card and a keyboard stop), topic switches aside. */
  isShown(hit: H): boolean {
    return this.visible(hit) && (!this.firstOnly || this.shownFirsts.has(hit));
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

  hitsInDocumentOrder(): H[] {
    if (this.orderBroken) {
      const sorted = [...this.byBlock].sort(([a], [b]) => this.compareBlocks(a, b));
      this.byBlock.clear();
      for (const [block, hits] of sorted) this.byBlock.set(block, hits);
      this.orderBroken = false;
    }
    return [...this.byBlock.values()].flat();
  }

  clear(): void {
    this.orderBroken = false;
    this.byBlock.clear();
    this.counts.clear();
    this.total = 0;
    this.gatedCounts.clear();
    this.gatedTotal = 0;
    this.onBeat = false;
    this.showAll = false;
    this.shownFirsts.clear();
    this.sink.hideAll();
  }

  private count(hit: H, by: number): void {
    const counts = hit.gated ? this.gatedCounts : this.counts;
    const now = (counts.get(hit.entryId) ?? 0) + by;
    if (now > 0) counts.set(hit.entryId, now);
    else counts.delete(hit.entryId);
    if (hit.gated) this.gatedTotal += by;
    else this.total += by;
  }

  private hideBlock(block: B): readonly H[] {
    const old = this.byBlock.get(block) ?? [];
    for (const hit of old) {
      this.count(hit, -1);
      this.shownFirsts.delete(hit);
      this.sink.hide(hit);
    }
    return old;
  }
}
