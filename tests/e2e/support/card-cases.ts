// The card suite's test bodies, written against a small driver so Chromium (Playwright) and
// Firefox (puppeteer-core) run the same steps: each topic's card, hover intent and grace, pin/Esc/
// click outside, related and Back, keyboard next and previous, a dark page. Every click and key is
// real browser input: the card ignores scripted events.
import { expect } from 'vitest';
import { digest } from '../../../src/digest';
import {
  afterPageTimer,
  focusedTermText,
  noVisibleCard,
  shownTerms,
  termCenter,
  textsOf,
  topicHighlightTexts,
  visibleCardEntryId,
} from './page-probes';

export interface CardDriver {
  /** The article tab; functions run in the page, self-contained. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  move(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** A keyboard command as the background sends it to the tab (no real shortcut reaches automation). */
  command(name: 'next-term' | 'previous-term'): Promise<void>;
  screenshot(name: string): Promise<void>;
}

/** The card's close timer after the pointer leaves (LEAVE_GRACE_MS in card-controller.ts). */
export const CLOSE_GRACE_MS = 300;
/** The default hover delay (settings/defaults.ts). */
export const HOVER_DELAY_MS = 350;

/**
 * Each topic's first highlighted term on the demo article and the entry its card shows, written by
 * hand from the article and the digest (not derived by the matcher under test).
 */
export const FIRST_TERM_OF_TOPIC: readonly [topic: string, term: string, entryId: string][] = [
  ['chips', 'Chinese chipmakers', 'domestic-chips'],
  ['ai', 'DeepSeek', 'deepseek'],
  ['companies', 'Huawei', 'huawei'],
  ['policy', 'export rules', 'export-controls'],
  ['infrastructure', 'Eastern Data, Western Computing', 'eastern-data-western-computing'],
  ['security', 'CNCERT', 'cncert'],
  ['markets', 'tariff war', 'tariffs-trade-war'],
  ['people', 'Xi Jinping', 'xi-jinping'],
];

/** In the page (self-contained): whether the visible card shows entry `id`. */
function cardShows(id: string | undefined): boolean {
  const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
  return !!card && card.getAttribute('data-entry-id') === id;
}

/** In the page (self-contained): whether the focused term reads `text`. */
function focusReads(text: string | undefined): boolean {
  const r = [...(CSS.highlights.get('techwar-focus') ?? [])][0] as AbstractRange | undefined;
  if (!r) return false;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString() === text;
}

async function pointOf(d: CardDriver, text: string): Promise<{ x: number; y: number }> {
  const point = await d.evaluate(termCenter, text);
  if (!point) throw new Error(`no highlighted range reads "${text}"`);
  return point;
}

async function hover(d: CardDriver, text: string): Promise<string | null> {
  const { x, y } = await pointOf(d, text);
  await d.move(x - 3, y);
  await d.move(x, y);
  await d.waitFor(visibleCardEntryId, undefined, 5000);
  return d.evaluate(visibleCardEntryId);
}

function cardRect(d: CardDriver) {
  return d.evaluate(() => {
    const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
    const r = card?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  });
}

/** A real click on the first element of the card matching `selector`, scrolled into view. */
async function clickInCard(d: CardDriver, selector: string): Promise<void> {
  const at = await d.evaluate((sel) => {
    const el = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector(sel);
    el?.scrollIntoView({ block: 'nearest' });
    const r = el?.getBoundingClientRect();
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  }, selector);
  if (!at) throw new Error(`no ${selector} in the card`);
  await d.click(at.x, at.y);
}

async function closeCard(d: CardDriver): Promise<void> {
  await d.move(2, 2);
  await d.waitFor(noVisibleCard, undefined, 5000);
}

export const cardCases: Record<string, (d: CardDriver) => Promise<void>> = {
  async 'shows the right entry for the first term of every topic'(d) {
    const byTopic = await d.evaluate(topicHighlightTexts);
    expect(FIRST_TERM_OF_TOPIC.map(([topic]) => topic).sort()).toEqual(digest.topics.map((t) => t.id).sort());
    for (const [topic, term, entryId] of FIRST_TERM_OF_TOPIC) {
      expect(byTopic[`techwar-${topic}`]?.[0], `the first ${topic} term`).toBe(term);
      expect(await hover(d, term), term).toBe(entryId);
      await closeCard(d);
    }
  },

  async 'waits for hover intent, stays open on the way into the card, closes after leaving'(d) {
    const { x, y } = await pointOf(d, 'CloudMatrix 384');
    await d.move(x, y);
    // Intent: a pointer only passing over a term opens nothing.
    await d.move(2, 2);
    await d.evaluate(afterPageTimer, HOVER_DELAY_MS + 50);
    expect(await d.evaluate(visibleCardEntryId)).toBeNull();
    expect(await hover(d, 'CloudMatrix 384')).toBe('cloudmatrix-384');
    const r = await cardRect(d);
    if (!r) throw new Error('no card');
    // One move from the term into the card: the term's leave starts the close timer and entering the
    // card must cancel it. (Intermediate steps cost Firefox's driver more than the 300 ms grace each
    // on a busy machine, which would test the driver's speed, not the card.)
    await d.move(r.x + r.width / 2, r.y + 20, 1);
    await d.evaluate(afterPageTimer, CLOSE_GRACE_MS + 50);
    expect(await d.evaluate(visibleCardEntryId)).toBe('cloudmatrix-384');
    await d.move(r.x > 600 ? 5 : 1150, 5);
    await d.waitFor(noVisibleCard, undefined, 5000);
  },

  async 'pins on click, closes on Esc and on a click outside'(d) {
    const { x, y } = await pointOf(d, 'Cambricon');
    await d.click(x, y);
    await d.waitFor(visibleCardEntryId);
    await d.move(2, 2);
    await d.evaluate(afterPageTimer, CLOSE_GRACE_MS + 50);
    expect(await d.evaluate(visibleCardEntryId)).toBe('cambricon');
    await d.press('Escape');
    await d.waitFor(noVisibleCard, undefined, 5000);
    await d.click(x, y);
    await d.waitFor(visibleCardEntryId);
    await d.click(5, 300);
    await d.waitFor(noVisibleCard, undefined, 5000);
  },

  async 'opens a related entry in the same card, and Back returns'(d) {
    const { x, y } = await pointOf(d, 'Cambricon');
    await d.click(x, y);
    await d.waitFor(visibleCardEntryId);
    const related = digest.entries.find((e) => e.id === 'cambricon')?.related[0] as string;
    // Related entries sit in the expanded card, behind "More".
    await clickInCard(d, '.tw-more-button');
    await clickInCard(d, '.tw-related-chip');
    await d.waitFor(cardShows, related, 5000);
    await clickInCard(d, '.tw-back');
    await d.waitFor(cardShows, 'cambricon', 5000);
  },

  async 'moves through the terms in document order with next and previous'(d) {
    const expected = textsOf(await d.evaluate(shownTerms, null));
    await d.evaluate(() => window.scrollTo(0, 0));
    const seen: string[] = [];
    // The first terms and back: every step is a message round trip, so a few show the order.
    for (let i = 0; i < Math.min(expected.length, 6); i++) {
      // The same words can follow each other: the step is done when the focused range changes.
      await d.evaluate(() => {
        const g = globalThis as { __lastFocus?: unknown };
        g.__lastFocus = [...(CSS.highlights.get('techwar-focus') ?? [])][0] ?? null;
      });
      await d.command('next-term');
      await d.waitFor(
        () => {
          const focused = [...(CSS.highlights.get('techwar-focus') ?? [])][0];
          return !!focused && focused !== (globalThis as { __lastFocus?: unknown }).__lastFocus;
        },
        undefined,
        5000,
      );
      seen.push((await d.evaluate(focusedTermText)) as string);
    }
    expect(seen).toEqual(expected.slice(0, seen.length));
    const focusInCard = await d.evaluate(
      () =>
        document.activeElement?.localName === 'techwar-overlay' && !!document.activeElement.shadowRoot?.activeElement,
    );
    expect(focusInCard).toBe(true);
    await d.command('previous-term');
    await d.waitFor(focusReads, expected[seen.length - 2], 5000);
  },

  async 'follows a dark page'(d) {
    await d.evaluate(() => {
      document.body.style.background = '#15171c';
      document.body.style.color = '#e8e8e8';
    });
    await hover(d, 'DeepSeek');
    const bg = await d.evaluate(() => {
      const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
      return card ? getComputedStyle(card).backgroundColor : '';
    });
    expect(bg).toBe('rgb(22, 27, 34)');
    await d.screenshot('card-dark');
  },
};
