// The service worker against the production build in Chromium: the badge follows the page, the
// reader opens where a card asks, and site registrations follow the settings and permissions.
// (Keyboard commands, the context menu and browser restarts are out of automation's reach here:
// their handlers are unit-tested against the fake browser.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, fixture, launchWithExtension, waitForHighlights } from './support/chromium';

const ARTICLE_URL = 'https://www.reuters.com/technology/demo-chip-drive/';
const OTHER_ORIGIN = 'https://example.org';
const OTHER_URL = `${OTHER_ORIGIN}/garden-notes`;

/** The chrome.* calls these tests make, typed; functions passed to evaluate are self-contained. */
type Chrome = {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(id: number, m: object, o: object): Promise<{ entries: unknown[] }>;
  };
  storage: { sync: { set(v: object): Promise<void> } };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
    unregisterContentScripts(f?: object): Promise<void>;
    registerContentScripts(s: object[]): Promise<void>;
  };
  runtime: { sendMessage(m: object): Promise<unknown> };
  permissions: { request(p: object): Promise<boolean> };
  developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
};

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.serve(ARTICLE_URL, fixture('demo-article.html'));
  browser.serve(OTHER_URL, fixture('popup-no-terms.html'));
  browser.serve(`${OTHER_ORIGIN}/article`, fixture('demo-article.html'));
});

afterAll(async () => {
  await browser?.close();
});

/** Without "tabs" the worker cannot see URLs, so the page to look at is made the active tab. */
async function activeTabId(page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(
    async () =>
      (
        await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, lastFocusedWindow: true })
      )[0]?.id,
  );
  if (id === undefined) throw new Error('no active tab');
  return id;
}

function badgeText(tabId: number): Promise<string> {
  return browser.worker.evaluate(
    (id) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/** The number of distinct entries the page's top frame reports. */
function distinctEntries(tabId: number): Promise<number> {
  return browser.worker.evaluate(
    async (id) =>
      (
        await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.sendMessage(
          id,
          { type: 'get-summary', payload: {} },
          { frameId: 0 },
        )
      ).entries.length,
    tabId,
  );
}

describe('badge', () => {
  it("counts the page's distinct entries, clears on leaving and comes back on returning", async () => {
    const page = await browser.open(ARTICLE_URL);
    await waitForHighlights(page);
    const tabId = await activeTabId(page);
    const count = await distinctEntries(tabId);
    expect(count).toBeGreaterThan(10);
    await expect.poll(() => badgeText(tabId)).toBe(String(count));

    await page.goto(OTHER_URL, { waitUntil: 'load' });
    await expect.poll(() => badgeText(tabId)).toBe('');

    // Back: a page restored from the back-forward cache does not report again; the worker asks it.
    await page.goBack({ waitUntil: 'load' });
    await waitForHighlights(page);
    await expect.poll(() => badgeText(tabId)).toBe(String(count));
    await page.close();
  });

  it('empties when highlighting is switched off', async () => {
    const page = await browser.open(ARTICLE_URL);
    await waitForHighlights(page);
    const tabId = await activeTabId(page);
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({
        settings: { version: 1, enabled: false },
      }),
    );
    await expect.poll(() => badgeText(tabId)).toBe('');
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({
        settings: { version: 1, enabled: true },
      }),
    );
    await expect.poll(() => badgeText(tabId)).not.toBe('');
    await page.close();
  });
});

describe('reader', () => {
  it('opens at the entry a card asks for, and at a search', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    for (const [payload, hash] of [
      [{ entryId: 'huawei' }, '#entry=huawei'],
      [{ query: 'Loongson 3A6000' }, '#q=Loongson%203A6000'],
    ] as const) {
      const [reader] = await Promise.all([
        browser.context.waitForEvent('page'),
        options.evaluate(
          (p) =>
            (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
              type: 'open-reader',
              payload: p,
            }),
          payload,
        ),
      ]);
      await reader.waitForLoadState();
      expect(reader.url()).toBe(`chrome-extension://${browser.extensionId}/src/reader/index.html${hash}`);
      await reader.close();
    }
    await options.close();
  });
});

describe('enabled sites', () => {
  it('registers a granted site, and puts lost or stale registrations right', async () => {
    // Grant the origin as a user would: allowed in chrome://extensions, then requested on a real click.
    const extensions = await browser.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      ([id, host]) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.developerPrivate.addHostPermission(
          id as string,
          host as string,
        ),
      [browser.extensionId, `${OTHER_ORIGIN}/*`],
    );
    await extensions.close();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.evaluate((origin) => {
      const button = document.createElement('button');
      button.id = 'grant';
      button.onclick = () =>
        void (globalThis as unknown as { chrome: Chrome }).chrome.permissions.request({ origins: [`${origin}/*`] });
      document.body.append(button);
    }, OTHER_ORIGIN);
    await options.click('#grant');
    await options.close();

    // A permission grant finishes the enabling (Firefox closes the popup before it could).
    const ours = () =>
      browser.worker.evaluate(async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts())
          .filter((s) => s.id.startsWith('techwar-site:'))
          .map((s) => s.matches),
      );
    await expect.poll(ours).toEqual([[`${OTHER_ORIGIN}/*`]]);

    // Lose the registration and add a stale one; the next sync (a settings change here, browser
    // startup and updates in real life) puts both right.
    await browser.worker.evaluate(async () => {
      const { scripting } = (globalThis as unknown as { chrome: Chrome }).chrome;
      await scripting.unregisterContentScripts();
      await scripting.registerContentScripts([
        { id: 'techwar-site:https://gone.test', matches: ['https://gone.test/*'], js: ['src/content/main.js'] },
      ]);
    });
    await browser.worker.evaluate(
      (origin) =>
        (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({
          settings: { version: 1, enabledSites: [origin], hoverDelayMs: 500 },
        }),
      OTHER_ORIGIN,
    );
    await expect.poll(ours).toEqual([[`${OTHER_ORIGIN}/*`]]);

    const page = await browser.open(`${OTHER_ORIGIN}/article`);
    await waitForHighlights(page);
    await page.close();
  });
});
