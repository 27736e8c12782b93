// Firefox: an SPA that routes through the Navigation API with an async intercept handler. The
// address changes at once, the DOM changes before the handler's await, and navigatesuccess comes
// last; highlighting must follow the new page and keep following later changes.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture } from './support/chromium';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox';
import { highlightedCountIs } from './support/page-probes';

const SPA_URL = 'https://www.theguardian.com/technology/spa-navigation';

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

const waitForCount = (page: Page, text: string, expected: number) =>
  page.waitForFunction(highlightedCountIs, { timeout: 15_000 }, [text, expected] as const);

it('keeps highlighting after an async intercept handler renders the next page', async () => {
  const page = await firefox.open(SPA_URL, fixture('spa-navigation.html'));
  await waitForCount(page, 'Huawei', 1);
  await page.evaluate(async () => {
    const nav = (window as unknown as { navigation: { navigate(u: string): { finished: Promise<unknown> } } })
      .navigation;
    await nav.navigate(`${location.pathname}/next`).finished;
  });
  expect(await page.evaluate(() => location.pathname)).toBe('/technology/spa-navigation/next');
  await waitForCount(page, 'MetaX', 1);
  await waitForCount(page, 'Huawei', 0);
  await waitForCount(page, 'Xi Jinping', 1);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Late news: Tencent joins the push.';
    document.getElementById('story')?.append(p);
  });
  await waitForCount(page, 'Tencent', 1);
});
