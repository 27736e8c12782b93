// Watching the extension from the outside on pages it must never disturb, shared by the real-page,
// hostile-page and privacy tests:
// - every error it raises, read over CDP from the content script's isolated world, the page, any
//   out-of-process frame and the service worker (Playwright's own events miss isolated worlds);
// - the network requests a target sends;
// - the production build's "scan pass done" signal;
// - a snapshot of the page DOM that shows every node boundary, and a line diff that tells the
//   extension's changes from a page's own run-to-run noise.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from './chromium';
import { noVisibleCard, termCenter, visibleCardEntryId } from './page-probes';
import { FIXTURES, SHARED } from './paths';

// ─── The saved real pages ────────────────────────────────────────────────────────────────────

/** ../shared/realpages; TECHWAR_REALPAGES_DIR points elsewhere (e.g. to check the skip when absent). */
export const REALPAGES_DIR = process.env.TECHWAR_REALPAGES_DIR ?? resolve(SHARED, 'realpages');

export interface RealPage {
  file: string;
  /** The file name without `.html`, used in URLs and test names. */
  name: string;
  /** INDEX.tsv's `topic_hits` column, e.g. `3: China=1, Chinese=1, Trump=1`. */
  topicHits: string;
}

/** The pages listed in INDEX.tsv, or undefined when ../shared/realpages is not on this machine. */
export function listRealPages(): RealPage[] | undefined {
  const rows = readTsv(resolve(REALPAGES_DIR, 'INDEX.tsv'));
  return rows?.map((row) => ({
    file: row.file ?? '',
    name: (row.file ?? '').replace(/\.html$/, ''),
    topicHits: row.topic_hits ?? '',
  }));
}

/** The rows of a tab-separated file with a header, as column → value; undefined when the file is absent. */
export function readTsv(file: string): Record<string, string>[] | undefined {
  if (!existsSync(file)) return undefined;
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

export function realPageHtml(page: RealPage): string {
  return readFileSync(resolve(REALPAGES_DIR, page.file), 'utf8');
}

// ─── Serving with headers ────────────────────────────────────────────────────────────────────

/**
 * Serves `body` at exactly `url` with extra response headers (e.g. a CSP header). Routes added
 * later win in Playwright, so this overrides the launcher's catch-all for this one URL.
 */
async function serveWithHeaders(
  context: BrowserContext,
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body }),
  );
}

// ─── What a CDP target reports about the extension ───────────────────────────────────────────

const OUR_LOG_PREFIX = '[TechWar Lens]';

/** One CDP target's events, sorted into what the extension did there. */
export class TargetReport {
  /** Uncaught exceptions and error-level console or log messages from the extension. */
  readonly errors: string[] = [];
  /** The extension's own `[TechWar Lens]` lines below error level: failures it caught and logged. */
  readonly caught: string[] = [];
  /** Every network request the target sent (extension-internal URLs excluded). */
  readonly requests: string[] = [];
  /**
   * The extension-internal ones, kept apart: the extension's CSP refuses every other request, so
   * these are what proves the watch sees a target's requests at all.
   */
  readonly internalRequests: string[] = [];
  /** `<session>:<context id>`: context ids are only unique within one target. */
  private readonly extensionContexts = new Set<string>();

  /**
   * @param extensionOrigin `chrome-extension://<id>`
   * @param allOurs the whole target is the extension's (service worker, extension page)
   */
  constructor(
    private readonly extensionOrigin: string,
    private readonly allOurs = false,
  ) {}

  /** One CDP event; `scope` names the target it came from (context ids repeat across targets). */
  handle(method: string, params: CdpParams, scope = ''): void {
    switch (method) {
      case 'Runtime.executionContextCreated': {
        // A content script runs in an isolated world whose origin is the extension's.
        if (params.context?.origin === this.extensionOrigin)
          this.extensionContexts.add(`${scope}:${params.context.id}`);
        return;
      }
      case 'Runtime.exceptionThrown': {
        const d = params.exceptionDetails ?? {};
        const text = [d.exception?.description ?? d.text, d.url, stackText(d.stackTrace)].filter(Boolean).join(' ');
        if (this.isOurs(scope, d.executionContextId, text)) this.add(this.errors, `uncaught: ${text}`);
        return;
      }
      case 'Runtime.consoleAPICalled': {
        const text = (params.args ?? []).map((a) => a.value ?? a.description ?? '').join(' ');
        const where = `${text} ${stackText(params.stackTrace)}`;
        if (!this.isOurs(scope, params.executionContextId, where)) return;
        if (params.type === 'error' || params.type === 'assert')
          this.add(this.errors, `console.${params.type}: ${text}`);
        else if (text.includes(OUR_LOG_PREFIX)) this.add(this.caught, `console.${params.type}: ${text}`);
        return;
      }
      case 'Log.entryAdded': {
        const e = params.entry ?? {};
        const text = `${e.text ?? ''} ${e.url ?? ''} ${stackText(e.stackTrace)}`;
        if (e.level === 'error' && (this.allOurs || this.mentionsUs(text))) this.add(this.errors, `log: ${text}`);
        return;
      }
      case 'Network.requestWillBeSent': {
        const url = params.request?.url ?? '';
        if (url.startsWith(this.extensionOrigin)) this.internalRequests.push(url);
        else if (!url.startsWith('data:')) this.requests.push(url);
        return;
      }
    }
  }

  /** An error event from Playwright (pageerror, console), counted when it names the extension. */
  noteIfOurs(kind: string, text: string): void {
    if (this.mentionsUs(text)) this.add(this.errors, `${kind}: ${text}`);
  }

  /** The content script's isolated worlds seen so far in the page itself (for the harness's self-check). */
  get extensionContextIds(): number[] {
    return [...this.extensionContexts].filter((k) => k.startsWith(':')).map((k) => Number(k.slice(1)));
  }

  private isOurs(scope: string, contextId: number | undefined, text: string): boolean {
    const ours = contextId !== undefined && this.extensionContexts.has(`${scope}:${contextId}`);
    return this.allOurs || ours || this.mentionsUs(text);
  }

  private mentionsUs(text: string): boolean {
    return text.includes(this.extensionOrigin) || text.includes(OUR_LOG_PREFIX);
  }

  private add(list: string[], text: string): void {
    // The same exception can arrive from CDP and from Playwright's pageerror.
    if (!list.includes(text)) list.push(text);
  }
}

/** The fields of CDP event params this module reads. */
interface CdpParams {
  context?: { id: number; origin: string };
  exceptionDetails?: {
    text?: string;
    url?: string;
    executionContextId?: number;
    exception?: { description?: string };
    stackTrace?: CdpStack;
  };
  type?: string;
  args?: { value?: unknown; description?: string }[];
  executionContextId?: number;
  stackTrace?: CdpStack;
  entry?: { level?: string; text?: string; url?: string; stackTrace?: CdpStack };
  request?: { url: string };
}
type CdpStack = { callFrames?: { url?: string; functionName?: string }[] };

function stackText(stack: CdpStack | undefined): string {
  return (stack?.callFrames ?? []).map((f) => `${f.functionName || '<anon>'}@${f.url ?? ''}`).join(' ');
}

const WATCHED_DOMAINS = ['Runtime.enable', 'Log.enable', 'Network.enable'] as const;
const WATCHED_EVENTS = [
  'Runtime.executionContextCreated',
  'Runtime.exceptionThrown',
  'Runtime.consoleAPICalled',
  'Log.entryAdded',
  'Network.requestWillBeSent',
] as const;

/**
 * A target reached through another session's `Target.attachToTarget` in non-flat mode: its
 * messages travel inside the parent session's events, which Playwright's CDPSession can carry
 * (it cannot address flat child sessions).
 */
class ChildTarget {
  private nextId = 1;
  private readonly pending = new Map<number, () => void>();

  constructor(
    private readonly parent: CDPSession,
    private readonly sessionId: string,
    private readonly report: TargetReport,
  ) {}

  receive(message: string): void {
    const msg = JSON.parse(message) as { id?: number; method?: string; params?: CdpParams };
    if (msg.id !== undefined) this.pending.get(msg.id)?.();
    else if (msg.method) this.report.handle(msg.method, msg.params ?? {}, this.sessionId);
  }

  async send(method: string, params: object = {}): Promise<void> {
    const id = this.nextId++;
    const answered = new Promise<void>((done) => this.pending.set(id, done));
    await this.parent.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    await answered;
  }

  /** Enabling Runtime and Log replays what the target logged before we attached. */
  async enable(): Promise<void> {
    for (const domain of WATCHED_DOMAINS) await this.send(domain);
  }
}

/** Routes the parent session's child-target messages to the right child. */
function childRouter(parent: CDPSession): Map<string, ChildTarget> {
  const children = new Map<string, ChildTarget>();
  parent.on('Target.receivedMessageFromTarget', (e) => children.get(e.sessionId ?? '')?.receive(e.message));
  return children;
}

export interface WatchedPage {
  page: Page;
  /** The page and its frames, including out-of-process frames. */
  report: TargetReport;
}

/** Opens a tab, starts watching it, then navigates: nothing the content script does is missed. */
export async function openWatched(ext: ExtensionBrowser, url: string, timeout = 30_000): Promise<WatchedPage> {
  const page = await ext.context.newPage();
  const report = await watchPage(ext, page);
  await page.goto(url, { waitUntil: 'load', timeout });
  return { page, report };
}

/** Watches a page (and every out-of-process frame it will attach) for the extension's errors. */
export async function watchPage(ext: ExtensionBrowser, page: Page): Promise<TargetReport> {
  const report = new TargetReport(`chrome-extension://${ext.extensionId}`);
  page.on('pageerror', (e) => report.noteIfOurs('pageerror', `${e.message} ${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') report.noteIfOurs('console.error', `${m.text()} ${m.location().url}`);
  });
  const session = await ext.context.newCDPSession(page);
  for (const event of WATCHED_EVENTS) session.on(event, (p) => report.handle(event, p as CdpParams));
  const children = childRouter(session);
  session.on('Target.attachedToTarget', (e) => {
    // Cross-site iframes run in their own process: their content scripts report to their own target.
    const child = new ChildTarget(session, e.sessionId, report);
    children.set(e.sessionId, child);
    void child.enable().catch(() => undefined);
  });
  for (const domain of WATCHED_DOMAINS) await session.send(domain);
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return report;
}

export interface ServiceWorkerWatch {
  report: TargetReport;
  close(): Promise<void>;
}

/**
 * Watches the extension's service worker over CDP: its errors and every network request it sends.
 * Playwright offers no CDP session for workers, so a blank tab's session attaches to it.
 */
export async function watchServiceWorker(ext: ExtensionBrowser): Promise<ServiceWorkerWatch> {
  const origin = `chrome-extension://${ext.extensionId}`;
  const report = new TargetReport(origin, true);
  const host = await ext.context.newPage();
  const session = await ext.context.newCDPSession(host);
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`));
  if (!target) throw new Error(`no service worker target for ${origin}`);
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const child = new ChildTarget(session, sessionId, report);
  childRouter(session).set(sessionId, child);
  await child.enable();
  return {
    report,
    async close() {
      await host.close();
    },
  };
}

// ─── The production build's "pass done" signal ───────────────────────────────────────────────

/** The page summary of one finished pass, and the page that sent it. */
export interface PassSummary {
  url: string;
  total: number;
}

/**
 * Runs in an extension context (Chromium's service worker, a Firefox extension page): records the
 * page summary the top frame's content script sends after every scan pass, debounced by 250 ms.
 * The production build has no other signal. Passive: it never answers, so the extension's own
 * handler still does. Self-contained: no closures.
 */
export function recordPageSummaries(): void {
  type Listener = (m: unknown, s: { url?: string }) => undefined;
  const scope = globalThis as unknown as {
    __twPasses?: PassSummary[];
    browser?: { runtime: { onMessage: { addListener(f: Listener): void } } };
    chrome?: { runtime: { onMessage: { addListener(f: Listener): void } } };
  };
  if (scope.__twPasses) return;
  const passes: PassSummary[] = [];
  scope.__twPasses = passes;
  // The sender's URL says which page reported: the summary itself carries no URL.
  (scope.browser ?? scope.chrome)?.runtime.onMessage.addListener((m, sender) => {
    const msg = m as { type?: string; payload?: { total: number } } | null;
    if (msg?.type === 'page-summary' && msg.payload && sender.url)
      passes.push({ url: sender.url, total: msg.payload.total });
    return undefined;
  });
}

/** Runs where recordPageSummaries ran: the summaries recorded for `url`. Self-contained. */
export function recordedPasses(url: string): PassSummary[] {
  return ((globalThis as unknown as { __twPasses?: PassSummary[] }).__twPasses ?? []).filter((p) => p.url === url);
}

export async function installPassProbe(worker: Worker): Promise<void> {
  await worker.evaluate(recordPageSummaries);
}

/** The page summaries received so far for `url`: one per finished pass (debounced). */
export function passesFor(worker: Worker, url: string): Promise<PassSummary[]> {
  return worker.evaluate(recordedPasses, url);
}

/** Waits until more than `seen` passes have been reported for `url`; returns the latest summary. */
export function waitForPass(worker: Worker, url: string, seen = 0, timeout = 15_000): Promise<PassSummary> {
  return waitForRecordedPass(() => passesFor(worker, url), url, seen, timeout);
}

/** Polls `passes` (the summaries recorded for `url`) until there are more than `seen`. */
export async function waitForRecordedPass(
  passes: () => Promise<PassSummary[]>,
  url: string,
  seen: number,
  timeout: number,
): Promise<PassSummary> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const list = await passes();
    const last = list[list.length - 1];
    if (list.length > seen && last) return last;
    if (Date.now() > deadline) throw new Error(`no scan pass reported for ${url} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// ─── DOM snapshots and the page's own noise ──────────────────────────────────────────────────

/** How long the DOM must go unchanged before a real page is snapshot, and the most to wait for it. */
export const DOM_QUIET = { quietMs: 400, maxMs: 2500 };

/**
 * Runs in the page: resolves true once the DOM has gone `quietMs` without a change (the
 * extension's `<techwar-overlay>` aside), false when `maxMs` passes first. Page scripts insert nodes
 * that live a moment (aktualne's ad-block probe adds a `<div>` and removes it 300 ms later); a
 * snapshot taken inside that moment shows a node that another load catches or misses by timing
 * alone. Self-contained: no closures.
 */
export function untilDomQuiet({ quietMs, maxMs }: { quietMs: number; maxMs: number }): Promise<boolean> {
  const isOverlay = (node: Node) => (node as Element).localName === 'techwar-overlay';
  const onlyOverlay = (r: MutationRecord) =>
    isOverlay(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOverlay));
  return new Promise((done) => {
    let quietTimer = 0;
    let capTimer = 0;
    const observer = new MutationObserver((records) => {
      if (records.every(onlyOverlay)) return;
      clearTimeout(quietTimer);
      quietTimer = window.setTimeout(finish, quietMs, true);
    });
    function finish(quiet: boolean) {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(capTimer);
      done(quiet);
    }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    quietTimer = window.setTimeout(finish, quietMs, true);
    capTimer = window.setTimeout(finish, maxMs, false);
  });
}

/**
 * Runs in the page: one line per node, `<depth> <description>`, open shadow roots included and
 * `<techwar-overlay>` left out. Unlike outerHTML it shows split or merged text nodes. Iterative,
 * because hostile pages nest thousands of levels deep. Self-contained: no closures.
 */
export function domSnapshot(): string {
  const lines: string[] = [];
  if (document.doctype) lines.push(`<!DOCTYPE ${document.doctype.name}>`);
  lines.push(`mode ${document.compatMode}`);
  const stack: [Node, number][] = [[document.documentElement, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.localName === 'techwar-overlay') continue;
      const attrs = [...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
      lines.push(`${depth} <${el.localName}${attrs}>`);
      const children = [...el.childNodes];
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, depth + 1]);
      const shadow = el.shadowRoot;
      if (shadow) {
        // Pushed after the children, so printed before them, as #shadow-root is in DevTools.
        const inner = [...shadow.childNodes];
        for (let i = inner.length - 1; i >= 0; i--) stack.push([inner[i] as Node, depth + 2]);
        stack.push([document.createComment('#shadow-root'), depth + 1]);
      }
    } else if (node.nodeType === Node.TEXT_NODE) {
      lines.push(`${depth} #text ${JSON.stringify((node as Text).data)}`);
    } else if (node.nodeType === Node.COMMENT_NODE) {
      lines.push(`${depth} #comment ${JSON.stringify((node as Comment).data)}`);
    } else {
      lines.push(`${depth} #node ${node.nodeName}`);
    }
  }
  return lines.join('\n');
}

/** a[aStart, aEnd) was replaced by b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Patience diff of two line lists: lines unique to both sides anchor the alignment, and the gaps
 * between anchors are diffed the same way. Good at the few, scattered differences a page's own
 * scripts make (a timestamp in the header, a random id in the footer).
 */
function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  diffRange(a, 0, a.length, b, 0, b.length, hunks);
  return hunks;
}

function diffRange(
  a: readonly string[],
  aLo: number,
  aHi: number,
  b: readonly string[],
  bLo: number,
  bHi: number,
  out: Hunk[],
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    aLo++;
    bLo++;
  }
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
  }
  if (aLo === aHi && bLo === bHi) return;
  const anchors = uniqueCommonAnchors(a, aLo, aHi, b, bLo, bHi);
  if (anchors.length === 0) {
    out.push({ aStart: aLo, aEnd: aHi, bStart: bLo, bEnd: bHi });
    return;
  }
  let ai = aLo;
  let bi = bLo;
  for (const [ax, bx] of anchors) {
    diffRange(a, ai, ax, b, bi, bx, out);
    ai = ax + 1;
    bi = bx + 1;
  }
  diffRange(a, ai, aHi, b, bi, bHi, out);
}

/** Lines occurring exactly once on each side, as (aIndex, bIndex) pairs on a longest increasing run. */
function uniqueCommonAnchors(
  a: readonly string[],
  aLo: number,
  aHi: number,
  b: readonly string[],
  bLo: number,
  bHi: number,
): [number, number][] {
  const count = (lines: readonly string[], lo: number, hi: number) => {
    const seen = new Map<string, number>();
    for (let i = lo; i < hi; i++) {
      const line = lines[i] as string;
      seen.set(line, seen.has(line) ? -1 : i);
    }
    return seen;
  };
  const inA = count(a, aLo, aHi);
  const inB = count(b, bLo, bHi);
  const pairs: [number, number][] = [];
  for (const [line, ai] of inA) {
    const bi = inB.get(line);
    if (ai >= 0 && bi !== undefined && bi >= 0) pairs.push([ai, bi]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return longestIncreasingByB(pairs);
}

function longestIncreasingByB(pairs: [number, number][]): [number, number][] {
  // Patience sorting: tails[k] is the index of the smallest b ending a run of length k + 1.
  const tails: number[] = [];
  const prev: number[] = new Array(pairs.length).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const bi = (pairs[i] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < bi) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] as number;
    tails[lo] = i;
  }
  const run: [number, number][] = [];
  for (let i = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; i >= 0; i = prev[i] as number) {
    run.push(pairs[i] as [number, number]);
  }
  return run.reverse();
}

/** The page's own run-to-run noise against one base load, from the other loads without the extension. */
interface Noise {
  /** The hunks base → each other load, in base coordinates. */
  hunks: Hunk[];
  /**
   * Every line those hunks add or remove. A script that appends an element while the page is
   * still parsing puts it wherever the parser has got to (lazy-image-2's consent-locator iframes),
   * so the same line turns up in different places from load to load.
   */
  lines: Set<string>;
}

function noiseAgainst(base: readonly string[], others: readonly (readonly string[])[]): Noise {
  const noise: Noise = { hunks: [], lines: new Set() };
  for (const other of others) {
    for (const h of diffLines(base, other)) {
      noise.hunks.push(h);
      for (const line of base.slice(h.aStart, h.aEnd)) noise.lines.add(line);
      for (const line of other.slice(h.bStart, h.bEnd)) noise.lines.add(line);
    }
  }
  return noise;
}

/**
 * The hunks of `changes` (base → with extension) that the page's own noise does not account for.
 * A change counts as noise when it lies inside one stretch of base lines that also changed between
 * loads, or when every line it adds or removes is one the page moved between loads.
 */
function unexplainedHunks(
  changes: readonly Hunk[],
  noise: Noise,
  base: readonly string[],
  ours: readonly string[],
): Hunk[] {
  const stretches = mergeStretches(noise.hunks);
  const moved = (c: Hunk) =>
    [...base.slice(c.aStart, c.aEnd), ...ours.slice(c.bStart, c.bEnd)].every((line) => noise.lines.has(line));
  return changes.filter((c) => !stretches.some(([lo, hi]) => lo <= c.aStart && c.aEnd <= hi) && !moved(c));
}

/** Base-line stretches [lo, hi] touched by any hunk, overlapping or adjacent ones merged. */
function mergeStretches(hunks: readonly Hunk[]): [number, number][] {
  const sorted = hunks.map((h): [number, number] => [h.aStart, h.aEnd]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** A few lines either side of a hunk, for a failure message. */
function describeHunk(a: readonly string[], b: readonly string[], h: Hunk, limit = 6): string {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
  const removed = a.slice(h.aStart, Math.min(h.aEnd, h.aStart + limit)).map((l) => `- ${cut(l)}`);
  const added = b.slice(h.bStart, Math.min(h.bEnd, h.bStart + limit)).map((l) => `+ ${cut(l)}`);
  return [`@@ base ${h.aStart}..${h.aEnd} / ours ${h.bStart}..${h.bEnd}`, ...removed, ...added].join('\n');
}

// ─── Judging a page's DOM against loads without the extension ─────────────────────────────────

/**
 * A DOM snapshot of the page at `url`, where the content script does not run, taken `settleMs`
 * after load (the time the page with the extension took to finish its pass, for pages whose
 * scripts run on timers) and after `act`, the same actions the test took on that page.
 */
export async function baselineSnapshot(
  ext: ExtensionBrowser,
  url: string,
  settleMs: number,
  act?: (page: Page) => Promise<void>,
): Promise<string> {
  const page = await ext.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    await act?.(page);
    return await page.evaluate(domSnapshot);
  } finally {
    await page.close();
  }
}

export interface DomVerdict {
  /** Changes no baseline load accounts for, described for a failure message; empty when unharmed. */
  unexplained: string[];
  /** Baseline loads it took (1 when the page matched the first exactly). */
  baselines: number;
  /** Base lines excluded as the page's own run-to-run noise (0 for a deterministic page). */
  noiseLines: number;
}

/**
 * Compares `ours` with loads of the same page without the extension. Equal to the first: unharmed.
 * Otherwise more baselines are loaded (up to `maxBaselines`), and for each baseline the lines that
 * differ between it and the others are the page's own noise: `ours` is unharmed when some baseline
 * differs from it only inside its noise. Noise that moves (a script appending an element early or
 * late) is covered by a baseline that caught the same order.
 */
export async function judgeDom(
  ours: readonly string[],
  loadBaseline: () => Promise<string[]>,
  maxBaselines = 4,
): Promise<DomVerdict> {
  const bases = [await loadBaseline()];
  const first = diffLines(bases[0] as string[], ours);
  if (first.length === 0) return { unexplained: [], baselines: 1, noiseLines: 0 };
  let best: { unexplained: string[]; noiseLines: number } | undefined;
  while (bases.length < maxBaselines) {
    bases.push(await loadBaseline());
    best = undefined;
    for (const base of bases) {
      const noise = noiseAgainst(
        base,
        bases.filter((b) => b !== base),
      );
      const left = unexplainedHunks(diffLines(base, ours), noise, base, ours);
      const noiseLines = noise.hunks.reduce((n, h) => n + Math.max(h.aEnd - h.aStart, 1), 0);
      const verdict = { unexplained: left.map((h) => describeHunk(base, ours, h)), noiseLines };
      if (left.length === 0) return { ...verdict, baselines: bases.length };
      if (!best || verdict.unexplained.length < best.unexplained.length) best = verdict;
    }
  }
  return {
    ...(best ?? { unexplained: first.map((h) => describeHunk(bases[0] as string[], ours, h)), noiseLines: 0 }),
    baselines: bases.length,
  };
}

// ─── One real page, judged the same way in both browsers ─────────────────────────────────────

/** On the content script's list of hosts, and named by none of the saved pages. */
export const REALPAGE_NEWS_HOST = 'www.restofworld.org';
/** Off the list: the content script does not run there. Named by none of the saved pages. */
export const REALPAGE_BASE_HOST = 'example.org';

export const realPageUrl = (host: string, name: string) => `https://${host}/realpages/${name}`;

/** Page scripts may write location into the DOM (liberation-1, videos-2): hosts are neutralised. */
export function snapshotLines(snapshot: string, host: string): string[] {
  return snapshot.split(host).join('<host>').split('\n');
}

/** Runs in the page: ranges in the topic highlights (the focus highlight of keyboard navigation left out). */
export function topicRangeCount(): number {
  let n = 0;
  for (const [name, hl] of CSS.highlights) if (name.startsWith('techwar-') && name !== 'techwar-focus') n += hl.size;
  return n;
}

/** The page's HTML and its two addresses: where the content script runs, and where it does not. */
export function realPageLoads(page: RealPage): { html: string; ours: string; base: string } {
  const html = realPageHtml(page);
  // A page naming either host could tell the loads apart by itself.
  for (const host of [REALPAGE_NEWS_HOST, REALPAGE_BASE_HOST])
    expect(html.includes(host), `${page.file} names ${host}`).toBe(false);
  return { html, ours: realPageUrl(REALPAGE_NEWS_HOST, page.name), base: realPageUrl(REALPAGE_BASE_HOST, page.name) };
}

/** One load of a real page with the extension, its pass finished and its DOM judged. */
export interface RealPageLoad {
  verdict: DomVerdict;
  /** Read after every load is done: errors may arrive late. */
  errors: () => string[];
  highlights: number;
}

export interface RealPageOutcome {
  name: string;
  errors: string[];
  /** Changes both loads with the extension made and no load without it shows. */
  unexplained: string[];
  noiseLines: number;
  highlights: number;
}

/**
 * Loads a real page with the extension (`loadOurs`) and judges it. A page's own scripts race with
 * the load (consent frames, timers) and can add a node on one load only. What the extension
 * changes, it changes on every load: when the first load shows changes, a second load tells the
 * two apart, and only a change both made counts (compared by the lines changed, not where they
 * landed).
 */
export async function judgeRealPage(name: string, loadOurs: () => Promise<RealPageLoad>): Promise<RealPageOutcome> {
  const loads = [await loadOurs()];
  let unexplained = (loads[0] as RealPageLoad).verdict.unexplained;
  if (unexplained.length > 0) {
    const again = await loadOurs();
    loads.push(again);
    const firstChanges = new Set(unexplained.map(changedLines));
    unexplained = again.verdict.unexplained.filter((hunk) => firstChanges.has(changedLines(hunk)));
  }
  const last = loads[loads.length - 1] as RealPageLoad;
  return {
    name,
    errors: loads.flatMap((l) => l.errors()),
    unexplained,
    noiseLines: last.verdict.noiseLines,
    highlights: last.highlights,
  };
}

/** A diff hunk without its position header: the lines a load changed, wherever they landed. */
function changedLines(hunk: string): string {
  return hunk.split('\n').slice(1).join('\n');
}

/**
 * Core names the digest matches as INDEX.tsv counts them (case-sensitive, whole word). Broad names
 * (Trump, Nvidia, Taiwan) are held back on pages off the beat, and none of these pages is on it.
 */
const DIGEST_NAMES = ['Huawei'];

/** The digest names INDEX.tsv counts on the page: where the extension must have highlighted something. */
function coreNamesOn(page: RealPage): string[] {
  return DIGEST_NAMES.filter((n) => new RegExp(`\\b${n}=`).test(page.topicHits));
}

/** What both browsers' suites assert of one page. */
export function expectUnharmed(page: RealPage, outcome: RealPageOutcome): void {
  expect(outcome.errors, 'errors from the extension').toEqual([]);
  expect(outcome.unexplained, 'DOM changes no load without the extension shows').toEqual([]);
  // The extension still does its job: a page naming a core digest entry gets at least one highlight.
  const names = coreNamesOn(page);
  if (names.length > 0)
    expect(outcome.highlights, `highlights on a page naming ${names.join(', ')}`).toBeGreaterThan(0);
}

/** Without ../shared/realpages the suite says so in the report rather than passing silently. */
export function noteRealPagesAbsent(title: string): void {
  describe(title, () => {
    it.skip(`skipped: ${REALPAGES_DIR} is not on this machine`, () => undefined);
  });
}

/** One line for the log: pages, failures, time, highlights and the page noise excluded. */
export function realPagesSummary(label: string, outcomes: readonly RealPageOutcome[], total: number, seconds: string) {
  const noisy = outcomes.filter((r) => r.noiseLines > 0).map((r) => `${r.name} ${r.noiseLines}`);
  return (
    `[${label}] pages ${outcomes.length}/${total}, ` +
    `errors ${outcomes.filter((r) => r.errors.length > 0).length}, ` +
    `mutated ${outcomes.filter((r) => r.unexplained.length > 0).length}, ` +
    `time ${seconds} s; highlights ${outcomes.reduce((n, r) => n + r.highlights, 0)}; ` +
    `page noise excluded (lines): ${noisy.join(', ') || 'none'}`
  );
}

// ─── Hostile fixtures (tests/e2e/fixtures/hostile) ────────────────────────────────────────────

/** On the content script's list of hosts. */
export const HOSTILE_NEWS_ORIGIN = 'https://www.reuters.com';
/** Off the list: the same fixture without the extension, for DOM and pixel baselines. */
export const HOSTILE_BASE_ORIGIN = 'https://example.org';

export interface HostilePage extends WatchedPage {
  url: string;
  baseUrl: string;
  /** Load to the first finished pass, in ms. */
  settleMs: number;
  /** The page summary of the first finished pass. */
  total: number;
}

export interface HostileOptions {
  /** Extra response headers for both URLs (e.g. a CSP header). */
  headers?: Record<string, string>;
  /** Runs before navigation, e.g. to add init scripts. */
  prepare?: (page: Page) => Promise<unknown>;
}

/** Serves fixtures/hostile/<name>.html at /hostile/<name> under both origins. */
async function serveHostile(ext: ExtensionBrowser, name: string, options: HostileOptions = {}) {
  const html = readFileSync(resolve(FIXTURES, 'hostile', `${name}.html`), 'utf8');
  const url = `${HOSTILE_NEWS_ORIGIN}/hostile/${name}`;
  const baseUrl = `${HOSTILE_BASE_ORIGIN}/hostile/${name}`;
  for (const u of [url, baseUrl]) {
    if (options.headers) await serveWithHeaders(ext.context, u, html, options.headers);
    else ext.serve(u, html);
  }
  return { url, baseUrl };
}

/** Opens a hostile fixture under the news origin, watched, and waits for the first finished pass. */
export async function openHostile(
  ext: ExtensionBrowser,
  name: string,
  options: HostileOptions = {},
  passTimeout = 15_000,
): Promise<HostilePage> {
  const { url, baseUrl } = await serveHostile(ext, name, options);
  const seen = (await passesFor(ext.worker, url)).length;
  const page = await ext.context.newPage();
  await options.prepare?.(page);
  const report = await watchPage(ext, page);
  // The heavy fixtures build their DOM by script: on a busy machine loading alone can outlast
  // Playwright's default 30 s, so the load shares the pass's allowance.
  await page.goto(url, { waitUntil: 'load', timeout: passTimeout });
  const loadedAt = performance.now();
  const { total } = await waitForPass(ext.worker, url, seen, passTimeout);
  return { page, report, url, baseUrl, total, settleMs: Math.round(performance.now() - loadedAt) };
}

/** Compares the page's DOM now with the fixture loaded without the extension and put through `act`. */
export async function judgeHostileDom(
  ext: ExtensionBrowser,
  hostile: HostilePage,
  act?: (page: Page) => Promise<void>,
): Promise<DomVerdict> {
  const ours = (await hostile.page.evaluate(domSnapshot)).split('\n');
  return judgeDom(ours, async () => (await baselineSnapshot(ext, hostile.baseUrl, hostile.settleMs, act)).split('\n'));
}

/** Everything the extension reported as going wrong on a page: uncaught, error-level and caught. */
export function troubleOf(report: TargetReport): string[] {
  return [...report.errors, ...report.caught];
}

// ─── Pixels ───────────────────────────────────────────────────────────────────────────────────

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Runs in the page: the viewport box of the first highlighted range reading `wanted` (shadow trees included). */
export function highlightedTermBox(wanted: string): { x: number; y: number; width: number; height: number } | null {
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-')) continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== wanted) continue;
      const rect = live.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    }
  }
  return null;
}

/**
 * The share of pixels inside `box` that differ (some channel by more than 16 of 255) between two
 * pages showing the same layout: the highlighted page and its baseline without the extension.
 * Decoded in a blank tab's canvas, so no image library is needed.
 */
export async function paintedShare(ext: ExtensionBrowser, ours: Page, baseUrl: string, box: Box): Promise<number> {
  const scroll = await ours.evaluate(() => [window.scrollX, window.scrollY] as const);
  const clip = {
    x: Math.max(0, box.x),
    y: Math.max(0, box.y),
    width: Math.ceil(box.width),
    height: Math.ceil(box.height),
  };
  const a = await ours.screenshot({ clip });
  const basePage = await ext.context.newPage();
  let b: Buffer;
  try {
    await basePage.goto(baseUrl, { waitUntil: 'load' });
    await basePage.evaluate(([x, y]) => window.scrollTo(x, y), scroll);
    b = await basePage.screenshot({ clip });
  } finally {
    await basePage.close();
  }
  const blank = await ext.context.newPage();
  try {
    return await blank.evaluate(
      async ([pa, pb]) => {
        const pixels = async (b64: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const g = canvas.getContext('2d') as CanvasRenderingContext2D;
          g.drawImage(img, 0, 0);
          return g.getImageData(0, 0, img.width, img.height).data;
        };
        const [da, db] = [await pixels(pa), await pixels(pb)];
        if (da.length !== db.length || da.length === 0) return 0;
        let differing = 0;
        for (let i = 0; i < da.length; i += 4) {
          const d = Math.max(
            Math.abs((da[i] as number) - (db[i] as number)),
            Math.abs((da[i + 1] as number) - (db[i + 1] as number)),
            Math.abs((da[i + 2] as number) - (db[i + 2] as number)),
          );
          if (d > 16) differing++;
        }
        return differing / (da.length / 4);
      },
      [a.toString('base64'), b.toString('base64')] as const,
    );
  } finally {
    await blank.close();
  }
}

// ─── Page probes for hostile pages (run in the page; self-contained) ──────────────────────────

export interface RangeFacts {
  text: string;
  /** The range lies in a shadow tree. */
  inShadow: boolean;
  /** The closest form field, editable region or code element around it, if any. */
  excludedBy: string | null;
  connected: boolean;
}

/** Every range of every techwar-* topic highlight, with where it lies. */
export function highlightedRanges(): RangeFacts[] {
  const out: RangeFacts[] = [];
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      const node = r.startContainer;
      const connected = node.isConnected && r.endContainer.isConnected;
      let text = '';
      if (connected) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        text = live.toString();
      }
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      const excluded = el?.closest('input, textarea, select, option, button, code, pre, [contenteditable]');
      out.push({
        text,
        inShadow: node.getRootNode() instanceof ShadowRoot,
        excludedBy: excluded ? excluded.localName + (excluded.id ? `#${excluded.id}` : '') : null,
        connected,
      });
    }
  }
  return out;
}

/** Init script: records every CSP violation the page sees. */
export function recordCspViolations(): void {
  const list: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
  document.addEventListener('securitypolicyviolation', (e) => {
    list.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} from ${e.sourceFile || '?'}`);
  });
}

/** The visible card's computed background colour and opacity, or null without a card. */
export function cardPaint(): { background: string; opacity: string } | null {
  const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
  if (!card) return null;
  const style = getComputedStyle(card);
  return { background: style.backgroundColor, opacity: style.opacity };
}

/** Hovers the first highlighted `text` and returns the entry id of the card that opens. */
export async function hoverForCard(page: Page, text: string, timeout = 5_000): Promise<string | null> {
  const point = await page.evaluate(termCenter, text);
  if (!point) throw new Error(`no highlighted range reads "${text}"`);
  await page.mouse.move(point.x - 3, point.y);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(visibleCardEntryId, undefined, { timeout });
  return page.evaluate(visibleCardEntryId);
}

/** Moves the pointer off every term and waits for the card to close. */
export async function leaveCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.waitForFunction(noVisibleCard, undefined, { timeout: 5_000 });
}

// ─── Long main-thread tasks, from a Chromium trace ────────────────────────────────────────────

export interface LongTask {
  /** When the task started, in the trace's clock (ms). */
  startMs: number;
  ms: number;
  /**
   * The task's thread (CPU) time: on a busy machine a task the scheduler preempted lasts longer
   * than the work in it, and this tells the two apart.
   */
  cpuMs: number;
  /** Script time inside the task by whose script it was: the extension's URL, the page's, or none. */
  extensionMs: number;
  pageMs: number;
  /** Script naming no URL: promise continuations, e.g. the extension's slices after scheduler.yield. */
  anonymousMs: number;
  /** The biggest pieces of work inside, for a failure message. */
  what: string;
}

/** A task with less script than other work in it: style, layout, paint. */
export function isRendering(t: LongTask): boolean {
  return t.extensionMs + t.pageMs + t.anonymousMs < t.ms / 2;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time, where the category records it. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'v8.compile',
]);

export interface TaskTracer {
  /** Ends the trace and returns the tasks over `longMs` on the main thread of the page at `pageUrl`. */
  stop(pageUrl: string, longMs?: number): Promise<LongTask[]>;
}

/** Starts tracing the browser's main threads through `page`'s CDP session (before navigation). */
export async function startTaskTrace(ext: ExtensionBrowser, page: Page): Promise<TaskTracer> {
  const extensionOrigin = `chrome-extension://${ext.extensionId}`;
  const cdp = await ext.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    // The disabled-by-default category carries the RunTask of promise continuations (and their
    // RunMicrotasks), which is where the extension's scan slices run.
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        '__metadata',
      ],
    },
  });
  return {
    async stop(pageUrl, longMs = 50) {
      const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const main = mainThreadOf(events, pageUrl);
      const onMain = events
        .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
        .sort((a, b) => a.ts - b.ts);
      const tasks: LongTask[] = [];
      let outerEnd = -1;
      for (let i = 0; i < onMain.length; i++) {
        const task = onMain[i] as TraceEvent;
        if (!TASK_EVENTS.has(task.name) || task.ts < outerEnd) continue;
        const end = task.ts + (task.dur ?? 0);
        outerEnd = end;
        if ((task.dur ?? 0) / 1000 <= longMs) continue;
        const inside: TraceEvent[] = [];
        for (let j = i + 1; j < onMain.length && (onMain[j] as TraceEvent).ts <= end; j++) {
          const e = onMain[j] as TraceEvent;
          if (!TASK_EVENTS.has(e.name)) inside.push(e);
        }
        const script = scriptTimeByOwner(inside, extensionOrigin);
        const what = inside
          .filter((e) => (e.dur ?? 0) > 2000)
          .slice(0, 6)
          .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms`)
          .join(', ');
        const cpuMs = Math.round((task.tdur ?? task.dur ?? 0) / 1000);
        tasks.push({ startMs: task.ts / 1000, ms: Math.round((task.dur ?? 0) / 1000), cpuMs, ...script, what });
      }
      return tasks;
    },
  };
}

/** Outermost script events of a task, their time summed by the URL they (or events inside them) name. */
/**
 * The page's main thread: the one that parsed it, or in a trace started after the load (a rescan),
 * the renderer main thread that ran the most work.
 */
function mainThreadOf(events: readonly TraceEvent[], pageUrl: string): { pid: number; tid: number } {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (parse) return parse;
  const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
  const mains = new Map<string, { pid: number; tid: number; n: number }>();
  for (const e of events)
    if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.set(key(e), { pid: e.pid, tid: e.tid, n: 0 });
  for (const e of events) {
    const thread = e.ph === 'X' ? mains.get(key(e)) : undefined;
    if (thread) thread.n++;
  }
  const busiest = [...mains.values()].sort((a, b) => b.n - a.n)[0];
  if (!busiest || busiest.n === 0) throw new Error(`the trace holds no work on the main thread of ${pageUrl}`);
  return busiest;
}

function scriptTimeByOwner(
  inside: readonly TraceEvent[],
  extensionOrigin: string,
): { extensionMs: number; pageMs: number; anonymousMs: number } {
  const out = { extensionMs: 0, pageMs: 0, anonymousMs: 0 };
  for (let i = 0; i < inside.length; i++) {
    const root = inside[i] as TraceEvent;
    if (!SCRIPT_EVENTS.has(root.name)) continue;
    const end = root.ts + (root.dur ?? 0);
    let url = root.args?.data?.url ?? '';
    // Skip the events nested in this one, taking the first URL one of them names.
    while (i + 1 < inside.length && (inside[i + 1] as TraceEvent).ts < end) {
      i++;
      url ||= (inside[i] as TraceEvent).args?.data?.url ?? '';
    }
    const ms = (root.dur ?? 0) / 1000;
    if (url.startsWith(extensionOrigin)) out.extensionMs += ms;
    else if (url) out.pageMs += ms;
    else out.anonymousMs += ms;
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  return { extensionMs: round(out.extensionMs), pageMs: round(out.pageMs), anonymousMs: round(out.anonymousMs) };
}

export function describeTasks(tasks: readonly LongTask[]): string {
  const one = (t: LongTask) =>
    `${t.ms} ms (cpu ${t.cpuMs}) [script: extension ${t.extensionMs}, page ${t.pageMs}, anonymous ${t.anonymousMs}] (${t.what})`;
  return tasks.map(one).join('; ') || 'none';
}
