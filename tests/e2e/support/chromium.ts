// Debian's Chromium with the built extension loaded, every page served from local files under a
// real news URL, and every other request refused: nothing leaves the machine.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { hasTopicHighlights, termCenter, topicHighlightTexts, visibleCardEntryId } from './page-probes';
import { DIST, FIXTURES, tempDir } from './paths';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request the browser tried to send off the machine (all were refused). */
  blocked: string[];
  /** Serves `html` at `url` for the pages of this context. */
  serve(url: string, html: string): void;
  /** Opens `url` (served with serve() or serveFixture()) in a new tab. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  dist?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** A visible window (needs a display); headless otherwise. */
  headed?: boolean;
  /** A phone: touch input and mobile emulation (meta viewport, no hover). */
  phone?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  const profile = tempDir('chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.headed ? null : (options.viewport ?? { width: 1200, height: 900 }),
    ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...(options.headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;

  const pages = new Map<string, string>();
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    // The extension's own pages load from the extension, not the network.
    if (url.startsWith('chrome-extension://')) return route.continue();
    const html = pages.get(url.split('#')[0] as string);
    if (html !== undefined) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });

  return {
    context,
    extensionId,
    worker,
    blocked,
    serve(url, html) {
      pages.set(url, html);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

/** Resolves once the content script has registered at least one topic highlight with ranges. */
export async function waitForHighlights(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(hasTopicHighlights, undefined, { timeout });
}

export function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(topicHighlightTexts);
}

/** The centre of the first highlighted range whose text is `text`, scrolled into view. */
export async function pointOfTerm(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(termCenter, text);
  if (!point) throw new Error(`no highlighted range with text "${text}"`);
  return point;
}

export function cardEntryId(page: Page): Promise<string | null> {
  return page.evaluate(visibleCardEntryId);
}

type ChromeApi = {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

/** The id of the tab showing `page` (brought to front: without "tabs" permission URLs are hidden). */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** Sends a message to the tab's top-frame content script from the extension, as the background would. */
export function messageTab(browser: ExtensionBrowser, tabId: number, type: string, payload: unknown): Promise<unknown> {
  return browser.worker.evaluate(
    async ([id, message]) => {
      const { tabs } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      return tabs.sendMessage(id as number, message, { frameId: 0 });
    },
    [tabId, { type, payload }] as const,
  );
}

/** Merges `patch` into the stored settings, as the popup or options page would. */
export function patchSettings(browser: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  return browser.worker.evaluate(async (p) => {
    const { storage } = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const { settings } = await storage.sync.get('settings');
    await storage.sync.set({ settings: { version: 1, ...(settings as object | undefined), ...p } });
  }, patch);
}

/**
 * Grants `origin`'s host permission the way a user does. A permission prompt cannot be answered in
 * automation, so chrome://extensions' own site-access control (what a user would use) allows the
 * site first; the request then runs in a real click on one of our pages, as the API requires, and
 * resolves without a prompt. The background's permissions.onAdded then enables the site.
 */
export async function grantSiteAsUser(browser: ExtensionBrowser, origin: string): Promise<void> {
  await allowSiteInExtensionsPage(browser, `${origin}/*`);
  const ours = await browser.context.newPage();
  await ours.goto(`chrome-extension://${browser.extensionId}/src/reader/index.html`);
  await ours.evaluate((o) => {
    const button = document.createElement('button');
    button.id = 'techwar-test-grant';
    button.textContent = 'grant';
    button.onclick = () =>
      void (
        globalThis as unknown as { chrome: { permissions: { request(p: object): Promise<boolean> } } }
      ).chrome.permissions.request({ origins: [`${o}/*`] });
    document.body.prepend(button);
  }, origin);
  await ours.click('#techwar-test-grant');
  await ours.close();
}

/** Allows `pattern` in chrome://extensions' site access, as a user can; the request still needs a click. */
export async function allowSiteInExtensionsPage(browser: ExtensionBrowser, pattern: string): Promise<void> {
  const extensions = await browser.context.newPage();
  await extensions.goto('chrome://extensions/');
  await extensions.evaluate(
    ([id, host]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id as string, host as string),
    [browser.extensionId, pattern],
  );
  await extensions.close();
}

/** Whether the extension holds the host permission `pattern` (asked in the service worker). */
export function hasHostPermission(browser: ExtensionBrowser, pattern: string): Promise<boolean> {
  return browser.worker.evaluate(
    (origin) =>
      (
        globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }
      ).chrome.permissions.contains({ origins: [origin] }),
    pattern,
  );
}

/** The ids of the content scripts the background registered for sites the user enabled. */
export function enabledSiteScriptIds(browser: ExtensionBrowser): Promise<string[]> {
  return browser.worker.evaluate(async () =>
    (
      await (
        globalThis as unknown as {
          chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
        }
      ).chrome.scripting.getRegisteredContentScripts()
    )
      .map((s) => s.id)
      .filter((id) => id.startsWith('techwar-site:')),
  );
}
