// Phones in Chromium's mobile emulation (touch, meta viewport): a tap opens a term's card as a
// bottom sheet that never covers the term; a tap outside, a swipe down or Back closes it; the
// sheet steps through terms; a term inside a link keeps its link on tap and opens by long press.

import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cardEntryId,
  type ExtensionBrowser,
  fixture,
  launchWithExtension,
  patchSettings,
  pointOfTerm,
  waitForHighlights,
} from './support/chromium';
import { focusedTermText, noVisibleCard, shownTerms, visibleCardEntryId } from './support/page-probes';
import { REPO, screenshotPath } from './support/paths';

const CARD = '[data-testid="techwar-card"]';
/**
 * Each topic's first highlighted term in the demo article and its entry, written by hand. The
 * first people term, Xi Jinping, is a link's text (a tap follows it; see the link test), so the
 * people topic is tapped at its next term.
 */
const FIRST_TERMS: [term: string, entryId: string][] = [
  ['Chinese chipmakers', 'domestic-chips'],
  ['DeepSeek', 'deepseek'],
  ['Huawei', 'huawei'],
  ['export rules', 'export-controls'],
  ['Eastern Data, Western Computing', 'eastern-data-western-computing'],
  ['CNCERT', 'cncert'],
  ['tariff war', 'tariffs-trade-war'],
  ['Jensen Huang', 'jensen-huang'],
];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

let n = 0;

async function openArticle(browser: ExtensionBrowser): Promise<Page> {
  const url = `https://www.bbc.com/news/phone-${n++}`;
  browser.serve(url, fixture('demo-article.html'));
  const page = await browser.open(url);
  await waitForHighlights(page);
  return page;
}

/** The sheet's box once its slide-in animation has finished. */
async function sheetBox(page: Page): Promise<Box & { vw: number; vh: number; sheet: boolean }> {
  await page.waitForFunction(() =>
    (
      document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]') as
        | HTMLElement
        | undefined
    )
      ?.getAnimations()
      .every((a) => a.playState === 'finished'),
  );
  return page.evaluate(() => {
    const card = document
      .querySelector('techwar-overlay')
      ?.shadowRoot?.querySelector('[data-testid="techwar-card"]') as HTMLElement;
    const r = card.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      left: r.left,
      right: r.right,
      vw: window.innerWidth,
      vh: window.innerHeight,
      sheet: card.classList.contains('tw-sheet'),
    };
  });
}

/** Where the term now is, after the sheet scrolled it into the space above itself. */
async function termBox(page: Page, text: string): Promise<Box | null> {
  return (await page.evaluate(shownTerms, null)).find((t) => t.text === text && t.box)?.box ?? null;
}

async function tapTerm(page: Page, term: string, entryId: string): Promise<void> {
  const { x, y } = await pointOfTerm(page, term);
  await page.touchscreen.tap(x, y);
  await page.waitForFunction((id) => {
    const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
    return card?.getAttribute('data-entry-id') === id;
  }, entryId);
}

/**
 * The sheet is wholly on screen, at most 60 % of the height, and clear of the tapped term: above
 * it, or below it when the term sits at the end of a page that cannot scroll further.
 */
async function expectSheetBesideTerm(page: Page, term: string): Promise<void> {
  const sheet = await sheetBox(page);
  expect(sheet.sheet).toBe(true);
  expect(sheet.top).toBeGreaterThanOrEqual(0);
  expect(sheet.bottom).toBeLessThanOrEqual(sheet.vh + 0.5);
  expect(sheet.left).toBeGreaterThanOrEqual(0);
  expect(sheet.right).toBeLessThanOrEqual(sheet.vw + 0.5);
  expect(sheet.bottom - sheet.top).toBeLessThanOrEqual(sheet.vh * 0.6 + 1);
  const box = await termBox(page, term);
  expect(box, term).not.toBeNull();
  const { top, bottom } = box as Box;
  expect(top, `${term} on screen`).toBeGreaterThanOrEqual(0);
  expect(bottom, `${term} on screen`).toBeLessThanOrEqual(sheet.vh);
  expect(bottom <= sheet.top || top >= sheet.bottom, `${term} clear of the sheet`).toBe(true);
}

/** A point on the page beside the sheet that is no term: the page's left margin. */
async function tapOutside(page: Page): Promise<void> {
  const sheet = await sheetBox(page);
  await page.touchscreen.tap(2, sheet.top > 0 ? sheet.top / 2 : (sheet.bottom + sheet.vh) / 2);
}

async function tapInCard(page: Page, selector: string): Promise<void> {
  const point = await page.evaluate((sel) => {
    const el = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector(sel);
    const r = el?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, selector);
  if (!point) throw new Error(`no ${selector} in the card`);
  await page.touchscreen.tap(point.x, point.y);
}

/** axe inside the overlay only: the demo article's own markup is not ours to judge. */
async function overlayViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: resolve(REPO, 'node_modules/axe-core/axe.min.js') });
  }
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (c: object) => Promise<Result> } }).axe;
    const result = await axe.run({ include: [['techwar-overlay']] });
    return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
  });
}

async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

describe.each([
  { width: 390, height: 844 },
  { width: 360, height: 640 },
  { width: 844, height: 390 },
])('a phone at $width × $height', (viewport) => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ phone: true, viewport });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  it("opens each topic's first term by tap as a sheet wholly on screen beside the term, and a tap outside closes it", async () => {
    page = await openArticle(browser);
    for (const [term, entryId] of FIRST_TERMS) {
      await tapTerm(page, term, entryId);
      await expectSheetBesideTerm(page, term);
      await tapOutside(page);
      await page.waitForFunction(noVisibleCard);
    }
  });
});

describe('the sheet on a 390 × 844 phone', () => {
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension({ phone: true, viewport: { width: 390, height: 844 } });
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
  });

  it('closes on a swipe down from its handle', async () => {
    page = await openArticle(browser);
    await tapTerm(page, 'Cambricon', 'cambricon');
    const sheet = await sheetBox(page);
    const cdp = await page.context().newCDPSession(page);
    const x = (sheet.left + sheet.right) / 2;
    await touch(cdp, 'touchStart', x, sheet.top + 6);
    for (const dy of [30, 60, 90, 120]) await touch(cdp, 'touchMove', x, sheet.top + 6 + dy);
    await touch(cdp, 'touchEnd', x, sheet.top + 126);
    await page.waitForFunction(noVisibleCard);
  });

  it('closes on Back without leaving the page', async () => {
    page = await openArticle(browser);
    const url = page.url();
    await tapTerm(page, 'Cambricon', 'cambricon');
    await page.goBack();
    await page.waitForFunction(noVisibleCard);
    expect(page.url()).toBe(url);
    // The entry it pushed is gone again: one more Back would leave, so the page's history is as it was.
    expect(await page.evaluate(() => history.state)).toBeNull();
  });

  it('steps to the next and previous terms with its buttons', async () => {
    page = await openArticle(browser);
    // In the demo article: "Cambricon, …; MetaX, which has signed contracts with China Unicom; …".
    await tapTerm(page, 'Cambricon', 'cambricon');
    await tapInCard(page, '[aria-label="Next term"]');
    await page.waitForFunction((id) => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card?.getAttribute('data-entry-id') === id;
    }, 'metax');
    expect(await page.evaluate(focusedTermText)).toBe('MetaX');
    await expectSheetBesideTerm(page, 'MetaX');
    await tapInCard(page, '[aria-label="Next term"]');
    await page.waitForFunction(() => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card?.getAttribute('data-entry-id') === 'china-unicom';
    });
    await tapInCard(page, '[aria-label="Previous term"]');
    await page.waitForFunction(() => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card?.getAttribute('data-entry-id') === 'metax';
    });
  });

  it('lets a term inside a link follow the link on tap, and opens its card on a long press', async () => {
    page = await openArticle(browser);
    // "Xi Jinping" is the text of a link to #xi in the demo article.
    const { x, y } = await pointOfTerm(page, 'Xi Jinping');
    await page.touchscreen.tap(x, y);
    await page.waitForFunction(() => location.hash === '#xi');
    expect(await page.evaluate(noVisibleCard)).toBe(true);

    await page.evaluate(() => history.replaceState(null, '', location.pathname));
    const point = await pointOfTerm(page, 'Xi Jinping');
    const cdp = await page.context().newCDPSession(page);
    await touch(cdp, 'touchStart', point.x, point.y);
    await page.waitForFunction(visibleCardEntryId);
    await touch(cdp, 'touchEnd', point.x, point.y);
    expect(await cardEntryId(page)).toBe('xi-jinping');
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.screenshot({ path: screenshotPath('chromium-phone-long-press') });
  });

  it('opens the card of a term inside a link on tap when the setting says so', async () => {
    await patchSettings(browser, { tapOpensCardInLinks: true });
    try {
      page = await openArticle(browser);
      const { x, y } = await pointOfTerm(page, 'Xi Jinping');
      await page.touchscreen.tap(x, y);
      await page.waitForFunction(visibleCardEntryId);
      expect(await cardEntryId(page)).toBe('xi-jinping');
      expect(await page.evaluate(() => location.hash)).toBe('');
    } finally {
      await patchSettings(browser, { tapOpensCardInLinks: false });
    }
  });

  it('runs no hover timer for a finger resting on a term: no card until the finger taps', async () => {
    page = await openArticle(browser);
    const { x, y } = await pointOfTerm(page, 'Cambricon');
    const cdp = await page.context().newCDPSession(page);
    await touch(cdp, 'touchStart', x, y);
    await touch(cdp, 'touchMove', x + 1, y);
    // An absence cannot be awaited: the default card delay is 350 ms, so a mouse resting this
    // long would have opened the card (the same wait a long press on a link takes to open one).
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(noVisibleCard)).toBe(true);
    await touch(cdp, 'touchEnd', x + 1, y);
    await page.touchscreen.tap(x, y);
    await page.waitForFunction(visibleCardEntryId);
    expect(await cardEntryId(page)).toBe('cambricon');
  });

  it('stays wholly inside the pinch-zoomed visual viewport, full width, and clear of the term', async () => {
    page = await openArticle(browser);
    await tapTerm(page, 'Huawei', 'huawei');
    await sheetBox(page);
    const term = await termBox(page, 'Huawei');
    if (!term) throw new Error('Huawei is not highlighted');
    // Zoomed in as a pinch zooms (headless Chromium's synthetic pinch gesture leaves the scale at
    // 1), then panned by a finger's drag on the page, which moves the visual viewport alone.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    const startY = term.top / 2 + 40;
    await touch(cdp, 'touchStart', 20, startY);
    for (let dy = 10; dy <= 60; dy += 10) await touch(cdp, 'touchMove', 20, startY - dy);
    await touch(cdp, 'touchEnd', 20, startY - 60);
    await page.waitForFunction(() => (window.visualViewport?.offsetTop ?? 0) > 0);
    // Layout-viewport coordinates throughout: the sheet's and the term's boxes, and where the visual viewport lies.
    const placed = () =>
      page.evaluate(() => {
        const card = document
          .querySelector('techwar-overlay')
          ?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
        const vv = window.visualViewport as VisualViewport;
        const r = card?.getBoundingClientRect();
        const view = {
          top: vv.offsetTop,
          left: vv.offsetLeft,
          bottom: vv.offsetTop + vv.height,
          right: vv.offsetLeft + vv.width,
        };
        return r
          ? { view, sheet: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } }
          : { view, sheet: null };
      });
    // The sheet follows the visual viewport's resize and scroll events: await its placement.
    const inside = ({ view, sheet: r }: Awaited<ReturnType<typeof placed>>) =>
      !!r &&
      r.top >= view.top - 0.5 &&
      r.bottom <= view.bottom + 0.5 &&
      r.left >= view.left - 0.5 &&
      r.right <= view.right + 0.5;
    await expect.poll(async () => inside(await placed()), { timeout: 10_000 }).toBe(true);
    const { view, sheet } = await placed();
    expect(sheet, 'the sheet stays open through the pinch').not.toBeNull();
    const s = sheet as Box;
    expect(s.top).toBeGreaterThanOrEqual(view.top - 0.5);
    expect(s.bottom).toBeLessThanOrEqual(view.bottom + 0.5);
    expect(s.left).toBeGreaterThanOrEqual(view.left - 0.5);
    expect(s.right).toBeLessThanOrEqual(view.right + 0.5);
    expect(s.right - s.left, 'full width of what the reader sees').toBeCloseTo(view.right - view.left, 0);
    expect(s.bottom - s.top).toBeLessThanOrEqual((view.bottom - view.top) * 0.6 + 1);
    const now = (await termBox(page, 'Huawei')) as Box;
    expect(now.bottom <= s.top || now.top >= s.bottom, 'Huawei clear of the sheet').toBe(true);
    await page.screenshot({ path: screenshotPath('chromium-phone-sheet-pinch-zoomed') });
  });

  it('has no axe violations in the sheet, at rest and expanded upward', async () => {
    page = await openArticle(browser);
    await tapTerm(page, 'Huawei', 'huawei');
    const rest = await sheetBox(page);
    expect(await overlayViolations(page)).toEqual([]);
    await tapInCard(page, '.tw-more-button');
    await page.waitForFunction(
      (sel) =>
        document.querySelector('techwar-overlay')?.shadowRoot?.querySelector(sel)?.getAttribute('aria-expanded') ===
        'true',
      `${CARD} .tw-more-button`,
    );
    const expanded = await sheetBox(page);
    // Anchored at the bottom, it grows upward, still within 60 % of the screen.
    expect(expanded.bottom).toBeCloseTo(rest.bottom, 0);
    expect(expanded.top).toBeLessThan(rest.top);
    expect(expanded.bottom - expanded.top).toBeLessThanOrEqual(expanded.vh * 0.6 + 1);
    expect(await overlayViolations(page)).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('the sheet in %s', (colorScheme) => {
  it('is screenshotted at rest and expanded', async () => {
    const browser = await launchWithExtension({ phone: true, colorScheme, viewport: { width: 390, height: 844 } });
    try {
      const page = await openArticle(browser);
      if (colorScheme === 'dark') {
        await page.evaluate(() => {
          document.body.style.background = '#15171c';
          document.body.style.color = '#e8e8e8';
        });
      }
      await tapTerm(page, 'Huawei', 'huawei');
      await page.screenshot({ path: screenshotPath(`chromium-phone-sheet-${colorScheme}`), animations: 'disabled' });
      await tapInCard(page, '.tw-more-button');
      await page.screenshot({
        path: screenshotPath(`chromium-phone-sheet-expanded-${colorScheme}`),
        animations: 'disabled',
      });
    } finally {
      await browser.close();
    }
  });
});
