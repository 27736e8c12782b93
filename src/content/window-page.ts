// The page as the highlight window sees it (highlight-window.ts): document order, the text on
// screen, and the reader's scrolling.
import type { WindowPage } from './highlight-window';
import { caretAt } from './hit-test';
import { compareTreeOrder } from './tree-order';

/** Where to look for text at the middle of the screen: the centre first, then around it (a figure or our card may cover it). */
const MIDDLE_PROBES: readonly (readonly [number, number])[] = [
  [0.5, 0.5],
  [0.35, 0.5],
  [0.65, 0.5],
  [0.5, 0.3],
  [0.5, 0.7],
];
/** Where columns beside the article stand: a sidebar may come long after the article in the document. */
const SIDE_PROBES: readonly (readonly [number, number])[] = [
  [0.15, 0.3],
  [0.15, 0.7],
  [0.85, 0.3],
  [0.85, 0.7],
];

/**
 * The text node at a point given as fractions of the screen, if any. Only a caret in text says
 * where the reader is: over our card, a margin or an image the caret lands on <html> or <body>,
 * which sort before every mention.
 */
function textAt([fx, fy]: readonly [number, number]): Node | undefined {
  const node = caretAt(innerWidth * fx, innerHeight * fy, [])?.node;
  return node?.nodeType === Node.TEXT_NODE ? node : undefined;
}

/**
 * How often, at most, a scrolling reader's position is read. Not every frame: reading the caret
 * right after a scroll forces the page's hit-test data up to date, 10 ms on the 5 MB bench page.
 * The window reaches hundreds of mentions past the screen, so a quarter second of lag is unseen.
 */
const SCROLL_CHECK_MS = 250;

/**
 * Runs `read` in a task after the next frame. Its hit tests then find the page's style, layout
 * and paint data up to date: read before that frame, right after our highlights changed, they
 * forced Chromium's overflow work for every underlined term into our task (15 ms on the 5 MB
 * bench page, on top of the hit test's own 9–12 ms).
 */
function afterNextFrame(read: () => void): void {
  requestAnimationFrame(() => setTimeout(read, 0));
}

/**
 * Reads the text nodes on screen, a hit test per task, and hands them to `done`: the middle's
 * probes until one finds text, then the side ones. Each hit test costs 0.1-6.5 ms on the 5 MB
 * bench page, depending on the point; all of them in one task held it for 11-27 ms (four traces).
 */
function readScreen(done: (nodes: readonly Node[]) => void, signal: AbortSignal): void {
  const nodes = new Set<Node>();
  let middle = 0;
  let side = 0;
  const probe = () => {
    if (signal.aborted) return;
    if (nodes.size === 0 && middle < MIDDLE_PROBES.length) {
      const node = textAt(MIDDLE_PROBES[middle++] as readonly [number, number]);
      if (node) {
        nodes.add(node);
        middle = MIDDLE_PROBES.length;
      }
    } else {
      const node = textAt(SIDE_PROBES[side++] as readonly [number, number]);
      if (node) nodes.add(node);
    }
    if (side < SIDE_PROBES.length) setTimeout(probe, 0);
    else done([...nodes]);
  };
  probe();
}

export function documentWindowPage(rangesInOrder: () => readonly AbstractRange[]): WindowPage {
  return {
    rangesInOrder,
    compare: compareTreeOrder,
    *textNodesFrom(node) {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
      walker.currentNode = node;
      if (node.nodeType === Node.TEXT_NODE) yield node;
      for (let next = walker.nextNode(); next; next = walker.nextNode()) yield next;
    },
    onScroll(moved, signal) {
      // Waiting: scrolls until the read begins are seen by it. Reading: a scroll then may end
      // after the probes that would see it, so another read follows.
      let phase: 'idle' | 'waiting' | 'reading' = 'idle';
      let again = false;
      const read = () => {
        phase = 'waiting';
        window.setTimeout(() => {
          afterNextFrame(() => {
            phase = 'reading';
            again = false;
            readScreen((nodes) => {
              moved(nodes);
              if (again) read();
              else phase = 'idle';
            }, signal);
          });
        }, SCROLL_CHECK_MS);
      };
      const onScroll = () => {
        if (phase === 'idle') read();
        else if (phase === 'reading') again = true;
      };
      // Scroll events do not bubble: a capturing listener also hears the page's own scrollers.
      document.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
      // The screen is read once soon, without a scroll: a page may open part way down (an anchor,
      // a restored position), or show a sidebar that comes long after the article in the document.
      read();
    },
  };
}
