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

it.each([
  ['popup', () => `src/popup/index.html?tab=${articleTab}`],
  ['options', () => 'src/options/index.html'],
  ['reader (search)', () => 'src/reader/index.html'],
  ['reader (entry)', () => 'src/reader/index.html#entry=huawei'],
  ['reader (sources)', () => 'src/reader/index.html#view=sources'],
  ['reader (timeline)', () => 'src/reader/index.html#view=timeline'],
])('the %s page loads only its own files', async (_name, path) => {
  const page = await ext.context.newPage();
  const report = await watchPage(ext, page);
  await page.goto(`chrome-extension://${ext.extensionId}/${path()}`, { waitUntil: 'load' });
  // Let the page render and ask the background and the tab for what it shows.
  await page.waitForTimeout(700);
  expect(report.requests).toEqual([]);
  expect(troubleOf(report)).toEqual([]);
  await page.close();
});

it('the service worker sends nothing (CDP Network on its own target)', () => {
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
