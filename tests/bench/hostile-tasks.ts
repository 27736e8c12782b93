// The hostile pages' long tasks, for `npm run bench`: a Chromium trace of the page's main thread
// while the extension makes its first pass (and, on the churn page, follows 200 re-renders).
//
// Long tasks are read from the trace, not from a 'longtask' PerformanceObserver: with the extension
// loaded that observer reported neither the page's 2 s layout task nor the extension's own 50-75 ms
// task, while the trace sees every task and whose script ran in it. These fixtures run no script
// after parsing (the churn page only in its timer), so script in a later long task is the extension's.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../e2e/support/chromium';
import {
  describeTasks,
  isRendering,
  type LongTask,
  openHostile,
  startTaskTrace,
  type TaskTracer,
} from '../e2e/support/realpages';

export interface HostileTaskResult {
  page: string;
  /** Load to the end of the first pass. */
  settleMs: number;
  /** Tasks over 16 ms spent mostly in the extension's script. */
  over16: number;
  /** Tasks over 50 ms spent mostly in the extension's script: the budget is none. */
  over50: number;
  longestMs: number;
  /** The longest such task's thread time (see LongTask.cpuMs). */
  longestCpuMs: number;
  /**
   * Rendering tasks over 50 ms (mostly no script) after the extension's first script ran: the
   * fixtures run no script of their own then, so these are frames the extension's changes cost
   * (none counted on the churn page, which renders on its own timer).
   */
  renderOver50: number;
  longestRenderMs: number;
  tasks: string;
}

/**
 * Tasks spent mostly in the extension's script: script naming its URL, or naming no URL (promise
 * continuations, which is how its slices resume).
 */
const fromExtension = (tasks: LongTask[]) => tasks.filter((t) => t.extensionMs + t.anonymousMs >= t.ms / 2);

const CHURN = { every: 50, renders: 200 };

async function churn(page: Page): Promise<void> {
  await page.evaluate(
    ([every, renders]) =>
      (window as unknown as { startChurn(e: number, r: number): Promise<number> }).startChurn(every, renders),
    [CHURN.every, CHURN.renders] as const,
  );
}

async function traceHostile(ext: ExtensionBrowser, name: string): Promise<HostileTaskResult> {
  let tracer: TaskTracer | undefined;
  const h = await openHostile(
    ext,
    name,
    { prepare: async (page) => (tracer = await startTaskTrace(ext, page)) },
    60_000,
  );
  if (name === 'churn') await churn(h.page);
  const all = await (tracer as TaskTracer).stop(h.url, 0);
  const tasks = fromExtension(all.filter((t) => t.ms > 16));
  const injectedAt = Math.min(...all.filter((t) => t.extensionMs > 0).map((t) => t.startMs));
  // The churn page renders on its own timer: its frames are not the extension's.
  const rendering = name === 'churn' ? [] : all.filter((t) => t.startMs > injectedAt && t.ms > 50 && isRendering(t));
  await h.page.close();
  return {
    page: name,
    settleMs: h.settleMs,
    over16: tasks.length,
    over50: tasks.filter((t) => t.ms > 50).length,
    longestMs: Math.max(0, ...tasks.map((t) => t.ms)),
    longestCpuMs: Math.max(0, ...tasks.map((t) => t.cpuMs)),
    renderOver50: rendering.length,
    longestRenderMs: Math.max(0, ...rendering.map((t) => t.ms)),
    tasks: describeTasks(tasks),
  };
}

/** Traces every heavy hostile page in turn. */
export async function hostileTasks(ext: ExtensionBrowser): Promise<HostileTaskResult[]> {
  const results: HostileTaskResult[] = [];
  for (const name of ['big-text-node', 'many-nodes', 'deep-nesting', 'churn']) {
    const result = await traceHostile(ext, name);
    console.log(
      `hostile ${name}: ${result.over16} task(s) > 16 ms, ${result.over50} > 50 ms: ${result.tasks}; ` +
        `${result.renderOver50} rendering task(s) > 50 ms after injection, longest ${result.longestRenderMs} ms`,
    );
    results.push(result);
  }
  return results;
}
