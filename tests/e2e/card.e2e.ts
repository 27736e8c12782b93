// The context card in Chromium: the right entry for a term of every topic, hover intent, pinning,
// Esc, related entries with Back, keyboard navigation through every term, accessibility, themes.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import { compileMatcher } from '../../src/matcher';
import { entryNamedBy } from '../../src/matcher/name-lookup';
import {
  cardEntryId,
  type ExtensionBrowser,
  fixture,
  highlightTexts,
  launchWithExtension,
  messageTab,
  pointOfTerm,
  tabIdOf,
  waitForHighlights,
} from './support/chromium';
import { allTermTextsInOrder, focusedTermText, noVisibleCard, visibleCardEntryId } from './support/page-probes';
import { REPO, screenshotPath } from './support/paths';

const URL_BASE = 'https://www.bbc.com/news/card-';
const matcher = compileMatcher(digest.entries);
let browser: ExtensionBrowser;
let page: Page;
let n = 0;

async function hover(text: string): Promise<string | null> {
  const { x, y } = await pointOfTerm(page, text);
  await page.mouse.move(x, y);
  await page.waitForFunction(visibleCardEntryId, undefined, { timeout: 3000 });
  return cardEntryId(page);
}

function cardRect(): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
    const r = (card as Element).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

function clickInCard(selector: string): Promise<void> {
  return page.evaluate((sel) => {
    const el = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`no ${sel} in the card`);
    el.click();
  }, selector);
}

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  const url = `${URL_BASE}${n++}`;
  browser.serve(url, fixture('demo-article.html'));
  page = await browser.open(url);
  await waitForHighlights(page);
});

describe('hover', () => {
  it('shows the right entry for a term of every topic', async () => {
    const byTopic = await highlightTexts(page);
    for (const topic of digest.topics) {
      const term = byTopic[`techwar-${topic.id}`]?.[0];
      expect(term, `a ${topic.id} term on the demo page`).toBeDefined();
      const expected = entryNamedBy(term as string, digest.entries, matcher);
      expect(await hover(term as string)).toBe(expected);
      expect(digest.entries.find((e) => e.id === expected)?.topics[0]).toBe(topic.id);
      await page.mouse.move(2, 2);
      await page.waitForFunction(noVisibleCard);
    }
  });

  it('stays open while the pointer travels into the card, and closes after it leaves', async () => {
    expect(await hover('CloudMatrix 384')).toBe('cloudmatrix-384');
    const r = await cardRect();
    await page.mouse.move(r.x + r.width / 2, r.y + 20, { steps: 4 });
    await page.waitForTimeout(600);
    expect(await cardEntryId(page)).toBe('cloudmatrix-384');
    await page.mouse.move(1150, 120);
    await page.waitForFunction(noVisibleCard, undefined, { timeout: 2000 });
  });

  it('never covers the hovered line', async () => {
    const { y } = await pointOfTerm(page, 'Jensen Huang');
    await hover('Jensen Huang');
    const r = await cardRect();
    expect(y < r.y || y > r.y + r.height).toBe(true);
  });
});

describe('pinning and navigation', () => {
  it('pins on click, closes on Esc and on a click outside', async () => {
    const { x, y } = await pointOfTerm(page, 'Cambricon');
    await page.mouse.click(x, y);
    await page.waitForFunction(visibleCardEntryId);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(600);
    expect(await cardEntryId(page)).toBe('cambricon');
    await page.keyboard.press('Escape');
    await page.waitForFunction(noVisibleCard);
    await page.mouse.click(x, y);
    await page.waitForFunction(visibleCardEntryId);
    await page.mouse.click(5, 300);
    await page.waitForFunction(noVisibleCard);
  });

  it('opens a related entry in the same card, and Back returns', async () => {
    const { x, y } = await pointOfTerm(page, 'Cambricon');
    await page.mouse.click(x, y);
    await page.waitForFunction(visibleCardEntryId);
    const related = digest.entries.find((e) => e.id === 'cambricon')?.related[0] as string;
    await clickInCard('.tw-related-chip');
    await page.waitForFunction((id) => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card?.getAttribute('data-entry-id') === id;
    }, related);
    await clickInCard('.tw-back');
    await page.waitForFunction(() => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card?.getAttribute('data-entry-id') === 'cambricon';
    });
  });

  it('moves through every term in document order with next/previous, focus inside the card', async () => {
    const expected = await page.evaluate(allTermTextsInOrder);
    const tabId = await tabIdOf(browser, page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const seen: string[] = [];
    for (let i = 0; i < expected.length; i++) {
      await page.evaluate(() => {
        const g = globalThis as { __lastFocus?: unknown };
        g.__lastFocus = [...(CSS.highlights.get('techwar-focus') ?? [])][0] ?? null;
      });
      await messageTab(browser, tabId, 'command', { name: 'next-term' });
      await page.waitForFunction(() => {
        const focused = [...(CSS.highlights.get('techwar-focus') ?? [])][0];
        return !!focused && focused !== (globalThis as { __lastFocus?: unknown }).__lastFocus;
      });
      seen.push((await page.evaluate(focusedTermText)) as string);
    }
    expect(seen).toEqual(expected);
    const focusInCard = await page.evaluate(
      () =>
        document.activeElement?.localName === 'techwar-overlay' && !!document.activeElement.shadowRoot?.activeElement,
    );
    expect(focusInCard).toBe(true);
    await messageTab(browser, tabId, 'command', { name: 'previous-term' });
    await page.waitForFunction((t) => {
      const hl = CSS.highlights.get('techwar-focus');
      const r = hl ? ([...hl][0] as AbstractRange) : undefined;
      if (!r) return false;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString() === t;
    }, expected.at(-2));
  });

  it('jump-to scrolls to the first mention and opens its card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const tabId = await tabIdOf(browser, page);
    expect(await messageTab(browser, tabId, 'jump-to', { entryId: 'cncert' })).toEqual({ ok: true });
    expect(await cardEntryId(page)).toBe('cncert');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await messageTab(browser, tabId, 'jump-to', { entryId: 'sweden' })).toEqual({ ok: false });
  });
});

describe('accessibility and looks', () => {
  it('tells what a source badge is on keyboard focus', async () => {
    const tabId = await tabIdOf(browser, page);
    expect(await messageTab(browser, tabId, 'jump-to', { entryId: 'huawei' })).toEqual({ ok: true });
    const focusedBadgeTip = () =>
      page.evaluate(() => {
        const active = document.querySelector('techwar-overlay')?.shadowRoot?.activeElement;
        if (!active?.classList.contains('tw-badge')) return null;
        const tip = active.nextElementSibling as Element;
        return { display: getComputedStyle(tip).display, text: tip.textContent ?? '' };
      });
    let tip = await focusedBadgeTip();
    for (let i = 0; i < 6 && !tip; i++) {
      await page.keyboard.press('Tab');
      tip = await focusedBadgeTip();
    }
    expect(tip?.display).toBe('block');
    await page.screenshot({ path: screenshotPath('chromium-card-badge-focus') });
    const source = digest.sources.find((s) => tip?.text.includes(s.outlet));
    expect(source && tip?.text.includes(source.description)).toBe(true);
  });

  it('has no axe violations inside the card', async () => {
    const { x, y } = await pointOfTerm(page, 'DeepSeek');
    await page.mouse.click(x, y);
    await page.waitForFunction(visibleCardEntryId);
    await page.addScriptTag({ path: resolve(REPO, 'node_modules/axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (c: object) => Promise<{ violations: { id: string }[] }> } })
        .axe;
      const result = await axe.run({ include: [['techwar-overlay']] });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });

  it('follows a dark page', async () => {
    await page.evaluate(() => {
      document.body.style.background = '#15171c';
      document.body.style.color = '#e8e8e8';
    });
    await hover('DeepSeek');
    const bg = await page.evaluate(() => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card ? getComputedStyle(card).backgroundColor : '';
    });
    expect(bg).toBe('rgb(22, 27, 34)');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('chromium-card-dark') });
  });
});
