// The card suite in both browsers, from one set of test bodies (support/card-cases.ts): Chromium
// through Playwright, Firefox ESR through puppeteer-core. card.e2e.ts adds Chromium-only checks
// (axe, badge focus, jump-to, placement). Keyboard commands are sent the way the background sends
// them: no automation can press a browser-level shortcut; in Firefox they go from one of our own
// pages, which the remote protocol cannot open itself (a card's "Open in reader" does).
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { beforeAll, beforeEach, describe, it } from 'vitest';
import { type CardDriver, cardCases } from './support/card-cases';
import { messageTab, tabIdOf } from './support/chromium';
import { openReaderFromCard } from './support/firefox';
import { screenshotPath } from './support/paths';
import { useChromium, useFirefox } from './support/suites';

const CASES = Object.entries(cardCases);

describe('card, Chromium', () => {
  const chromium = useChromium('https://www.bbc.com/news/card-parity-');
  let page: PlaywrightPage;

  beforeEach(async () => {
    await page?.close();
    page = await chromium.openFixture('demo-article.html');
  });

  const driver: CardDriver = {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    waitFor: async (fn, arg, timeout = 3000) => {
      await page.waitForFunction(fn as never, arg, { timeout });
    },
    move: (x, y, steps) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    command: async (name) => {
      await messageTab(chromium.browser, await tabIdOf(chromium.browser, page), 'command', { name });
    },
    screenshot: async (name) => {
      await page.screenshot({ path: screenshotPath(`chromium-parity-${name}`) });
    },
  };
  it.each(CASES)('%s', (_name, body) => body(driver));
});

describe('card, Firefox', () => {
  const firefox = useFirefox('https://www.bbc.com/news/card-parity-');
  /** Our reader page: it sends the keyboard commands to the article's tab. */
  let ours: PuppeteerPage;
  let page: PuppeteerPage;

  beforeAll(async () => {
    const first = await firefox.openFixture('demo-article.html');
    ours = await openReaderFromCard(firefox.browser, first, 'DeepSeek');
    await first.close();
  }, 90_000);
  beforeEach(async () => {
    await page?.close();
    page = await firefox.openFixture('demo-article.html');
    // As tall as openReaderFromCard's window: the whole card fits.
    await page.setViewport({ width: 1200, height: 1000 });
    await page.bringToFront();
  });

  const driver: CardDriver = {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 3000) => {
      await page.waitForFunction(fn as never, { timeout }, arg);
    },
    move: (x, y, steps) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
    // The article is the only tab whose content script answers (the reader has none).
    command: async (name) => {
      const sent = await ours.evaluate(async (commandName) => {
        type Tabs = {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: object, o: object): Promise<unknown>;
        };
        const { tabs } = (globalThis as unknown as { browser: { tabs: Tabs } }).browser;
        let count = 0;
        for (const { id } of await tabs.query({})) {
          if (id === undefined) continue;
          const answer = await tabs
            .sendMessage(id, { type: 'get-summary', payload: {} }, { frameId: 0 })
            .catch(() => null);
          if (!answer) continue;
          await tabs.sendMessage(id, { type: 'command', payload: { name: commandName } }, { frameId: 0 });
          count++;
        }
        return count;
      }, name);
      if (sent !== 1) throw new Error(`the command reached ${sent} tabs`);
    },
    screenshot: async (name) => {
      await page.screenshot({ path: screenshotPath(`firefox-parity-${name}`) });
    },
  };
  it.each(CASES)('%s', (_name, body) => body(driver));
});
