// Firefox ESR driven by puppeteer-core (Playwright cannot drive Debian's Firefox), with the
// Firefox build installed as a temporary add-on and every off-machine request refused.
import { rmSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { termCenter, visibleCardEntryId } from './page-probes';
import { DIST_FIREFOX, tempDir } from './paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  open(url: string, html: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  dist = DIST_FIREFOX,
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxWithExtension> {
  const profile = tempDir('firefox-profile');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      // No telemetry, updates or captive-portal probes: the machine has no network.
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...prefs,
    },
  });
  const extensionId = await browser.installExtension(dist);
  return {
    browser,
    extensionId,
    async open(url, html) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url().split('#')[0] === url) {
          void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        } else void req.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The tab showing one of our pages. Firefox's remote protocol reports moz-extension:// pages as
 * about:blank, and a handle taken before a navigation stays on the old document, so each try
 * takes fresh handles and asks each page where it is.
 */
export async function extensionPage(firefox: FirefoxWithExtension, path: string): Promise<Page> {
  for (let tries = 0; tries < 50; tries++) {
    for (const page of await firefox.browser.pages()) {
      const url = await page.evaluate(() => location.href).catch(() => '');
      if (url.startsWith('moz-extension:') && url.includes(path)) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no tab shows ${path}`);
}

/**
 * Opens the reader from the card of `term` with real clicks (the remote protocol will not navigate
 * to moz-extension:// pages itself): a click on the term pins its card, a click on the card's
 * "Open in reader" asks the background for the reader.
 */
export async function openReaderFromCard(firefox: FirefoxWithExtension, page: Page, term: string): Promise<Page> {
  // The whole card, "Open in reader" included, fits a desktop window but not the default 800×600.
  await page.setViewport({ width: 1200, height: 1000 });
  const point = await page.evaluate(termCenter, term);
  if (!point) throw new Error(`${term} is not highlighted`);
  await page.mouse.move(point.x - 2, point.y);
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(visibleCardEntryId, { timeout: 5_000 });
  // The card sits in the top layer inside our shadow root: click where the button is drawn.
  const button = await page.evaluate(() => {
    const link = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('.tw-reader-link');
    link?.scrollIntoView({ block: 'nearest' });
    const rect = link?.getBoundingClientRect();
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  });
  if (!button) throw new Error(`the card of ${term} has no "Open in reader"`);
  await page.mouse.click(button.x, button.y);
  return extensionPage(firefox, '/src/reader/index.html');
}
