// Moving between highlighted terms without a mouse: next/previous in document order, jump to an
// entry from the popup, look up a selection from the context menu. Highlights are invisible to
// assistive technology, so this is the path that makes the extension usable with a keyboard.
import type { CardController } from './card-controller';
import { rangeRects, toLiveRange } from './hit-test';
import type { TermHit } from './scan-text';
import type { TermIndex } from './term-index';
import type { TopicHighlights } from './topic-highlights';

export interface TermNavigatorOptions {
  index: TermIndex;
  highlights: TopicHighlights;
  cards: CardController;
  topicOf: (entryId: string) => string;
}

export class TermNavigator {
  private current: TermHit | undefined;

  constructor(private readonly options: TermNavigatorOptions) {}

  /** The highlighted hits a reader can move through, in document order. */
  private navigable(): TermHit[] {
    const { index, highlights, topicOf } = this.options;
    return index
      .hitsInDocumentOrder()
      .filter((hit) => index.isShown(hit) && highlights.isTopicShown(topicOf(hit.entryId)));
  }

  /** Moves to the next (1) or previous (-1) term, starting from the viewport when none is focused. */
  step(direction: 1 | -1): boolean {
    const hits = this.navigable();
    if (hits.length === 0) return false;
    // From the term whose card is open (tapped, hovered), else from the last one moved to.
    // By position, not identity: a rescan (the sheet's history entry is a same-document navigation)
    // replaces the hit objects while the card stays open on the same text.
    const from = this.options.cards.openHit ?? this.current;
    const at = from ? hits.findIndex((h) => sameRange(h.range, from.range)) : -1;
    let target: TermHit | undefined;
    if (at >= 0) target = hits[(at + direction + hits.length) % hits.length];
    else target = direction === 1 ? firstBelowTop(hits) : lastAboveBottom(hits);
    if (!target) return false;
    this.focus(target);
    return true;
  }

  /** Scrolls to the first mention of an entry and opens its card with focus inside. */
  jumpTo(entryId: string): boolean {
    const hit = this.navigable().find((h) => h.entryId === entryId);
    if (!hit) return false;
    this.focus(hit);
    return true;
  }

  /** The shown hit of `entryId` nearest the page's selection, else its first. */
  openNearSelection(entryId: string): boolean {
    const hits = this.navigable().filter((h) => h.entryId === entryId);
    if (hits.length === 0) return false;
    const selection = document.getSelection();
    const sel = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const inSelection = sel ? hits.find((h) => intersects(sel, h.range)) : undefined;
    this.focus(inSelection ?? (hits[0] as TermHit));
    return true;
  }

  private focus(hit: TermHit): void {
    this.current = hit;
    const el = hit.range.startContainer.parentElement;
    // 'auto' is the page's own scroll-behavior, which may be smooth: a reader who asked for
    // reduced motion gets an instant jump whatever the page says.
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'instant' : 'auto' });
    this.options.cards.open(hit, { pinned: true, focus: true });
  }
}

function firstBelowTop(hits: TermHit[]): TermHit | undefined {
  return hits.find((h) => (rangeRects(h.range)[0]?.top ?? -1) >= 0) ?? hits[0];
}

function lastAboveBottom(hits: TermHit[]): TermHit | undefined {
  const bottom = window.innerHeight;
  return [...hits].reverse().find((h) => (rangeRects(h.range)[0]?.bottom ?? bottom + 1) <= bottom) ?? hits.at(-1);
}

function sameRange(a: AbstractRange, b: AbstractRange): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

function intersects(range: Range, other: AbstractRange): boolean {
  const live = toLiveRange(other);
  return (
    live !== undefined &&
    range.compareBoundaryPoints(Range.END_TO_START, live) <= 0 &&
    range.compareBoundaryPoints(Range.START_TO_END, live) >= 0
  );
}
