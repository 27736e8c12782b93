// Finds the digest's terms on the page and keeps the highlights true as the page changes:
// one full pass in slices, then only the blocks a mutation touched. Every phase of a pass (compiling
// the matcher, reading mutation records, pruning, scanning, finding shadow roots, bringing "first
// mention only" up to date) runs inside the slice runner, so none holds the page for long.
import { createPageContext, type Matcher, type PageContext } from '../matcher';
import { BlockResolver, isInlineElement, OVERLAY_TAG } from './dom-rules';
import { auditWork, emitCompileMeasure, emitScanMeasure, onBenchRescan } from './profile';
import { type ScanStats, scanText, type TermHit } from './scan-text';
import { SliceRunner } from './slices';
import { TermIndex } from './term-index';
import type { TopicHighlights } from './topic-highlights';

export interface TermEngineOptions {
  /** The matcher, compiled in steps that yield when `shouldYield()` says so (cached by the caller). */
  compileMatcher: (shouldYield: () => boolean) => Generator<void, Matcher, void>;
  highlights: TopicHighlights;
  topicOf: (entryId: string) => string;
  /** Called after every pass that may have changed what the page mentions. */
  onChange: () => void;
}

/** Work items (records, roots, blocks) handled between looks at the clock. */
const CHECK_EVERY = 64;

type Steps = Generator<void, void, void>;

export class TermEngine {
  readonly index: TermIndex;
  private readonly blocks = new BlockResolver();
  private readonly runner = new SliceRunner();
  private matcher: Matcher | undefined;
  private page: PageContext = createPageContext();
  /** The running pass's figures. */
  private stats: ScanStats = { chars: 0, nodes: 0, matches: 0 };
  /** Mutation records not yet read: the observer callback only queues them. */
  private readonly records: MutationRecord[] = [];
  private readonly dirty = new Set<Node>();
  private pruneNeeded = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private observer: MutationObserver | undefined;
  private readonly observedRoots = new Set<Node>();
  private lastUrl = location.href;
  private signal: AbortSignal = AbortSignal.abort();

  constructor(private readonly options: TermEngineOptions) {
    this.index = new TermIndex(options.highlights, options.topicOf);
  }

  /** Scans the whole document and follows its changes until `signal` aborts. */
  start(signal: AbortSignal): Promise<void> {
    this.signal = signal;
    this.index.followScroll(signal);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(document);
    signal.addEventListener('abort', () => this.stop(), { once: true });
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    // Only a new address means a new page: a history entry that keeps it (the phone sheet's, a
    // page's own state) changes no text, and the observer follows any change that comes with it.
    const onNavigated = () => {
      if (location.href !== this.lastUrl) void this.rescanAll();
    };
    nav?.addEventListener('navigatesuccess', onNavigated, { signal });
    onBenchRescan(() => void this.rescanAll(), signal);
    return this.rescanAll();
  }

  /** A fresh pass over everything, e.g. after an SPA navigation. */
  rescanAll(): Promise<void> {
    return this.enqueue(() => this.fullPass());
  }

  /** Open shadow roots being scanned, for hit-testing inside them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observedRoots].filter((r): r is ShadowRoot => r instanceof ShadowRoot);
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observedRoots.clear();
    clearTimeout(this.flushTimer);
    this.records.length = 0;
    this.index.clear();
  }

  private observe(root: Node): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer?.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.running = this.running.then(() => (this.signal.aborted ? undefined : work())).catch(reportError);
    return this.running;
  }

  /** The body of a full pass; runs as (or inside) a queued job, never enqueues. */
  private fullPass(): Promise<void> {
    this.lastUrl = location.href;
    this.records.length = 0;
    this.dirty.clear();
    this.pruneNeeded = false;
    // Cleared under the pass's hold: the old highlights give way to the new in one frame, with no
    // blank one between (the header and sidebar an SPA keeps would otherwise flicker).
    const reset = () => {
      this.index.clear();
      this.page = createPageContext();
    };
    return this.runPass(() => this.scanRoots([document], false), reset);
  }

  /**
   * Runs one pass's steps in slices (after `reset`, if given), then reports it. The highlights
   * change once at its end (or every MAX_HOLD_MS), not in every slice; the hold starts after the
   * compile, which changes none, and the pass's measure starts with it.
   */
  private async runPass(steps: () => Steps, reset?: () => void): Promise<void> {
    if (!this.matcher) await this.compile();
    if (!this.matcher) return;
    const startedAt = performance.now();
    this.options.highlights.hold();
    try {
      reset?.();
      await this.scanInSlices(steps, startedAt);
    } finally {
      this.options.highlights.release();
    }
    this.options.onChange();
  }

  private async scanInSlices(steps: () => Steps, startedAt: number): Promise<void> {
    const stats: ScanStats = { chars: 0, nodes: 0, matches: 0 };
    this.stats = stats;
    const self = this;
    function* pass(): Steps {
      self.blocks.forget();
      yield* steps();
      yield* self.index.refreshSteps(self.runner.shouldYield);
      yield* self.index.placeWindowSteps(self.runner.shouldYield);
    }
    const slices = await this.runner.run(pass(), this.signal);
    emitScanMeasure(startedAt, { ...stats, ...slices });
  }

  /** Compiles the matcher in slices of its own before the first pass (measured apart from scanning). */
  private async compile(): Promise<void> {
    const startedAt = performance.now();
    const self = this;
    function* job(): Steps {
      self.matcher = yield* self.options.compileMatcher(self.runner.shouldYield);
    }
    emitCompileMeasure(startedAt, await this.runner.run(job(), this.signal));
  }

  /** `partial`: a rescan of changed blocks, whose new blocks may not follow document order. */
  private *scanRoots(roots: Node[], partial: boolean): Steps {
    const shadowRoots: ShadowRoot[] = [];
    const { shouldYield } = this.runner;
    const matcher = this.matcher as Matcher;
    for (let i = 0; i < roots.length; i++) {
      const root = roots[i] as Node;
      if (!root.isConnected) continue;
      // A shadow tree is scanned after the whole document, out of document order.
      const outOfOrder = partial || root instanceof ShadowRoot;
      const onHits = (block: Element, hits: TermHit[], first: boolean) =>
        first ? this.index.setBlock(block, hits, outOfOrder) : this.index.appendHits(block, hits);
      yield* scanText(root, matcher, this.page, this.blocks, onHits, shouldYield, this.stats);
      yield* findOpenShadowRoots(root, shadowRoots, shouldYield);
      // Shadow roots found under this root are scanned as roots of their own.
      for (const sr of shadowRoots.splice(0)) {
        this.observe(sr);
        roots.push(sr);
      }
    }
  }

  /** Only queues the records: reading them is a step of the next pass, in slices like the rest. */
  private onMutations(records: MutationRecord[]): void {
    for (const rec of records) this.records.push(rec);
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.enqueue(() => this.rescanDirty());
    }, 0);
  }

  private rescanDirty(): Promise<void> {
    // Already inside the queue: enqueueing the full pass here would wait on this very job, and
    // the queue would stall for good (an SPA whose URL changes before its DOM settles).
    if (location.href !== this.lastUrl) return this.fullPass();
    return this.runPass(() => this.dirtySteps());
  }

  private *dirtySteps(): Steps {
    const { shouldYield } = this.runner;
    yield* this.readRecords(shouldYield);
    if (this.pruneNeeded) {
      this.pruneNeeded = false;
      yield* this.index.pruneDisconnected(shouldYield);
    }
    const roots = yield* outermost(this.dirty, shouldYield);
    this.dirty.clear();
    for (const root of roots) {
      if (root.isConnected && root.nodeType === Node.ELEMENT_NODE) yield* this.index.dropWithin(root, shouldYield);
    }
    yield* this.scanRoots(roots, true);
  }

  /** Turns the queued records into dirty blocks (and a prune, when blocks were removed). */
  private *readRecords(shouldYield: () => boolean): Steps {
    const records = this.records.splice(0);
    for (let i = 0; i < records.length; i++) {
      this.readRecord(records[i] as MutationRecord);
      auditWork('records', 1);
      if (i % CHECK_EVERY === CHECK_EVERY - 1 && shouldYield()) {
        yield;
        // The DOM may have changed meanwhile: block boundaries are resolved afresh.
        this.blocks.forget();
      }
    }
  }

  private readRecord(rec: MutationRecord): void {
    const target = rec.target;
    if (isOurs(target)) return;
    if (rec.type === 'characterData') {
      this.markBlockOf(target.parentNode);
      return;
    }
    const addedLine = this.noteNodes(rec.addedNodes, (node) => this.dirty.add(node));
    const removedLine = this.noteNodes(rec.removedNodes, () => {
      this.pruneNeeded = true;
    });
    if (addedLine || removedLine) this.markBlockOf(target);
  }

  /**
   * Hands each added or removed block element to `onBlock`; returns whether some node joins or
   * leaves the text of the target's own line (text, or an inline element).
   */
  private noteNodes(nodes: NodeList, onBlock: (node: Node) => void): boolean {
    let touchesLine = false;
    for (const node of nodes) {
      if (isOurs(node)) continue;
      if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) onBlock(node);
      else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) touchesLine = true;
    }
    return touchesLine;
  }

  private markBlockOf(node: Node | null): void {
    if (!node) return;
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return;
    this.dirty.add(this.blocks.blockOf(el) ?? el);
  }
}

function isOurs(node: Node): boolean {
  return node.nodeName === OVERLAY_TAG.toUpperCase();
}

/** Keeps only roots not inside another root of the set: one walk up from each, not a test of every pair. */
function* outermost(nodes: ReadonlySet<Node>, shouldYield: () => boolean): Generator<void, Node[], void> {
  const out: Node[] = [];
  let n = 0;
  for (const node of nodes) {
    let inside = false;
    for (let up = node.parentNode; up && !inside; up = up.parentNode) inside = nodes.has(up);
    if (!inside) out.push(node);
    if (++n % CHECK_EVERY === 0 && shouldYield()) yield;
  }
  return out;
}

/**
 * Open shadow roots under `root`. A separate element walk, sliced like the text walk: no selector
 * finds shadow hosts, and a native XPath query for custom elements ran as one 90 ms task on a
 * 5 MB page.
 */
function* findOpenShadowRoots(root: Node, out: ShadowRoot[], shouldYield: () => boolean): Steps {
  // The walk before this one may have left work since its last look at the clock.
  if (shouldYield()) yield;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  let n = 0;
  // nextNode() starts below root: an added element that itself hosts a shadow root counts too.
  const first = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : (walker.nextNode() as Element | null);
  for (let el = first; el; el = walker.nextNode() as Element | null) {
    const sr = el.shadowRoot;
    if (sr && el.localName !== OVERLAY_TAG) out.push(sr);
    auditWork('elements', 1);
    if (++n % 256 === 0 && shouldYield()) yield;
  }
}

function reportError(error: unknown): void {
  // Never let an extension error reach the page's console as an uncaught error.
  console.debug('[TechWar Lens] scan failed', error);
}
