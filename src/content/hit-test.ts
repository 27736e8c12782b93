// Which term is under the pointer. The caret position under the point is mapped through the
// scanner's index and confirmed against the range's boxes, because the caret snaps to the nearest
// character even over margins and gaps. highlightsFromPoint would answer directly, but its cost
// grows with the number of ranges (0.34 ms per call with 1,800 ranges in `npm run bench`, against
// 0.16 ms for the caret), and the hover budget is 0.2 ms; it remains the fallback where the
// browser has no caret API.
import type { TermHit } from './scan-text';
import type { TermIndex } from './term-index';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => HighlightHit[];
};
type CaretOptions = { shadowRoots?: ShadowRoot[] };

export function hitTest(
  index: TermIndex,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): TermHit | undefined {
  const caret = caretAt(x, y, shadowRoots);
  if (caret) {
    for (const hit of index.hitsInNode(caret.node)) {
      if (containsCaret(hit.range, caret.node, caret.offset) && rangeContainsPoint(hit.range, x, y)) return hit;
    }
    return undefined;
  }
  const registry = CSS.highlights as RegistryWithHitTest;
  for (const result of registry.highlightsFromPoint?.(x, y, { shadowRoots: [...shadowRoots] }) ?? []) {
    for (const range of result.ranges) {
      const hit = index.hitForRange(range);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function caretAt(
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[],
): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = (document.caretPositionFromPoint as (x: number, y: number, o?: CaretOptions) => CaretPosition | null)(
      x,
      y,
      { shadowRoots: [...shadowRoots] },
    );
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

function containsCaret(range: AbstractRange, node: Node, offset: number): boolean {
  const afterStart = node !== range.startContainer || offset >= range.startOffset;
  const beforeEnd = node !== range.endContainer || offset <= range.endOffset;
  return afterStart && beforeEnd;
}

/**
 * A live Range over a static one: only live ranges measure and compare. Undefined when the page
 * has shortened a node since the scan (its rescan is still queued): setStart/setEnd would throw
 * IndexSizeError on the stale offsets.
 */
export function toLiveRange(range: AbstractRange): Range | undefined {
  if (range.startOffset > nodeLength(range.startContainer) || range.endOffset > nodeLength(range.endContainer)) {
    return undefined;
  }
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live;
}

function nodeLength(node: Node): number {
  return node instanceof CharacterData ? node.length : node.childNodes.length;
}

/** The line boxes of a hit, for hit confirmation and card placement; none for a stale range. */
export function rangeRects(range: AbstractRange): DOMRect[] {
  const live = toLiveRange(range);
  return live ? [...live.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : [];
}

function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  return rangeRects(range).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}
