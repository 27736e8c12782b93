// The page as the highlight window sees it (highlight-window.ts): document order, the text on
// screen, and the reader's scrolling.
import type { WindowPage } from './highlight-window';
import { caretAt } from './hit-test';
import { compareTreeOrder } from './tree-order';

/**
 * Where to look for text on screen, as fractions of its width and height: the centre first, then
 * around it (a figure or our card may cover it), then the sides, where columns beside the article
 * stand (a sidebar may come long after the article in the document).
 */
const PROBES: readonly (readonly [number, number])[] = [
  [0.5, 0.5],
  [0.35, 0.5],
  [0.65, 0.5],
  [0.5, 0.3],
  [0.5, 0.7],
  [0.15, 0.3],
  [0.15, 0.7],
  [0.85, 0.3],
  [0.85, 0.7],
];

/**
 * How often, at most, a scrolling reader's position is read. Not every frame: reading the caret
 * right after a scroll forces the page's hit-test data up to date, 10 ms on the 5 MB bench page.
 * The window reaches hundreds of mentions past the screen, so a quarter second of lag is unseen.
 */
const SCROLL_CHECK_MS = 250;

export function documentWindowPage(rangesInOrder: () => readonly AbstractRange[]): WindowPage {
  return {
    rangesInOrder,
    compare: compareTreeOrder,
    nodesOnScreen() {
      const nodes = new Set<Node>();
      for (const [fx, fy] of PROBES) {
        // Only a caret in text says where the reader is: over our card, a margin or an image the
        // caret lands on <html> or <body>, which sort before every mention.
        const node = caretAt(innerWidth * fx, innerHeight * fy, [])?.node;
        if (node?.nodeType === Node.TEXT_NODE) nodes.add(node);
      }
      return [...nodes];
    },
    *textNodesFrom(node) {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      walker.currentNode = node;
      if (node.nodeType === Node.TEXT_NODE) yield node;
      for (let next = walker.nextNode(); next; next = walker.nextNode()) yield next;
    },
    onScroll(moved, signal) {
      let timer = 0;
      const onScroll = () => {
        if (timer) return;
        timer = window.setTimeout(() => {
          timer = 0;
          if (!signal.aborted) moved();
        }, SCROLL_CHECK_MS);
      };
      // Scroll events do not bubble: a capturing listener also hears the page's own scrollers.
      document.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
      // The screen is read once soon, without a scroll: a page may open part way down (an anchor,
      // a restored position), or show a sidebar that comes long after the article in the document.
      onScroll();
    },
  };
}
