// Finds the digest's terms on the page and keeps the highlights true as the page changes:
// one full pass in slices, then only the blocks a mutation touched.
import { createPageContext, type Matcher, type PageContext } from '../matcher';
import { BlockResolver, isInlineElement, OVERLAY_TAG } from './dom-rules';
import { auditWork, emitScanMeasure, onBenchRescan } from './profile';
import { type ScanStats, scanText } from './scan-text';
import { SliceRunner } from './slices';
import { TermIndex } from './term-index';
import type { TopicHighlights } from './topic-highlights';

export interface TermEngineOptions {
  matcher: Matcher;
  highlights: TopicHighlights;
  topicOf: (entryId: string) => string;
  /** Called after every pass that may have changed what the page mentions. */
  onChange: () => void;
}

export class TermEngine {
  readonly index: TermIndex;
  private readonly blocks = new BlockResolver();
  private readonly runner = new SliceRunner();
  private page: PageContext = createPageContext();
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
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observe(document);
    signal.addEventListener('abort', () => this.stop(), { once: true });
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    nav?.addEventListener('navigatesuccess', () => this.rescanAll(), { signal });
    onBenchRescan(() => void this.rescanAll(), signal);
    return this.rescanAll();
  }

  /** A fresh pass over everything, e.g. after an SPA navigation. */
  rescanAll(): Promise<void> {
    return this.enqueue(() => this.fullPass());
  }

  /** The body of a full pass; runs as (or inside) a queued job, never enqueues. */
  private fullPass(): Promise<void> {
    this.lastUrl = location.href;
    this.dirty.clear();
    this.pruneNeeded = false;
    this.index.clear();
    this.page = createPageContext();
    this.blocks.forget();
    return this.scanRoots([document], false);
  }

  /** Open shadow roots being scanned, for hit-testing inside them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.observedRoots].filter((r): r is ShadowRoot => r instanceof ShadowRoot);
  }

  private stop(): void {
    this.observer?.disconnect();
    this.observedRoots.clear();
    clearTimeout(this.flushTimer);
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

  /** `partial`: a rescan of changed blocks, whose new blocks may not follow document order. */
  private async scanRoots(roots: Node[], partial: boolean): Promise<void> {
    const stats: ScanStats = { chars: 0, nodes: 0, matches: 0 };
    const startedAt = performance.now();
    const shadowRoots: ShadowRoot[] = [];
    const runner = this.runner;
    const self = this;
    function* job(): Generator<void, void, void> {
      for (let i = 0; i < roots.length; i++) {
        const root = roots[i] as Node;
        if (!root.isConnected) continue;
        // A shadow tree is scanned after the whole document, out of document order.
        const outOfOrder = partial || root instanceof ShadowRoot;
        yield* scanText(
          root,
          self.options.matcher,
          self.page,
          self.blocks,
          (block, hits, first) =>
            first ? self.index.setBlock(block, hits, outOfOrder) : self.index.appendHits(block, hits),
          runner.shouldYield,
          stats,
        );
        yield* findOpenShadowRoots(root, shadowRoots, runner.shouldYield);
        // Shadow roots found under this root are scanned as roots of their own.
        for (const sr of shadowRoots.splice(0)) {
          self.observe(sr);
          roots.push(sr);
        }
      }
    }
    const slices = await runner.run(job(), this.signal);
    this.index.refresh();
    emitScanMeasure(startedAt, { ...stats, ...slices });
    this.options.onChange();
  }

  private onMutations(records: MutationRecord[]): void {
    // The DOM changed since the last resolution; within one batch it stays as the records left it.
    this.blocks.forget();
    for (const rec of records) {
      const target = rec.target;
      if (isOurs(target)) continue;
      if (rec.type === 'characterData') {
        this.markBlockOf(target.parentNode);
        continue;
      }
      let touchesLine = false;
      for (const node of rec.addedNodes) {
        if (isOurs(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) this.dirty.add(node);
        else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) touchesLine = true;
      }
      for (const node of rec.removedNodes) {
        if (isOurs(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && !isInlineElement(node as Element)) this.pruneNeeded = true;
        else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) touchesLine = true;
      }
      if (touchesLine) this.markBlockOf(target);
    }
    if ((this.dirty.size > 0 || this.pruneNeeded) && this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = undefined;
        void this.enqueue(() => this.rescanDirty());
      }, 0);
    }
  }

  private markBlockOf(node: Node | null): void {
    if (!node) return;
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    if (!el) return;
    this.dirty.add(this.blocks.blockOf(el) ?? el);
  }

  private async rescanDirty(): Promise<void> {
    // Already inside the queue: enqueueing the full pass here would wait on this very job, and
    // the queue would stall for good (an SPA whose URL changes before its DOM settles).
    if (location.href !== this.lastUrl) return this.fullPass();
    this.blocks.forget();
    if (this.pruneNeeded) {
      this.pruneNeeded = false;
      this.index.pruneDisconnected();
    }
    const roots = outermost([...this.dirty]);
    this.dirty.clear();
    for (const root of roots) {
      if (root.isConnected && root.nodeType === Node.ELEMENT_NODE) this.index.dropWithin(root);
    }
    await this.scanRoots(roots, true);
  }
}

function isOurs(node: Node): boolean {
  return node.nodeName === OVERLAY_TAG.toUpperCase();
}

/** Keeps only roots not inside another root of the list. */
function outermost(nodes: Node[]): Node[] {
  return nodes.filter((n) => !nodes.some((other) => other !== n && other.contains(n)));
}

/**
 * Open shadow roots under `root`. A separate element walk, sliced like the text walk: no selector
 * finds shadow hosts, and a native XPath query for custom elements ran as one 90 ms task on a
 * 5 MB page.
 */
function* findOpenShadowRoots(root: Node, out: ShadowRoot[], shouldYield: () => boolean): Generator<void, void, void> {
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
