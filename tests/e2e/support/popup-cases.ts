// Popup checks whose bodies both browsers run, written against a small driver: Chromium through
// Playwright (popup.e2e.ts), Firefox ESR through puppeteer-core (firefox-popup.e2e.ts).
import { expect } from 'vitest';
import { hasTopicHighlights } from './page-probes';

export interface PopupDriver {
  /** A real click on the popup's control reading `text`. */
  clickInPopup(text: string): Promise<void>;
  /** Reloads the article's tab and waits for its load event. */
  reloadArticle(): Promise<void>;
  /** The state the article's top-frame content script answers with; null or undefined while none answers. */
  contentState(): Promise<string | null | undefined>;
  /** Runs a self-contained function in the article. */
  inArticle<R>(fn: () => R): Promise<R>;
  /** Waits until the self-contained `fn` holds in the article. */
  waitInArticle(fn: () => unknown, timeoutMs: number): Promise<void>;
  /** Checks of one browser's own while the site is paused, before the reload (what was stored, say). */
  whilePaused?(): Promise<void>;
}

/**
 * "Pause on this site" removes the highlights; after a reload the content script runs again (it
 * answers, which a script that never ran would not) and stays paused; "Resume" brings them back.
 */
export async function pausesAcrossReloadsAndResumes(d: PopupDriver): Promise<void> {
  expect(await d.contentState()).toBe('active');
  await d.clickInPopup('Pause on this site');
  await d.waitInArticle(() => !CSS.highlights.has('techwar-chips'), 3_000);
  await d.whilePaused?.();
  await d.reloadArticle();
  await expect.poll(() => d.contentState(), { timeout: 10_000 }).toBe('paused');
  expect(await d.inArticle(hasTopicHighlights)).toBe(false);
  await d.clickInPopup('Resume on this site');
  await d.waitInArticle(hasTopicHighlights, 10_000);
  expect(await d.contentState()).toBe('active');
}
