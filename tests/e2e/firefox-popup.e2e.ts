// The popup in Firefox: the Firefox build's popup page lists the article's terms, its topic switch
// works live in the article's tab, and "Pause on this site" holds across a reload (the reloaded
// page's content script answers that it is paused) until "Resume".
//
// Firefox gives each install a random moz-extension:// host, and its remote protocol will not
// navigate there; a card's "Open in reader" does (through the background), and from the reader
// our own page can go on to the popup page.
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { extensionPage, openReaderFromCard } from './support/firefox';
import { screenshotPath } from './support/paths';
import { pausesAcrossReloadsAndResumes } from './support/popup-cases';
import { useFirefox } from './support/suites';

const TOPIC = 'companies';

const firefox = useFirefox('https://www.theguardian.com/technology/demo-chip-drive-');

/** The state the content script in tab `tabId` answers with, asked from our page `ours`; null when none answers. */
function contentState(ours: Page, tabId: number): Promise<string | null> {
  return ours.evaluate(async (id) => {
    type Tabs = { sendMessage(id: number, m: object, o: object): Promise<{ state?: string } | undefined> };
    const { tabs } = (globalThis as unknown as { browser: { tabs: Tabs } }).browser;
    const answer = await tabs.sendMessage(id, { type: 'get-summary', payload: {} }, { frameId: 0 }).catch(() => null);
    return answer?.state ?? null;
  }, tabId);
}

it("lists the article's terms, switches a topic off and on, and pauses the site across a reload in Firefox", async () => {
  const article = await firefox.openFixture('demo-article.html');

  // The remote protocol may not open moz-extension:// pages, so the card's "Open in reader" does.
  const reader = await openReaderFromCard(firefox.browser, article, 'DeepSeek');
  expect(await reader.evaluate(() => location.hash)).toBe('#entry=deepseek');

  // From our own page: find the article's tab (its content script answers), then open the popup page for it.
  await reader.evaluate(async () => {
    type Ext = {
      tabs: {
        query(q: object): Promise<{ id?: number }[]>;
        sendMessage(id: number, m: object, o: object): Promise<unknown>;
      };
    };
    const { tabs } = (globalThis as unknown as { browser: Ext }).browser;
    for (const { id } of await tabs.query({})) {
      if (id === undefined) continue;
      const answer = await tabs.sendMessage(id, { type: 'get-summary', payload: {} }, { frameId: 0 }).catch(() => null);
      if (answer) location.href = `/src/popup/index.html?tab=${id}`;
    }
  });
  const popup = await extensionPage(firefox.browser, '/src/popup/index.html?tab=');
  await popup.waitForSelector('[data-entry-id="huawei"]');
  await popup.screenshot({ path: screenshotPath('firefox-popup') });

  const name = `techwar-${TOPIC}`;
  const toggle = `[role="switch"][data-topic-id="${TOPIC}"]`;
  expect(await popup.$eval(toggle, (el) => el.getAttribute('aria-checked'))).toBe('true');
  await popup.click(toggle);
  await article.waitForFunction((n) => !CSS.highlights.has(n), { timeout: 3_000 }, name);
  expect(await article.evaluate(() => CSS.highlights.has('techwar-chips'))).toBe(true);
  await popup.click(toggle);
  await article.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) > 0, { timeout: 3_000 }, name);
  expect(await popup.$eval(toggle, (el) => el.getAttribute('aria-checked'))).toBe('true');

  // The same pause check as Chromium's (support/popup-cases.ts), asked from our popup page.
  const tabId = Number(new URL(await popup.evaluate(() => location.href)).searchParams.get('tab'));
  await pausesAcrossReloadsAndResumes({
    clickInPopup: (text) => clickText(popup, text),
    reloadArticle: async () => {
      await article.reload({ waitUntil: 'load' });
    },
    contentState: () => contentState(popup, tabId),
    inArticle: (fn) => article.evaluate(fn),
    waitInArticle: async (fn, timeout) => {
      await article.waitForFunction(fn, { timeout });
    },
  });
});

/** A real click on the popup's button reading `text`. */
async function clickText(popup: Page, text: string): Promise<void> {
  const button = await popup.waitForSelector(`::-p-text(${text})`, { timeout: 5_000 });
  await button?.click();
}
