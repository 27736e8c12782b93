// Firefox smoke test of the popup: the Firefox build's popup page lists the article's terms and
// its topic switch works live in the article's tab.
//
// Firefox gives each install a random moz-extension:// host, and its remote protocol will not
// navigate there; a card's "Open in reader" does (through the background), and from the reader
// our own page can go on to the popup page.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture } from './support/chromium';
import { extensionPage, type FirefoxWithExtension, launchFirefox, openReaderFromCard } from './support/firefox';
import { hasTopicHighlights } from './support/page-probes';
import { screenshotPath } from './support/paths';

const ARTICLE_URL = 'https://www.theguardian.com/technology/demo-chip-drive';
const TOPIC = 'companies';

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

it("lists the article's terms and switches a topic off and on in Firefox", async () => {
  const article = await firefox.open(ARTICLE_URL, fixture('demo-article.html'));
  await article.waitForFunction(hasTopicHighlights, { timeout: 15_000 });

  // The remote protocol may not open moz-extension:// pages, so the card's "Open in reader" does.
  const reader = await openReaderFromCard(firefox, article, 'DeepSeek');
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
  const popup = await extensionPage(firefox, '/src/popup/index.html?tab=');
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
});
