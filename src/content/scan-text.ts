// Walks a subtree's text once, joins the text of each block so a term split across inline elements
// still matches, and maps matches back to StaticRanges. The page's DOM is only read.
import type { Match, Matcher, PageContext } from '../matcher';
import type { BlockResolver } from './dom-rules';
import { auditWork, type WorkKind } from './profile';

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

/**
 * Receives a block's hits, in order, a chunk at a time: `first` says the chunk replaces what the
 * block had, later chunks add to it.
 */
export type OnHits = (block: Element, hits: TermHit[], first: boolean) => void;

/**
 * How much work (a text node is one unit, 32 characters matched are one) the walk does between
 * looks at the clock: on a page of many short paragraphs a look per block would cost more than
 * the paragraphs.
 */
const CLOCK_UNITS = 64;
const CHARS_PER_UNIT_SHIFT = 5;
/** Characters of one block matched between looks at the clock (a fraction of a millisecond of automaton work). */
const MATCH_CHUNK = 1 << 16;
/** Hits built and registered between looks at the clock. */
const HIT_CHUNK = 256;

/** One block's text nodes, with where each starts in the block's joined text. */
class BlockText {
  /** The block the text belongs to, null before the first. */
  block: Element | null = null;
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
  /** Work since the last look at the clock (see CLOCK_UNITS). */
  units: number;
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
  const job: ScanJob = { matcher, page, onHits, shouldYield, stats, units: 0 };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new ParentBlocks(blocks);
  const text = new BlockText();
  const ancestorStep = () => countWork(job, 'elements');
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const moved = parents.moved(node);
    const nodeBlock = moved ? yield* parents.resolve(node, ancestorStep) : parents.block;
    const switched = nodeBlock !== null && nodeBlock !== text.block;
    if (switched) yield* flush(text, job, nodeBlock);
    if (nodeBlock !== null) text.add(node);
    job.stats.nodes++;
    const paused = countWork(job, 'nodes');
    if (paused) yield;
    // The page may have removed the node while we yielded; the observer rescans what changed.
    if ((moved || switched || paused) && !node.isConnected) break;
  }
  yield* flush(text, job, null);
}

/** The block of a text node's parent, remembered for the run of siblings that share it. */
class ParentBlocks {
  private parent: Node | null = null;
  block: Element | null = null;

  constructor(private readonly blocks: BlockResolver) {}

  /** Whether `node` has another parent than the node before it, so its block must be resolved. */
  moved(node: Text): boolean {
    return node.parentNode !== this.parent;
  }

  /** Resolves the block of `node`'s parent, calling `step` per ancestor walked (see BlockResolver.resolve). */
  *resolve(node: Text, step: () => boolean): Generator<void, Element | null, void> {
    const parent = node.parentNode;
    this.parent = parent;
    this.block =
      parent && parent.nodeType === Node.ELEMENT_NODE ? yield* this.blocks.resolve(parent as Element, step) : null;
    return this.block;
  }
}

/** Counts one unit of work of `kind` and looks at the clock once enough piled up: true when the slice is used up. */
function countWork(job: ScanJob, kind: WorkKind): boolean {
  auditWork(kind, 1);
  if (++job.units < CLOCK_UNITS) return false;
  job.units = 0;
  return job.shouldYield();
}

/** Adds `units` of work done and looks at the clock (yielding if the slice is used up) once they reach CLOCK_UNITS. */
function* addWork(units: number, job: ScanJob): Generator<void, void, void> {
  job.units += units;
  if (job.units < CLOCK_UNITS) return;
  job.units = 0;
  if (job.shouldYield()) yield;
}

/** Matches the finished block's text and hands its hits on, then starts `next`. May yield. */
function* flush(text: BlockText, job: ScanJob, next: Element | null): Generator<void, void, void> {
  const block = text.block;
  text.block = next;
  if (block === null || text.length === 0) {
    text.clear();
    return;
  }
  const joined = text.text();
  job.stats.chars += joined.length;
  const units = joined.length >> CHARS_PER_UNIT_SHIFT;
  // A block that would take the work past the next look: the work before it is checked off first.
  if (job.units > 0 && job.units + units >= CLOCK_UNITS) yield* addWork(CLOCK_UNITS, job);
  const found = yield* matchBlock(joined, job);
  if (found.length > 0) yield* emitHits(block, text, found, job);
  text.clear();
  yield* addWork(units, job);
}

/** The block's matches, in MATCH_CHUNK steps with a look at the clock after each when the text is long. */
function* matchBlock(joined: string, job: ScanJob): Generator<void, readonly Match[], void> {
  const { matcher, page, shouldYield } = job;
  if (joined.length <= MATCH_CHUNK) {
    auditWork('chars', joined.length);
    return matcher.findMatches(joined, page);
  }
  const chunkDone = () => {
    auditWork('chars', MATCH_CHUNK);
    return shouldYield();
  };
  return yield* matcher.findMatchesSliced(joined, page, MATCH_CHUNK, chunkDone);
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
      hits.push({ range, entryId: m.entryId, block, gated: m.gated });
    }
    job.stats.matches += hits.length;
    auditWork('hits', hits.length);
    job.onHits(block, hits, from === 0);
    if (to < found.length && job.shouldYield()) yield;
  }
}
