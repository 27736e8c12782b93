// Firefox smoke test: the Firefox build installs, highlights a term and shows its card on hover.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture } from './support/chromium';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox';
import { cardSettled, hasTopicHighlights, termCenter, visibleCardEntryId } from './support/page-probes';
import { screenshotPath } from './support/paths';

const ARTICLE_URL = 'https://www.theguardian.com/technology/demo-chip-drive';

let firefox: FirefoxWithExtension;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

it('highlights terms and shows the card on hover in Firefox', async () => {
  const page = await firefox.open(ARTICLE_URL, fixture('demo-article.html'));
  await page.waitForFunction(hasTopicHighlights, { timeout: 15_000 });
  const point = await page.evaluate(termCenter, 'DeepSeek');
  if (!point) throw new Error('DeepSeek is not highlighted');
  await page.mouse.move(point.x - 2, point.y);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(visibleCardEntryId, { timeout: 5_000 });
  expect(await page.evaluate(visibleCardEntryId)).toBe('deepseek');
  expect(await page.evaluate(cardSettled)).toBe(true);
  await page.screenshot({ path: screenshotPath('firefox-card-hover') });
});
