// The production build in Chromium: terms highlighted by topic, the page's DOM untouched, a card
// on hover, and a popup that lists the page's terms and switches topics live.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import {
  cardEntryId,
  type ExtensionBrowser,
  fixture,
  highlightTexts,
  launchWithExtension,
  pointOfTerm,
  waitForHighlights,
} from './support/chromium';
import { cardSettled, noVisibleCard, visibleCardEntryId } from './support/page-probes';
import { screenshotPath } from './support/paths';

const ARTICLE_URL = 'https://www.reuters.com/technology/demo-chip-drive/';
/** Outside the manifest's matches: the content script does not run here. */
const UNMATCHED_URL = 'https://example.org/demo-chip-drive/';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  const html = fixture('demo-article.html');
  browser.serve(ARTICLE_URL, html);
  browser.serve(UNMATCHED_URL, html);
  page = await browser.open(ARTICLE_URL);
  await waitForHighlights(page);
});

afterAll(async () => {
  await browser?.close();
});

describe('highlights', () => {
  it('registers one highlight per topic, named techwar-<topicId>', async () => {
    const names = Object.keys(await highlightTexts(page));
    const topicNames = digest.topics.map((t) => `techwar-${t.id}`);
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect(topicNames).toContain(name);
  });

  it('matches terms across inline elements, in links, with possessives and in Chinese', async () => {
    const texts = Object.values(await highlightTexts(page)).flat();
    for (const term of ['CloudMatrix 384', 'Xi Jinping', 'export controls', 'unreliable entity list', 'Jensen Huang']) {
      expect(texts).toContain(term);
    }
    for (const term of ['华为', '寒武纪', '东数西算', '英伟达', 'DeepSeek', 'Cambricon', 'H20']) {
      expect(texts).toContain(term);
    }
    // "Nvidia<wbr>'s": the possessive is not part of the term.
    expect(texts.filter((t) => t === 'Nvidia').length).toBeGreaterThanOrEqual(3);
  });

  it('never highlights inside form fields, code or editable regions', async () => {
    const inside = await page.evaluate(() => {
      const hits: string[] = [];
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith('techwar-')) continue;
        for (const r of hl as unknown as Iterable<AbstractRange>) {
          const el = r.startContainer.parentElement;
          if (el?.closest('code, pre, textarea, input, [contenteditable]')) hits.push(el.outerHTML);
        }
      }
      return hits;
    });
    expect(inside).toEqual([]);
  });

  it('leaves the page DOM as it was, apart from the overlay host', async () => {
    const other = await browser.open(UNMATCHED_URL);
    const bare = await other.evaluate(() => document.body.outerHTML);
    const ours = await page.evaluate(() => document.body.outerHTML);
    expect(ours).toBe(bare);
    const extra = await page.evaluate(() =>
      [...document.documentElement.children].map((c) => c.localName).filter((n) => n !== 'head' && n !== 'body'),
    );
    expect(extra.every((n) => n === 'techwar-overlay')).toBe(true);
    await other.close();
  });
});

describe('card', () => {
  it('opens on hover with the entry of the term, and closes after the pointer leaves', async () => {
    const { x, y } = await pointOfTerm(page, 'CloudMatrix 384');
    await page.mouse.move(x, y);
    await page.waitForFunction(visibleCardEntryId);
    expect(await cardEntryId(page)).toBe('cloudmatrix-384');
    expect(await page.evaluate(cardSettled)).toBe(true);
    await page.screenshot({ path: screenshotPath('chromium-card-hover') });
    await page.mouse.move(5, 5);
    await page.waitForFunction(noVisibleCard);
    expect(await cardEntryId(page)).toBeNull();
  });
});

describe('popup', () => {
  it('lists the entries on the page and switches a topic off and on again live', async () => {
    await page.bringToFront();
    // Without the "tabs" permission tab URLs are hidden, so the article is found as the active tab.
    const tabId = await browser.worker.evaluate(async () => {
      type Tabs = { query(q: object): Promise<{ id?: number }[]> };
      const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('[data-entry-id="huawei"]');
    await popup.screenshot({ path: screenshotPath('chromium-popup') });

    const topic = digest.entries.find((e) => e.id === 'huawei')?.topics[0] as string;
    const name = `techwar-${topic}`;
    const toggle = popup.locator(`[role="switch"][data-topic-id="${topic}"]`);
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.waitForFunction((n) => !CSS.highlights.has(n), name, { timeout: 1000 });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) > 0, name, { timeout: 1000 });
    await popup.close();
  });
});
