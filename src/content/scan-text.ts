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

/**
 * One block's text nodes, with where each starts in the block's joined text. The arrays are
 * reused from block to block and only the first `count` entries are the block's: emptied with
 * `length = 0`, V8 drops an array's storage, and three new arrays per block made a page of
 * 50,000 short list items allocate 150,000 of them.
 */
class BlockText {
  /** The block the text belongs to, null before the first. */
  block: Element | null = null;
  readonly nodes: Text[] = [];
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  count = 0;
  length = 0;

  add(node: Text): void {
    const data = node.data;
    const k = this.count++;
    this.nodes[k] = node;
    this.parts[k] = data;
    this.starts[k] = this.length;
    this.length += data.length;
  }

  text(): string {
    let joined = this.parts[0] as string;
    for (let k = 1; k < this.count; k++) joined += this.parts[k] as string;
    return joined;
  }

  /** The index of the node that holds offset `at` (the one it starts, for `inclusive` false: that it ends), from node `n` on. */
  nodeAt(at: number, n: number, inclusive: boolean): number {
    const { count, starts } = this;
    if (inclusive) while (n + 1 < count && (starts[n + 1] as number) <= at) n++;
    else while (n + 1 < count && (starts[n + 1] as number) < at) n++;
    return n;
  }

  clear(): void {
    this.count = 0;
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
    // One read of the parent per node: DOM reads are most of the walk's cost.
    const parent = node.parentNode;
    const moved = parent !== parents.parent;
    // Most parents were met before (siblings, inline runs) or sit one step below one that was:
    // no generator for those.
    if (!parents.known(parent)) yield* parents.resolve(parent, ancestorStep);
    const nodeBlock = parents.block;
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
  /** The parent whose block `block` is: a text node with the same parent needs no lookup. */
  parent: Node | null = null;
  block: Element | null = null;

  constructor(private readonly blocks: BlockResolver) {}

  /**
   * Whether the block of `parent` is known without a walk (taken if so): the same parent as before,
   * one the resolver has cached, or one it settles from its own parent's (one unit of work, counted
   * with the text node's own).
   */
  known(parent: Node | null): boolean {
    if (parent === this.parent) return true;
    if (parent === null || parent.nodeType !== Node.ELEMENT_NODE) return false;
    const block = this.blocks.near(parent as Element);
    if (block === undefined) return false;
    this.parent = parent;
    this.block = block;
    return true;
  }

  /** Resolves the block of a text node's `parent`, calling `step` per ancestor walked (see BlockResolver.resolve). */
  *resolve(parent: Node | null, step: () => boolean): Generator<void, Element | null, void> {
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

/** Adds `units` of work done and, once they reach CLOCK_UNITS, looks at the clock: true when the slice is used up. */
function addWork(units: number, job: ScanJob): boolean {
  job.units += units;
  if (job.units < CLOCK_UNITS) return false;
  job.units = 0;
  return job.shouldYield();
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
  if (job.units > 0 && job.units + units >= CLOCK_UNITS && addWork(CLOCK_UNITS, job)) yield;
  // The common block is short: matched and emitted without a generator of its own.
  const found = joined.length <= MATCH_CHUNK ? matchShort(joined, job) : yield* matchLong(joined, job);
  if (found.length > HIT_CHUNK) yield* emitHitsInChunks(block, text, found, job);
  else if (found.length > 0) emitHits(block, text, found, 0, found.length, 0, job);
  text.clear();
  if (addWork(units, job)) yield;
}

/** A block's matches, at most MATCH_CHUNK characters of work. */
function matchShort(joined: string, job: ScanJob): readonly Match[] {
  auditWork('chars', joined.length);
  return job.matcher.findMatches(joined, job.page);
}

/** A huge block's matches, in MATCH_CHUNK steps with a look at the clock after each. */
function* matchLong(joined: string, job: ScanJob): Generator<void, readonly Match[], void> {
  const { matcher, page, shouldYield } = job;
  const chunkDone = () => {
    auditWork('chars', MATCH_CHUNK);
    return shouldYield();
  };
  return yield* matcher.findMatchesSliced(joined, page, MATCH_CHUNK, chunkDone);
}

/** emitHits for more than HIT_CHUNK matches, a chunk at a time with a look at the clock between. */
function* emitHitsInChunks(
  block: Element,
  text: BlockText,
  found: readonly Match[],
  job: ScanJob,
): Generator<void, void, void> {
  let n = 0;
  for (let from = 0; from < found.length; from += HIT_CHUNK) {
    const to = Math.min(found.length, from + HIT_CHUNK);
    n = emitHits(block, text, found, from, to, n, job);
    if (to < found.length && job.shouldYield()) yield;
  }
}

/**
 * Maps found[from, to) to ranges over the block's nodes, searching from node `n`, and hands them on
 * (the first chunk replaces the block's hits). Returns the node the last range started in, where
 * the next chunk's search resumes.
 */
function emitHits(
  block: Element,
  text: BlockText,
  found: readonly Match[],
  from: number,
  to: number,
  n: number,
  job: ScanJob,
): number {
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
  return n;
}
