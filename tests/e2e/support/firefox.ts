// Firefox ESR driven by puppeteer-core (Playwright cannot drive Debian's Firefox), with the
// Firefox build installed as a temporary add-on and every off-machine request refused.
import { rmSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixture } from './chromium';
import { hasTopicHighlights, termCenter, visibleCardEntryId } from './page-probes';
import { DIST_FIREFOX, tempDir } from './paths';
import { type PassSummary, recordedPasses, recordPageSummaries } from './realpages';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  /** Opens `url` serving `html`, every other request refused. */
  open(url: string, html: string, options?: OpenOptions): Promise<Page>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Runs before navigation, e.g. to watch the page. */
  prepare?: (page: Page) => void;
  /**
   * What navigation waits for: `load` by default. Some saved pages never reach it in Firefox (a
   * refused request that Firefox itself blocks as mixed content stays pending, and readyState
   * stays "interactive"), so the real-page suite waits for the DOM and then the extension's pass.
   */
  waitUntil?: 'load' | 'domcontentloaded';
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
    async open(url, html, { prepare, waitUntil = 'load' } = {}) {
      const page = await browser.newPage();
      prepare?.(page);
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.url().split('#')[0] === url) {
          req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }).catch(() => undefined);
          // The tab may have closed meanwhile.
        } else req.abort().catch(() => undefined);
      });
      await page.goto(url, { waitUntil });
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

/**
 * Errors an extension raises in a page, as the remote protocol (WebDriver BiDi) reports them:
 * uncaught errors whose stack names the extension's files, and console messages called from
 * them (error level, or its own "[TechWar Lens]" lines below, i.e. failures it caught). Content
 * scripts count, as their console calls and throws carry their moz-extension:// frames. Not seen:
 * a rejected promise whose error carries no stack (it names no file to attribute it by), and
 * anything in the background page, which the remote protocol cannot reach.
 */
export function watchExtensionErrors(page: Page, extensionOrigin: string): { errors: string[]; caught: string[] } {
  const report = { errors: [] as string[], caught: [] as string[] };
  page.on('pageerror', (error) => {
    const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
    if (text.includes(extensionOrigin)) report.errors.push(`uncaught: ${text}`);
  });
  page.on('console', (message) => {
    if (!message.stackTrace().some((frame) => frame.url?.startsWith(extensionOrigin))) return;
    const line = `console.${message.type()}: ${message.text()}`;
    if (message.type() === 'error' || message.type() === 'assert') report.errors.push(line);
    else if (message.text().includes('[TechWar Lens]')) report.caught.push(line);
  });
  return report;
}

export interface FirefoxPassProbe {
  /** moz-extension://<this install's uuid> */
  extensionOrigin: string;
  /** The page summaries recorded so far for `url`, one per finished scan pass. */
  passesFor(url: string): Promise<PassSummary[]>;
}

/**
 * Hears the content script's page summary after each scan pass, as Chromium's service-worker
 * probe does. The remote protocol cannot reach Firefox's background page, but Firefox delivers
 * runtime messages to every extension page too, so a passive listener runs in one of ours: the
 * reader, opened from a card (the protocol will not navigate to moz-extension:// itself).
 */
export async function openPassProbe(firefox: FirefoxWithExtension): Promise<FirefoxPassProbe> {
  const article = await firefox.open('https://www.theguardian.com/technology/pass-probe', fixture('demo-article.html'));
  await article.waitForFunction(hasTopicHighlights, { timeout: 15_000 });
  const reader = await openReaderFromCard(firefox, article, 'DeepSeek');
  await article.close();
  await reader.evaluate(recordPageSummaries);
  // Asked of the page: Node's URL gives a moz-extension:// address the origin "null".
  const extensionOrigin = await reader.evaluate(() => location.origin);
  if (!/^moz-extension:\/\/[\w-]+$/.test(extensionOrigin)) throw new Error(`not our origin: ${extensionOrigin}`);
  return {
    extensionOrigin,
    passesFor: (url) => reader.evaluate(recordedPasses, url),
  };
}
