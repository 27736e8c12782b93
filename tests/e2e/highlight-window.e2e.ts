// A page with thousands of mentions in Chromium: only a window of them around the screen is
// registered as highlight ranges (src/content/highlight-window.ts), since Chromium revalidates
// every registered range on any highlight change. The reader must not notice: the terms on screen
// are highlighted, scrolling moves the window with them, and hovering one there opens its card.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_SIDE, WINDOW_FROM, WINDOW_SIDE } from '../../src/content/highlight-window';
import { digest } from '../../src/digest';
import { generateArticle, PLAIN_TERMS } from '../bench/generate-page';
import { HOVER_DELAY_MS } from './support/card-cases';
import { type ExtensionBrowser, launchWithExtension, patchSettings } from './support/chromium';
import { rangeOnScreen, registeredInSidebar, registeredRanges, visibleCardEntryId } from './support/page-probes';
import { installPassProbe, type PassSummary, waitForPass } from './support/realpages';

const URL = 'https://www.reuters.com/technology/big-page';
/** The most a window over the article and one over its sidebar register. */
const MOST_REGISTERED = 2 * (WINDOW_SIDE + COLUMN_SIDE);

describe('a page with thousands of mentions', () => {
  let ext: ExtensionBrowser;
  let page: Page;
  let pass: PassSummary;
  let html: string;

  beforeAll(async () => {
    ext = await launchWithExtension();
    await installPassProbe(ext.worker);
    // About 1.5 MB of article text: some 3,000 mentions over a page hundreds of screens long.
    html = generateArticle(1_500_000, PLAIN_TERMS, 11).html;
    ext.serve(URL, html);
    page = await ext.open(URL);
    pass = await waitForPass(ext.worker, URL, 0, 60_000);
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
  });

  it('registers a window of mentions that covers the screen, not all of them', async () => {
    expect(pass.total).toBeGreaterThan(2 * WINDOW_FROM);
    const ranges = await page.evaluate(registeredRanges);
    expect(ranges.total).toBeLessThanOrEqual(MOST_REGISTERED);
    expect(ranges.onScreen).toBeGreaterThan(0);
    expect(ranges.below).toBeGreaterThan(0);
  });

  it('also highlights the terms of the sidebar beside the article, which comes after it in the document', async () => {
    const sidebar = html.slice(html.indexOf('<aside class="sidebar">'));
    expect(
      PLAIN_TERMS.some((term) => sidebar.includes(term)),
      'a term in the sidebar',
    ).toBe(true);
    await expect.poll(() => page.evaluate(registeredInSidebar), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('moves the window with the reader: far down the page, the terms on screen are highlighted', async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    const covered = () =>
      page.evaluate(registeredRanges).then((r) => ({
        onScreen: r.onScreen > 0,
        above: r.above > 0,
        below: r.below > 0,
        few: r.total <= MOST_REGISTERED,
      }));
    await expect.poll(covered, { timeout: 15_000 }).toEqual({ onScreen: true, above: true, below: true, few: true });
  });

  it('shows the window again after "first mention only" is switched on and off', async () => {
    await patchSettings(ext, { firstMentionOnly: true });
    // One mention per entry: far fewer than the window holds, so all of them are registered.
    await expect
      .poll(() => page.evaluate(registeredRanges).then((r) => r.total), { timeout: 15_000 })
      .toBeLessThanOrEqual(digest.entries.length);
    expect((await page.evaluate(registeredRanges)).total).toBeGreaterThan(0);
    await patchSettings(ext, { firstMentionOnly: false });
    const covered = () =>
      page
        .evaluate(registeredRanges)
        .then((r) => ({ onScreen: r.onScreen > 0, below: r.below > 0, few: r.total <= MOST_REGISTERED }));
    await expect.poll(covered, { timeout: 15_000 }).toEqual({ onScreen: true, below: true, few: true });
  });

  it('opens the card of a term hovered in the part scrolled to', async () => {
    const point = await page.evaluate(rangeOnScreen);
    expect(point, 'a highlighted term on screen').not.toBeNull();
    const { x, y } = point as { x: number; y: number };
    await page.mouse.move(x, y);
    await expect.poll(() => page.evaluate(visibleCardEntryId), { timeout: HOVER_DELAY_MS + 5_000 }).not.toBeNull();
  });
});
