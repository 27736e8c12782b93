// One browser per test file (or describe block): launched before its tests, closed after them,
// with a way to open a fixture that waits until the extension has highlighted it.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, fixture, type LaunchOptions, launchWithExtension, waitForHighlights } from './chromium';
import { type FirefoxWithExtension, launchFirefox } from './firefox';
import { hasTopicHighlights } from './page-probes';

/** Firefox starts the content script later than Chromium on a busy machine. */
const FIREFOX_HIGHLIGHT_TIMEOUT_MS = 15_000;

export interface Suite<B, P> {
  /** The browser; throws before the suite's beforeAll has launched it. */
  readonly browser: B;
  /** Serves `fixtureName` at `<urlBase><n>` (a fresh address each time), opens it and waits for highlights. */
  openFixture(fixtureName: string): Promise<P>;
}

/** Runs `launch` before the enclosing suite's tests and `close` after them; the getter reads the result. */
function launchedForSuite<B extends { close(): Promise<void> }>(launch: () => Promise<B>): () => B {
  let launched: B | undefined;
  beforeAll(async () => {
    launched = await launch();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return () => {
    if (!launched) throw new Error('the browser is launched in beforeAll');
    return launched;
  };
}

/** Chromium with the built extension for the enclosing suite. */
export function useChromium(urlBase: string, options: LaunchOptions = {}): Suite<ExtensionBrowser, PlaywrightPage> {
  const browser = launchedForSuite(() => launchWithExtension(options));
  let n = 0;
  return {
    get browser() {
      return browser();
    },
    async openFixture(fixtureName) {
      const url = `${urlBase}${n++}`;
      browser().serve(url, fixture(fixtureName));
      const page = await browser().open(url);
      await waitForHighlights(page);
      return page;
    },
  };
}

/** Firefox ESR with the Firefox build for the enclosing suite. */
export function useFirefox(urlBase: string): Suite<FirefoxWithExtension, PuppeteerPage> {
  const firefox = launchedForSuite(() => launchFirefox());
  let n = 0;
  return {
    get browser() {
      return firefox();
    },
    async openFixture(fixtureName) {
      const page = await firefox().open(`${urlBase}${n++}`, fixture(fixtureName));
      await page.waitForFunction(hasTopicHighlights, { timeout: FIREFOX_HIGHLIGHT_TIMEOUT_MS });
      return page;
    },
  };
}
