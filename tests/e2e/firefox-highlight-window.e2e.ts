// A page with thousands of mentions in Firefox ESR: as in Chromium (highlight-window.e2e.ts), only a
// window of mentions around the screen (the sidebar included) is registered, and it moves as the
// reader scrolls.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COLUMN_SIDE, WINDOW_FROM, WINDOW_SIDE } from '../../src/content/highlight-window';
import { generateArticle, PLAIN_TERMS } from '../bench/generate-page';
import { type FirefoxPassProbe, type FirefoxWithExtension, launchFirefox, openPassProbe } from './support/firefox';
import { registeredInSidebar, registeredRanges } from './support/page-probes';
import { type PassSummary, waitForRecordedPass } from './support/realpages';

const URL = 'https://www.theguardian.com/technology/big-page';

let firefox: FirefoxWithExtension;
let probe: FirefoxPassProbe;

beforeAll(async () => {
  firefox = await launchFirefox();
  probe = await openPassProbe(firefox);
}, 120_000);

afterAll(async () => {
  await firefox?.close();
});

it('registers a window of mentions around the screen and the sidebar, and moves it as the reader scrolls', async () => {
  const page = await firefox.open(URL, generateArticle(1_500_000, PLAIN_TERMS, 11).html, {
    waitUntil: 'domcontentloaded',
  });
  const pass: PassSummary = await waitForRecordedPass(() => probe.passesFor(URL), URL, 0, 60_000);
  expect(pass.total).toBeGreaterThan(2 * WINDOW_FROM);
  const covered = () =>
    page
      .evaluate(registeredRanges)
      .then((r) => ({ onScreen: r.onScreen > 0, below: r.below > 0, few: r.total <= 2 * (WINDOW_SIDE + COLUMN_SIDE) }));
  await expect.poll(covered, { timeout: 15_000 }).toEqual({ onScreen: true, below: true, few: true });
  await expect.poll(() => page.evaluate(registeredInSidebar), { timeout: 15_000 }).toBeGreaterThan(0);

  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
  const scrolled = () =>
    page.evaluate(registeredRanges).then((r) => ({ onScreen: r.onScreen > 0, above: r.above > 0, below: r.below > 0 }));
  await expect.poll(scrolled, { timeout: 15_000 }).toEqual({ onScreen: true, above: true, below: true });
}, 120_000);
