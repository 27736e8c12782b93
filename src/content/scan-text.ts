// Walks a subtree's text once, joins the text of each block so a term split across inline elements
// still matches, and maps matches back to StaticRanges. The page's DOM is only read.
import type { Matcher, PageContext } from '../matcher';
import type { BlockResolver } from './dom-rules';

export interface TermHit {
  /** Static, so the page's own DOM edits don't pay for thousands of live ranges. */
  range: StaticRange;
  entryId: string;
  block: Element;
  /** Shown only on a page about the beat (src/matcher/beat.ts). */
  gated: boolean;
}

export interface ScanStats {
  chars: number;
  nodes: number;
  matches: number;
}

/** How often (in text nodes) the walk looks at the clock. */
const CLOCK_EVERY = 16;
/** Characters of one block matched between looks at the clock (about 1.5 ms of automaton work). */
const MATCH_CHUNK = 1 << 18;

/**
 * Scans `root` and reports hits block by block through `onBlock`. A generator so the caller can
 * spread the work over slices: it yields whenever `shouldYield()` says the slice is used up.
 */
export function* scanText(
  root: Node,
  matcher: Matcher,
  page: PageContext,
  blocks: BlockResolver,
  onBlock: (block: Element, hits: TermHit[]) => void,
  shouldYield: () => boolean,
  stats: ScanStats,
): Generator<void, void, void> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  let block: Element | null = null;
  let lastParent: Node | null = null;
  let lastBlock: Element | null = null;
  let sinceClock = 0;

  function* flush(): Generator<void, void, void> {
    if (block && length > 0) {
      const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
      const found =
        text.length <= MATCH_CHUNK
          ? matcher.findMatches(text, page)
          : yield* matcher.findMatchesSliced(text, page, MATCH_CHUNK, shouldYield);
      if (found.length > 0) {
        const hits: TermHit[] = [];
        let n = 0;
        for (const m of found) {
          while (n + 1 < nodes.length && (starts[n + 1] as number) <= m.start) n++;
          let e = n;
          while (e + 1 < nodes.length && (starts[e + 1] as number) < m.end) e++;
          hits.push({
            range: new StaticRange({
              startContainer: nodes[n] as Text,
              startOffset: m.start - (starts[n] as number),
              endContainer: nodes[e] as Text,
              endOffset: m.end - (starts[e] as number),
            }),
            entryId: m.entryId,
            block,
            gated: m.gated,
          });
        }
        stats.matches += hits.length;
        onBlock(block, hits);
      }
    }
    nodes.length = 0;
    parts.length = 0;
    starts.length = 0;
    length = 0;
  }

  let node = walker.nextNode() as Text | null;
  while (node) {
    const parent = node.parentNode;
    let nodeBlock: Element | null;
    if (parent === lastParent) nodeBlock = lastBlock;
    else {
      nodeBlock = parent && parent.nodeType === Node.ELEMENT_NODE ? blocks.blockOf(parent as Element) : null;
      lastParent = parent;
      lastBlock = nodeBlock;
    }
    if (nodeBlock) {
      if (nodeBlock !== block) {
        yield* flush();
        block = nodeBlock;
      }
      const data = node.data;
      nodes.push(node);
      parts.push(data);
      starts.push(length);
      length += data.length;
      stats.chars += data.length;
    }
    stats.nodes++;
    if (++sinceClock === CLOCK_EVERY) {
      sinceClock = 0;
      if (shouldYield()) {
        yield;
        // The page may have removed the node we stopped at; the observer rescans what changed.
        if (!node.isConnected) break;
      }
    }
    node = walker.nextNode() as Text | null;
  }
  yield* flush();
}
