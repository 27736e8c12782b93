// "TechWar Lens makes no network requests": the content script on a news page (scan, hover, card),
// the popup, options and reader pages, and the service worker, each watched over CDP's Network
// domain, plus every request the browser context saw and every one its route refused. Extension
// pages loading their own chrome-extension:// files are not network requests.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, fixture, launchWithExtension, tabIdOf } from './support/chromium';
import {
  hoverForCard,
  installPassProbe,
  leaveCard,
  openWatched,
  type ServiceWorkerWatch,
  troubleOf,
  waitForPass,
  watchPage,
  watchServiceWorker,
} from './support/realpages';

const ARTICLE_URL = 'https://www.reuters.com/technology/privacy-check/';

let ext: ExtensionBrowser;
let sw: ServiceWorkerWatch;
/** Every request the context saw, with who sent it. */
const seen: { url: string; by: string }[] = [];

function sender(request: Request): string {
  if (request.serviceWorker()) return 'service worker';
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  ext = await launchWithExtension();
  ext.context.on('request', (r) => seen.push({ url: r.url(), by: sender(r) }));
  sw = await watchServiceWorker(ext);
  await installPassProbe(ext.worker);
  ext.serve(ARTICLE_URL, fixture('demo-article.html'));
});

afterAll(async () => {
  await sw?.close();
  await ext?.close();
});

let articleTab: number;

it('the content script sends nothing while it scans, highlights and shows a card', async () => {
  const { page, report } = await openWatched(ext, ARTICLE_URL);
  await waitForPass(ext.worker, ARTICLE_URL);
  expect(await hoverForCard(page, 'Huawei')).toBe('huawei');
  await leaveCard(page);
  articleTab = await tabIdOf(ext, page);
  // The fixture loads nothing but itself, and the browser asks for the site's icon on its own:
  // any other request is the extension's.
  const browserOwn = [ARTICLE_URL, new URL('/favicon.ico', ARTICLE_URL).href];
  expect(report.requests.filter((u) => !browserOwn.includes(u))).toEqual([]);
  expect(troubleOf(report)).toEqual([]);
});

/**
 * How long each extension page is watched after it showed its content: a page that sent something
 * on a timer (1.5 s after opening, say) is still caught. It proves an absence, so no condition
 * can end it sooner.
 */
const WATCH_AFTER_RENDER_MS = 3000;

it.each([
  // The popup lists what the article's content script answered: the tab answered its message.
  ['popup', () => `src/popup/index.html?tab=${articleTab}`, '.tw-popup [data-entry-id="huawei"]'],
  ['options', () => 'src/options/index.html', '[role="switch"][data-topic-id="chips"]'],
  ['reader (search)', () => 'src/reader/index.html', '.tw-reader-search-input'],
  ['reader (entry)', () => 'src/reader/index.html#entry=huawei', 'article.tw-reader-entry[data-entry-id="huawei"]'],
  ['reader (sources)', () => 'src/reader/index.html#view=sources', '.tw-reader-source'],
  ['reader (timeline)', () => 'src/reader/index.html#view=timeline', '.tw-reader-timeline .tw-reader-event'],
])('the %s page shows its content and, for 3 s after, loads only its own files', async (_name, path, rendered) => {
  const page = await ext.context.newPage();
  const report = await watchPage(ext, page);
  await page.goto(`chrome-extension://${ext.extensionId}/${path()}`, { waitUntil: 'load' });
  // The page did its work (an empty watch proves nothing), then the watch goes on.
  await page.waitForSelector(rendered, { timeout: 10_000 });
  await page.waitForTimeout(WATCH_AFTER_RENDER_MS);
  // Its own files were seen: the watch was on.
  expect(report.internalRequests.length).toBeGreaterThan(0);
  expect(report.requests).toEqual([]);
  // The CSP refuses a request leaving the extension before it reaches the network: the refusal
  // shows here, as errors in the page.
  expect(troubleOf(report)).toEqual([]);
  await page.close();
});

it('the service worker sends nothing (CDP Network on its own target), and did its work: the badge', async () => {
  // The badge shows the count the article's content script reported: the worker answered it.
  const badge = await ext.worker.evaluate(
    (tabId) =>
      (
        globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
      ).chrome.action.getBadgeText({ tabId }),
    articleTab,
  );
  expect(badge).toMatch(/^[1-9]\d*$/);
  expect(sw.report.requests).toEqual([]);
  expect(sw.report.errors).toEqual([]);
});

it('nothing the extension sent reached the network layer, and the route refused nothing', () => {
  const fromExtension = seen.filter(
    (r) =>
      !r.url.startsWith(`chrome-extension://${ext.extensionId}/`) &&
      (r.by === 'service worker' || r.by.startsWith('chrome-extension://')),
  );
  expect(fromExtension).toEqual([]);
  expect(ext.blocked).toEqual([]);
});

// Last, because it sends requests: the watches above can see one when there is one. The
// extension's CSP refuses every request that would leave the extension, so the harness proves its
// watch on a request for the extension's own files, which the checks above set aside by origin.
it('harness: a request from the service worker shows on its CDP target, and one leaving the extension is refused', async () => {
  const own = `chrome-extension://${ext.extensionId}/manifest.json`;
  const canary = 'https://example.com/privacy-harness-canary';
  const outcomes = await ext.worker.evaluate(
    (urls) =>
      Promise.all(
        urls.map((u) =>
          fetch(u).then(
            () => 'sent',
            () => 'refused',
          ),
        ),
      ),
    [own, canary],
  );
  expect(outcomes).toEqual(['sent', 'refused']);
  await expect.poll(() => sw.report.internalRequests, { timeout: 10_000 }).toContain(own);
  expect(sw.report.requests).not.toContain(canary);
});
