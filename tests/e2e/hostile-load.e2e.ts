// Heavy hostile pages with the production build: one 10 MB text node, 200,000 nodes, nesting
// 5,000 deep, and an SPA re-rendering a list every 50 ms for 10 s. No error, the DOM as without
// the extension, every planted term found, no long task from the extension, and under churn a
// bounded CPU cost and a flat heap.
//
// Long tasks are read from a Chromium trace of the page's main thread, not from a 'longtask'
// PerformanceObserver: with the extension loaded that observer reported neither the page's 2 s
// layout task nor the extension's own 50-75 ms task (without the extension it did report the
// layout task), while the trace sees every task and whose script ran in it. These fixtures run no
// script after parsing, so script in a later long task is the extension's.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import {
  describeTasks,
  type HostilePage,
  installPassProbe,
  judgeHostileDom,
  type LongTask,
  openHostile,
  type ServiceWorkerWatch,
  startTaskTrace,
  type TaskTracer,
  troubleOf,
  watchServiceWorker,
} from './support/realpages';

let ext: ExtensionBrowser;
let sw: ServiceWorkerWatch;

beforeAll(async () => {
  ext = await launchWithExtension();
  sw = await watchServiceWorker(ext);
  await installPassProbe(ext.worker);
});

afterAll(async () => {
  await sw?.close();
  await ext?.close();
});

/**
 * Long tasks spent mostly in the extension's script: script naming its URL, or naming no URL
 * (promise continuations, which is how its slices resume), since these pages run none after parsing.
 */
const fromExtension = (tasks: LongTask[]) => tasks.filter((t) => t.extensionMs + t.anonymousMs >= t.ms / 2);

/** How many terms the fixture planted (its data-terms attribute). */
function plantedTerms(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('[data-terms]')?.getAttribute('data-terms')));
}

/** Loads a heavy fixture with a trace running, checks it fully, and returns its long tasks. */
async function checkHeavyPage(name: string, passTimeout: number): Promise<{ h: HostilePage; tasks: LongTask[] }> {
  let tracer: TaskTracer | undefined;
  const h = await openHostile(
    ext,
    name,
    {
      prepare: async (page) => {
        tracer = await startTaskTrace(ext, page);
      },
    },
    passTimeout,
  );
  const tasks = await (tracer as TaskTracer).stop(h.url);
  console.log(`[hostile-load] ${name}: pass after ${h.settleMs} ms, long tasks: ${describeTasks(tasks)}`);
  return { h, tasks };
}

describe.each([
  { name: 'big-text-node', what: 'a single 10 MB text node', passTimeout: 30_000 },
  { name: 'many-nodes', what: '200,000 nodes', passTimeout: 30_000 },
  { name: 'deep-nesting', what: 'nesting 5,000 levels deep', passTimeout: 30_000 },
])('$what', { timeout: 120_000 }, ({ name, passTimeout }) => {
  let h: HostilePage;
  let tasks: LongTask[];

  beforeAll(async () => {
    ({ h, tasks } = await checkHeavyPage(name, passTimeout));
  }, 120_000);

  afterAll(async () => {
    await h?.page.close();
  });

  it('finds every planted term in one pass', async () => {
    expect(h.total).toBe(await plantedTerms(h.page));
  });

  it('runs no long task (> 50 ms) of its own', () => {
    expect(describeTasks(fromExtension(tasks))).toBe('none');
  });

  it('raises no error and leaves the DOM alone', async () => {
    expect(troubleOf(h.report)).toEqual([]);
    expect((await judgeHostileDom(ext, h)).unexplained).toEqual([]);
  });
});

describe('an SPA re-rendering a 50-item list every 50 ms for 10 s', () => {
  const EVERY_MS = 50;
  const RENDERS = 200;

  interface ChurnFigures {
    scriptMs: number;
    taskMs: number;
    heapStartMb: number;
    heapGrowthMb: number;
  }

  async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  }

  /** Runs the churn on a loaded page and measures the main thread's work and the heap after GC. */
  async function measureChurn(page: Page): Promise<ChurnFigures> {
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await metrics(cdp);
    await page.evaluate(
      ([every, renders]) =>
        (window as unknown as { startChurn(e: number, r: number): Promise<number> }).startChurn(every, renders),
      [EVERY_MS, RENDERS] as const,
    );
    // Let the last render's rescan finish before reading the counters.
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await metrics(cdp);
    await cdp.detach();
    const mb = (bytes: number) => bytes / 2 ** 20;
    return {
      scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
      taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
      heapStartMb: mb(before.JSHeapUsedSize ?? 0),
      heapGrowthMb: mb((after.JSHeapUsedSize ?? 0) - (before.JSHeapUsedSize ?? 0)),
    };
  }

  let h: HostilePage;
  let ours: ChurnFigures;
  let bare: ChurnFigures;

  beforeAll(async () => {
    h = await openHostile(ext, 'churn');
    ours = await measureChurn(h.page);
    const basePage = await ext.context.newPage();
    await basePage.goto(h.baseUrl, { waitUntil: 'load' });
    await basePage.waitForTimeout(h.settleMs);
    bare = await measureChurn(basePage);
    await basePage.close();
    const f = (n: number) => n.toFixed(1);
    console.log(
      `[hostile-load] churn ${RENDERS} renders every ${EVERY_MS} ms: ` +
        `ScriptDuration ${f(ours.scriptMs)} ms with vs ${f(bare.scriptMs)} ms without (+${f(ours.scriptMs - bare.scriptMs)} ms), ` +
        `TaskDuration ${f(ours.taskMs)} vs ${f(bare.taskMs)} ms (+${f(ours.taskMs - bare.taskMs)} ms, ` +
        `${f((ours.taskMs - bare.taskMs) / RENDERS)} ms per re-render, ${f(((ours.taskMs - bare.taskMs) / (EVERY_MS * RENDERS)) * 100)}% of the main thread); ` +
        `JS heap after GC ${f(ours.heapStartMb)} → ${f(ours.heapStartMb + ours.heapGrowthMb)} MB with, ` +
        `${f(bare.heapStartMb)} → ${f(bare.heapStartMb + bare.heapGrowthMb)} MB without`,
    );
  }, 60_000);

  it('keeps every highlight in step with the last render', async () => {
    const texts = await h.page.evaluate(() => {
      const out: string[] = [];
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
        for (const r of hl as unknown as Iterable<AbstractRange>) {
          if (!r.startContainer.isConnected) out.push('(detached)');
          else if (r.startContainer.parentElement?.closest('#board')) out.push(r.startContainer.textContent ?? '');
        }
      }
      return out;
    });
    expect(texts).not.toContain('(detached)');
    // 50 company names and 50 "export controls": one per item each.
    expect(texts.length).toBe(100);
  });

  // ScriptDuration leaves out promise continuations (where the extension's rescans resume) and the
  // repaint its highlights cause, so the budget is on all main-thread work: with the extension's
  // work per re-render under half a frame, an SPA that updates every 50 ms keeps its frame rate.
  it('adds at most half a frame (8 ms) of main-thread work per re-render', () => {
    expect((ours.taskMs - bare.taskMs) / RENDERS).toBeLessThanOrEqual(8);
  });

  it('keeps the JS heap flat: growth within 1 MB of the page without the extension', () => {
    expect(ours.heapGrowthMb - bare.heapGrowthMb).toBeLessThanOrEqual(1);
  });

  it('raises no error and leaves the DOM as the churn alone leaves it', async () => {
    expect(troubleOf(h.report)).toEqual([]);
    expect((await judgeHostileDom(ext, h, (page) => measureChurn(page).then(() => undefined))).unexplained).toEqual([]);
  });
});

it('the service worker raised no error during the heavy pages', () => {
  expect(sw.report.errors).toEqual([]);
});
