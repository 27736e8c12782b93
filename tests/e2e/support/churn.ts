// The churn fixture (an SPA re-rendering a 50-item list on a timer), run and measured through CDP:
// main-thread work and the JS heap after GC, with or without the extension.
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export const CHURN = { everyMs: 50, renders: 200 };

export interface ChurnFigures {
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
export async function measureChurn(ext: ExtensionBrowser, page: Page): Promise<ChurnFigures> {
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await metrics(cdp);
  await page.evaluate(
    ([every, renders]) =>
      (window as unknown as { startChurn(e: number, r: number): Promise<number> }).startChurn(every, renders),
    [CHURN.everyMs, CHURN.renders] as const,
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

/** The same churn on the fixture without the extension (its base URL), after the same settle time. */
export async function measureBareChurn(
  ext: ExtensionBrowser,
  baseUrl: string,
  settleMs: number,
): Promise<ChurnFigures> {
  const page = await ext.context.newPage();
  await page.goto(baseUrl, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const figures = await measureChurn(ext, page);
  await page.close();
  return figures;
}
