// Walks a subtree's text once, joins the text of each block so a term split across inline elements
// still matches, and maps matches back to StaticRanges. The page's DOM is only read.
import type { Match, Matcher, PageContext } from '../matcher';
import type { BlockResolver } from './dom-rules';
import { auditWork } from './profile';

export interface TermHit {
  /** Static, so the page's own DOM edits don't pay for thousands of live ranges. */
  range: StaticRange;
  entryId: string;
  block: Element;
}

export interface ScanStats {
  chars: number;
  nodes: number;
  matches: number;
}

/**
 * Receives a block's hits, in order, a chunk at a time: `first` says the chunk replaces what the
 * block had, later chunks add to it.
 */
export type OnHits = (block: Element, hits: TermHit[], first: boolean) => void;

/** How often (in text nodes) the walk looks at the clock. */
const CLOCK_EVERY = 16;
/** Characters of one block matched between looks at the clock (a fraction of a millisecond of automaton work). */
const MATCH_CHUNK = 1 << 16;
/** Hits built and registered between looks at the clock. */
const HIT_CHUNK = 256;

/** One block's text nodes, with where each starts in the block's joined text. */
class BlockText {
  readonly nodes: Text[] = [];
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  length = 0;

  add(node: Text): void {
    const data = node.data;
    this.nodes.push(node);
    this.parts.push(data);
    this.starts.push(this.length);
    this.length += data.length;
  }

  text(): string {
    return this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
  }

  /** The index of the node that holds offset `at` (the one it starts, for `inclusive` false: that it ends), from node `n` on. */
  nodeAt(at: number, n: number, inclusive: boolean): number {
    const { nodes, starts } = this;
    if (inclusive) while (n + 1 < nodes.length && (starts[n + 1] as number) <= at) n++;
    else while (n + 1 < nodes.length && (starts[n + 1] as number) < at) n++;
    return n;
  }

  clear(): void {
    this.nodes.length = 0;
    this.parts.length = 0;
    this.starts.length = 0;
    this.length = 0;
  }
}

/** What one walk shares with the work it hands off per block. */
interface ScanJob {
  matcher: Matcher;
  page: PageContext;
  onHits: OnHits;
  shouldYield: () => boolean;
  stats: ScanStats;
}

/**
 * Scans `root` and reports hits block by block through `onHits`. A generator so the caller can
 * spread the work over slices: it yields whenever `shouldYield()` says the slice is used up.
 */
export function* scanText(
  root: Node,
  matcher: Matcher,
  page: PageContext,
  blocks: BlockResolver,
  onHits: OnHits,
  shouldYield: () => boolean,
  stats: ScanStats,
): Generator<void, void, void> {
  const job: ScanJob = { matcher, page, onHits, shouldYield, stats };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const text = new BlockText();
  let block: Element | null = null;
  let lastParent: Node | null = null;
  let lastBlock: Element | null = null;
  let sinceClock = 0;

  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentNode;
    if (parent !== lastParent) {
      lastParent = parent;
      lastBlock = parent && parent.nodeType === Node.ELEMENT_NODE ? blocks.blockOf(parent as Element) : null;
    }
    let mayHaveYielded = false;
    if (lastBlock !== null && lastBlock !== block) {
      if (block) yield* flush(block, text, job);
      mayHaveYielded = true;
      block = lastBlock;
    }
    if (lastBlock !== null) text.add(node);
    stats.nodes++;
    auditWork('nodes', 1);
    if (++sinceClock === CLOCK_EVERY) {
      sinceClock = 0;
      if (shouldYield()) {
        yield;
        mayHaveYielded = true;
      }
    }
    // The page may have removed the node while we yielded; the observer rescans what changed.
    if (mayHaveYielded && !node.isConnected) break;
  }
  if (block) yield* flush(block, text, job);
}

/** Matches one block's text and hands its hits on; leaves `text` empty. May yield. */
function* flush(block: Element, text: BlockText, job: ScanJob): Generator<void, void, void> {
  if (text.length === 0) return;
  const joined = text.text();
  job.stats.chars += joined.length;
  const { matcher, page, shouldYield } = job;
  let found: readonly Match[];
  if (joined.length <= MATCH_CHUNK) {
    found = matcher.findMatches(joined, page);
    auditWork('chars', joined.length);
  } else {
    const chunkDone = () => {
      auditWork('chars', MATCH_CHUNK);
      return shouldYield();
    };
    found = yield* matcher.findMatchesSliced(joined, page, MATCH_CHUNK, chunkDone);
  }
  if (found.length > 0) yield* emitHits(block, text, found, job);
  text.clear();
  if (shouldYield()) yield;
}

/** Maps matches to ranges over the block's nodes, HIT_CHUNK at a time. */
function* emitHits(
  block: Element,
  text: BlockText,
  found: readonly Match[],
  job: ScanJob,
): Generator<void, void, void> {
  let n = 0;
  for (let from = 0; from < found.length; from += HIT_CHUNK) {
    const to = Math.min(found.length, from + HIT_CHUNK);
    const hits: TermHit[] = [];
    for (let i = from; i < to; i++) {
      const m = found[i] as Match;
      n = text.nodeAt(m.start, n, true);
      const e = text.nodeAt(m.end, n, false);
      const range = new StaticRange({
        startContainer: text.nodes[n] as Text,
        startOffset: m.start - (text.starts[n] as number),
        endContainer: text.nodes[e] as Text,
        endOffset: m.end - (text.starts[e] as number),
      });
      hits.push({ range, entryId: m.entryId, block });
    }
    job.stats.matches += hits.length;
    auditWork('hits', hits.length);
    job.onHits(block, hits, from === 0);
    if (to < found.length && job.shouldYield()) yield;
  }
}
