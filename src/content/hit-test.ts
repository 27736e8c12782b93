// Which term is under the pointer. Uses highlightsFromPoint where the browser has it; otherwise
// the caret position, confirmed against the range's boxes because the caret snaps over gaps.
import type { TermHit } from './scan-text';
import type { TermIndex } from './term-index';

interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type RegistryWithHitTest = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number) => HighlightHit[];
};

export function hitTest(index: TermIndex, x: number, y: number): TermHit | undefined {
  const registry = CSS.highlights as RegistryWithHitTest;
  if (typeof registry.highlightsFromPoint === 'function') {
    for (const result of registry.highlightsFromPoint(x, y)) {
      for (const range of result.ranges) {
        const hit = index.hitForRange(range);
        if (hit) return hit;
      }
    }
    return undefined;
  }
  const caret = caretAt(x, y);
  if (!caret) return undefined;
  for (const hit of index.hitsInNode(caret.node)) {
    if (containsCaret(hit.range, caret.node, caret.offset) && rangeContainsPoint(hit.range, x, y)) return hit;
  }
  return undefined;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof document.caretPositionFromPoint === 'function') {
    const pos = document.caretPositionFromPoint(x, y);
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

/** The line boxes of a hit, for hit confirmation and card placement. */
export function rangeRects(range: AbstractRange): DOMRect[] {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return [...live.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  return rangeRects(range).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}
