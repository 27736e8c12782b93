// Firefox: single-page apps. One routes through the Navigation API with an async intercept
// handler: the address changes at once, the DOM changes before the handler's await, and
// navigatesuccess comes last. Another routes with history.pushState, which fires no event at all.
// Highlighting must follow the new page and keep following later changes. (Chromium runs the same
// pages in engine.e2e.ts.)
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { shownTerms, textsOf } from './support/page-probes';
import { useFirefox } from './support/suites';

const firefox = useFirefox('https://www.theguardian.com/technology/spa-navigation-');

const countOf = async (page: Page, text: string) =>
  textsOf(await page.evaluate(shownTerms, null)).filter((t) => t === text).length;
const waitForCount = (page: Page, text: string, expected: number) =>
  expect.poll(() => countOf(page, text), { timeout: 15_000 }).toBe(expected);

/** The next page is highlighted, the old one's ranges are gone, and a later change is followed. */
async function expectNextPageFollowed(page: Page): Promise<void> {
  await waitForCount(page, 'MetaX', 1);
  await waitForCount(page, 'Huawei', 0);
  expect(await countOf(page, 'Xi Jinping')).toBe(1);
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Late news: Tencent joins the push.';
    document.getElementById('story')?.append(p);
  });
  await waitForCount(page, 'Tencent', 1);
}

it('keeps highlighting after a Navigation API async intercept handler renders the next page', async () => {
  const page = await firefox.openFixture('spa-navigation.html');
  await waitForCount(page, 'Huawei', 1);
  // Firefox ESR 153 has the Navigation API; were it missing, this says so rather than passing
  // silently (the pushState test below covers the routing Firefox would then see).
  expect(await page.evaluate(() => 'navigation' in window), 'Firefox has the Navigation API').toBe(true);
  const before = await page.evaluate(() => location.pathname);
  await page.evaluate(async () => {
    const nav = (window as unknown as { navigation: { navigate(u: string): { finished: Promise<unknown> } } })
      .navigation;
    await nav.navigate(`${location.pathname}/next`).finished;
  });
  expect(await page.evaluate(() => location.pathname)).toBe(`${before}/next`);
  await expectNextPageFollowed(page);
  await page.close();
});

it('keeps highlighting after a history.pushState route renders the next page', async () => {
  const page = await firefox.openFixture('dynamic.html');
  await waitForCount(page, 'Nvidia', 1);
  await page.evaluate(() => {
    history.pushState({}, '', `${location.pathname}/next`);
    const story = document.getElementById('story') as HTMLElement;
    const p = document.createElement('p');
    p.textContent = 'A new story about Xi Jinping and MetaX.';
    story.replaceChildren(p);
  });
  await expectNextPageFollowed(page);
  await page.close();
});
