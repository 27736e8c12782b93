// Where a cold pass spends its time: a Chromium CPU profile (CDP Profiler) of a page load with the
// extension, self time summed by function, for `npm run bench`.
import type { ExtensionBrowser } from '../e2e/support/chromium';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface ProfileLine {
  fn: string;
  selfMs: number;
}

export interface ScanProfile {
  /** Time of every sample whose stack holds the extension's code, up to its first finished pass. */
  extensionMs: number;
  /** Where that time went: self time by innermost function (extension code, builtins, DOM calls). */
  top: ProfileLine[];
}

const label = (frame: ProfileNode['callFrame']): string => {
  const file = frame.url ? frame.url.split('/').pop() : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
};

/** Loads `url` with the profiler running until the first techwar:scan measure, and sums the extension's samples. */
export async function profileColdPass(browser: ExtensionBrowser, url: string, topN = 15): Promise<ScanProfile> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('techwar:scan').length > 0, undefined, {
    timeout: 120_000,
  });
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await page.close();
  const nodes = profile.nodes as ProfileNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (up !== undefined && isOurs(up)));
    ours.set(id, result);
    return result;
  };
  const self = new Map<string, number>();
  let totalUs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    if (!isOurs(id)) continue;
    const dt = deltas[i + 1] ?? 0;
    const key = label((byId.get(id) as ProfileNode).callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    totalUs += dt;
  }
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topN)
    .map(([fn, us]) => ({ fn, selfMs: Math.round(us / 10) / 100 }));
  return { extensionMs: Math.round(totalUs / 10) / 100, top };
}
