// The context card in Chromium: the right entry for a term of every topic, hover intent, pinning,
// Esc, related entries with Back, keyboard navigation through every term, accessibility, themes,
// the card at rest and expanded, and that a page's synthetic events steer nothing.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import { CLOSE_GRACE_MS, FIRST_TERM_OF_TOPIC } from './support/card-cases';
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
import {
  afterPageTimer,
  focusedTermText,
  noVisibleCard,
  shownTerms,
  textsOf,
  visibleCardEntryId,
} from './support/page-probes';
import { REPO, screenshotPath } from './support/paths';

const URL_BASE = 'https://www.bbc.com/news/card-';
const CARD = '[data-testid="techwar-card"]';
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

/** A real click (trusted input) on an element inside the card; Playwright's locators pierce the shadow root. */
async function clickInCard(selector: string): Promise<void> {
  await page.locator(`${CARD} ${selector}`).first().click();
}

function cardAttribute(selector: string, name: string): Promise<string | null> {
  return page.evaluate(
    ([sel, attr]) =>
      document
        .querySelector('techwar-overlay')
        ?.shadowRoot?.querySelector(sel as string)
        ?.getAttribute(attr as string) ?? null,
    [selector, name],
  );
}

/**
 * Resolves once the card's close timer would have fired: it is armed on the animation frame after
 * the pointer leaves, and page timers share the content script's event loop, so a longer timer
 * started two frames later fires after it. A control test below shows an unpinned card is gone by then.
 */
async function pastCloseTimer(): Promise<void> {
  await page.evaluate(afterPageTimer, CLOSE_GRACE_MS + 50);
}

async function waitForCardOf(entryId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
    return card?.getAttribute('data-entry-id') === id;
  }, entryId);
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
    expect(FIRST_TERM_OF_TOPIC.map(([topic]) => topic).sort()).toEqual(digest.topics.map((t) => t.id).sort());
    for (const [topic, term, entryId] of FIRST_TERM_OF_TOPIC) {
      expect(byTopic[`techwar-${topic}`]?.[0], `the first ${topic} term`).toBe(term);
      expect(await hover(term)).toBe(entryId);
      await page.mouse.move(2, 2);
      await page.waitForFunction(noVisibleCard);
    }
  });

  it('closes an unpinned card once the pointer has left for the grace time (control for the waits below)', async () => {
    expect(await hover('CloudMatrix 384')).toBe('cloudmatrix-384');
    await page.mouse.move(1150, 120);
    await pastCloseTimer();
    expect(await page.evaluate(noVisibleCard)).toBe(true);
  });

  it('stays open while the pointer travels into the card, and closes after it leaves', async () => {
    expect(await hover('CloudMatrix 384')).toBe('cloudmatrix-384');
    const r = await cardRect();
    await page.mouse.move(r.x + r.width / 2, r.y + 20, { steps: 4 });
    await pastCloseTimer();
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
    await pastCloseTimer();
    expect(await cardEntryId(page)).toBe('cambricon');
    await page.keyboard.press('Escape');
    await page.waitForFunction(noVisibleCard);
    await page.mouse.click(x, y);
    await page.waitForFunction(visibleCardEntryId);
    await page.mouse.click(5, 300);
    await page.waitForFunction(noVisibleCard);
  });

  it('opens a related entry in the same card, and Back returns, expanded and at rest', async () => {
    const { x, y } = await pointOfTerm(page, 'Cambricon');
    await page.mouse.click(x, y);
    await waitForCardOf('cambricon');
    await clickInCard('.tw-more-button');
    // MetaX is Cambricon's first related entry in the digest.
    await clickInCard('.tw-related-chip');
    await waitForCardOf('metax');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('true');
    await clickInCard('.tw-more-button');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('false');
    await clickInCard('.tw-back');
    await waitForCardOf('cambricon');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('false');
  });

  it('moves through every term in document order with next/previous, focus inside the card', async () => {
    const expected = textsOf(await page.evaluate(shownTerms, null));
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

  it('has no axe violations inside the card, at rest and expanded', async () => {
    const { x, y } = await pointOfTerm(page, 'DeepSeek');
    await page.mouse.click(x, y);
    await waitForCardOf('deepseek');
    await page.addScriptTag({ path: resolve(REPO, 'node_modules/axe-core/axe.min.js') });
    const violations = () =>
      page.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run: (c: object) => Promise<{ violations: { id: string }[] }> } }
        ).axe;
        const result = await axe.run({ include: [['techwar-overlay']] });
        return result.violations.map((v) => v.id);
      });
    expect(await violations()).toEqual([]);
    await clickInCard('.tw-more-button');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('true');
    expect(await violations()).toEqual([]);
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
  });

  it.each(['light', 'dark'] as const)('is screenshotted at rest and expanded on a %s page', async (theme) => {
    if (theme === 'dark') {
      await page.evaluate(() => {
        document.body.style.background = '#15171c';
        document.body.style.color = '#e8e8e8';
      });
    }
    const { x, y } = await pointOfTerm(page, 'Huawei');
    await page.mouse.click(x, y);
    await waitForCardOf('huawei');
    await page.mouse.move(2, 2);
    await page.screenshot({ path: screenshotPath(`chromium-card-rest-${theme}`), animations: 'disabled' });
    await clickInCard('.tw-more-button');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('true');
    await page.mouse.move(2, 2);
    await page.screenshot({ path: screenshotPath(`chromium-card-expanded-${theme}`), animations: 'disabled' });
  });
});

describe('motion', () => {
  it('jumps without smooth scrolling for a reader who asked for reduced motion, even on a smooth-scrolling page', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addStyleTag({ content: 'html { scroll-behavior: smooth; }' });
    await page.evaluate(() => {
      window.scrollTo({ top: 0, behavior: 'instant' });
      const g = globalThis as { __positions?: number[]; __ended?: boolean };
      g.__positions = [];
      window.addEventListener('scroll', () => g.__positions?.push(window.scrollY));
      window.addEventListener('scrollend', () => {
        g.__ended = true;
      });
    });
    const tabId = await tabIdOf(browser, page);
    expect(await messageTab(browser, tabId, 'jump-to', { entryId: 'cncert' })).toEqual({ ok: true });
    await page.waitForFunction(() => (globalThis as { __ended?: boolean }).__ended === true);
    const positions = await page.evaluate(() => (globalThis as { __positions?: number[] }).__positions ?? []);
    // One jump: the first scroll event already reports the final position.
    expect(positions.length).toBeGreaterThan(0);
    expect(positions[0]).toBeGreaterThan(0);
    expect(new Set(positions).size).toBe(1);
  });
});

describe("the page's own scripts", () => {
  it('cannot pin a card, close it or press its buttons with synthetic events; real input can', async () => {
    const { x, y } = await pointOfTerm(page, 'Cambricon');
    const dispatch = (type: 'click' | 'pointerdown') =>
      page.evaluate(
        ([px, py, kind]) => {
          const target = document.elementFromPoint(px as number, py as number) as Element;
          const init = { bubbles: true, composed: true, clientX: px as number, clientY: py as number };
          target.dispatchEvent(
            kind === 'click' ? new MouseEvent('click', init) : new PointerEvent('pointerdown', init),
          );
        },
        [x, y, type] as const,
      );
    // Handlers run inside dispatchEvent and a card renders synchronously, so "nothing" is known at once.
    await dispatch('pointerdown');
    await dispatch('click');
    expect(await page.evaluate(noVisibleCard)).toBe(true);

    await page.mouse.click(x, y);
    await waitForCardOf('cambricon');
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(await cardEntryId(page)).toBe('cambricon');
    const scriptedClick = (selector: string) =>
      page.evaluate((sel) => {
        document.querySelector('techwar-overlay')?.shadowRoot?.querySelector<HTMLElement>(sel)?.click();
      }, selector);
    await scriptedClick('.tw-more-button');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('false');
    await scriptedClick('.tw-reader-link');

    // A real click on another card's "Open in reader": the only reader tab is that entry's.
    const other = await pointOfTerm(page, 'DeepSeek');
    await page.mouse.click(other.x, other.y);
    await waitForCardOf('deepseek');
    const readerTab = browser.context.waitForEvent('page', (p) => p.url().includes('/src/reader/'));
    await clickInCard('.tw-reader-link');
    const reader = await readerTab;
    await reader.waitForLoadState();
    expect(new URL(reader.url()).hash).toBe('#entry=deepseek');
    expect(browser.context.pages().filter((p) => p.url().includes('/src/reader/'))).toHaveLength(1);
    await reader.close();
  });
});

describe('at rest and expanded', () => {
  /** A page naming every entry once, each in a paragraph of its own with any context word it needs. */
  function everyEntryPage(): string {
    const paragraphs = digest.entries.map((entry) => {
      const rules = entry.aliases.map((a) => (typeof a === 'string' ? { text: a } : a));
      const alias = rules.find((a) => !a.afterEntry) ?? { text: entry.name };
      const near = 'near' in alias && alias.near ? ` ${alias.near[0]}` : '';
      return `<p>${alias.text}${near}.</p>`;
    });
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every entry</title></head><body><main>${paragraphs.join('')}</main></body></html>`;
  }

  it("fits every entry's card at rest: no inner scroll, at most 600 characters and 300 px", async () => {
    const url = `${URL_BASE}every-entry`;
    browser.serve(url, everyEntryPage());
    page = await browser.open(url);
    await waitForHighlights(page);
    const tabId = await tabIdOf(browser, page);
    const measured: { id: string; chars: number; height: number; scrolls: boolean }[] = [];
    for (const entry of digest.entries) {
      expect(await messageTab(browser, tabId, 'jump-to', { entryId: entry.id }), entry.id).toEqual({ ok: true });
      await waitForCardOf(entry.id);
      measured.push(
        await page.evaluate((id) => {
          const card = document
            .querySelector('techwar-overlay')
            ?.shadowRoot?.querySelector<HTMLElement>(`[data-entry-id="${id}"]`) as HTMLElement;
          return {
            id,
            chars: card.innerText.replace(/\s+/g, ' ').trim().length,
            height: card.getBoundingClientRect().height,
            scrolls: card.scrollHeight > card.clientHeight,
          };
        }, entry.id),
      );
    }
    console.info(
      `at rest over ${measured.length} entries: at most ${Math.max(...measured.map((m) => m.chars))} characters, ${Math.max(...measured.map((m) => m.height))} px`,
    );
    expect(measured.filter((m) => m.chars > 600 || m.height > 300 || m.scrolls)).toEqual([]);
    expect(measured).toHaveLength(digest.entries.length);
  });

  it('expands with More in place, reached by keyboard, announced, and keeps it while pinned', async () => {
    const tabId = await tabIdOf(browser, page);
    expect(await messageTab(browser, tabId, 'jump-to', { entryId: 'huawei' })).toEqual({ ok: true });
    await waitForCardOf('huawei');
    const cardText = () =>
      page.evaluate(
        () =>
          (
            document
              .querySelector('techwar-overlay')
              ?.shadowRoot?.querySelector('[data-testid="techwar-card"]') as HTMLElement | null
          )?.innerText ?? '',
      );
    const restText = await cardText();
    let onMore = false;
    for (let i = 0; i < 12 && !onMore; i++) {
      await page.keyboard.press('Tab');
      onMore = await page.evaluate(
        () =>
          document.querySelector('techwar-overlay')?.shadowRoot?.activeElement?.classList.contains('tw-more-button') ??
          false,
      );
    }
    expect(onMore).toBe(true);
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('true');
    expect(
      await page.evaluate(
        () => document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('.tw-live')?.textContent,
      ),
    ).toBe('More details shown');
    const more = await page.evaluate(() => {
      const card = document
        .querySelector('techwar-overlay')
        ?.shadowRoot?.querySelector('[data-testid="techwar-card"]') as HTMLElement;
      const r = card.getBoundingClientRect();
      return {
        related: card.querySelectorAll('.tw-related-chip').length,
        timeline: card.querySelectorAll('.tw-events li').length,
        disputes: card.querySelectorAll('.tw-dispute').length,
        onScreen: r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
      };
    });
    // Huawei in the digest: 6 related entries, 4 timeline events (the card lists 3) and 3 disputes.
    expect(more).toEqual({ related: 6, timeline: 3, disputes: 3, onScreen: true });
    expect((await cardText()).length).toBeGreaterThan(restText.length + 400);
    // Still expanded after the page scrolls (a pinned card re-renders in place).
    await page.mouse.wheel(0, 40);
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await cardAttribute('.tw-more-button', 'aria-expanded')).toBe('true');
  });
});
