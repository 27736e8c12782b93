// The accuracy rules of issue 11 in Chromium, on pages of our own sentences: names interrupted by
// quote marks or an abbreviation, abbreviations a page defines (across inline elements, in
// full-width brackets), titles and surnames, terms inside longer names, whose policy, and the
// page-level gate that holds broad names and generic words back on a page off the beat until the
// page qualifies or the reader asks to see everything.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageTab, tabIdOf } from './support/chromium';
import { shownTerms, textsOf } from './support/page-probes';
import { screenshotPath } from './support/paths';
import { useChromium } from './support/suites';

const suite = useChromium('https://www.reuters.com/world/accuracy-');
const open = (fixtureName: string) => suite.openFixture(fixtureName);

/** The highlighted texts inside the element with `id` (the focus highlight left out), in document order. */
async function termsIn(page: Page, id: string): Promise<string[]> {
  return textsOf(await page.evaluate(shownTerms, id));
}

describe('on a page about the beat', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('accuracy.html');
    await page.waitForFunction(() => !!CSS.highlights.get('techwar-people')?.size);
  });
  afterAll(() => page.close());

  it('highlights a name across quote marks or a parenthesised abbreviation as one span', async () => {
    expect(await termsIn(page, 'interrupted')).toEqual([
      'Unreliable Entity’ List',
      'Artificial Intelligence (AI) Plus',
    ]);
  });

  it('learns an abbreviation the page defines, across inline elements and in full-width brackets', async () => {
    expect(await termsIn(page, 'abbr-define')).toEqual(['Tianfu Intelligent Computing Center', 'TICC']);
    expect(await termsIn(page, 'abbr-use')).toEqual(['TICC']);
    expect(await termsIn(page, 'abbr-zh')).toEqual(['寒武纪', 'CAMB', 'CAMB']);
  });

  it('counts a surname with a title, or after the full name was on the page', async () => {
    // A title form does not let the bare surname stand alone later: only a full name does.
    expect(await termsIn(page, 'title')).toEqual(['President Xi', 'Mr Huang']);
    expect(await termsIn(page, 'full-name')).toEqual(['Jensen Huang', 'Huang']);
  });

  it('does not take a term inside a longer proper name for the term', async () => {
    expect(await termsIn(page, 'longer-name')).toEqual([]);
  });

  it("takes only the US's export controls for export controls", async () => {
    expect(await termsIn(page, 'whose-policy')).toEqual(['export controls']);
  });

  it('shows generic words and broad names on a page about the beat', async () => {
    expect(await termsIn(page, 'generic')).toEqual(['tariffs', 'supply chains', 'Donald Trump', 'Apple']);
  });
});

describe('on a page off the beat', () => {
  it('shows only core entries, says so in its summary, and shows the rest at the reader’s request', async () => {
    const page = await open('off-beat.html');
    expect(await termsIn(page, 'story')).toEqual(['Huawei']);
    const tab = await tabIdOf(suite.browser, page);
    const summary = (await messageTab(suite.browser, tab, 'get-summary', {})) as { offBeat?: { hidden: number } };
    expect(summary.offBeat?.hidden).toBe(7);

    await messageTab(suite.browser, tab, 'show-all', { on: true });
    const all = await termsIn(page, 'story');
    expect(all).toEqual(
      expect.arrayContaining(['tariffs', 'Donald Trump', 'Trump', 'Apple', 'Supply chains', 'Huawei']),
    );
    expect(all).not.toContain('Huang');

    await messageTab(suite.browser, tab, 'show-all', { on: false });
    expect(await termsIn(page, 'story')).toEqual(['Huawei']);
    await page.close();
  });

  it('has the popup say the page is off the beat, and show everything at a click', async () => {
    const page = await open('off-beat.html');
    const tab = await tabIdOf(suite.browser, page);
    const popup = await suite.browser.context.newPage();
    await popup.goto(`chrome-extension://${suite.browser.extensionId}/src/popup/index.html?tab=${tab}`);
    const notice = popup.getByTestId('off-beat');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('7 everyday terms');
    await popup.setViewportSize({ width: 360, height: 420 });
    await popup.screenshot({ path: screenshotPath('popup-off-beat') });
    await notice.getByRole('button', { name: 'Show them anyway' }).click();
    await notice.getByRole('button', { name: 'Hide them again' }).waitFor();
    expect(await termsIn(page, 'story')).toEqual(expect.arrayContaining(['Donald Trump', 'Apple', 'Huawei']));
    await popup.close();
    await page.close();
  });

  it('shows the held-back terms once the page turns to the beat as it changes', async () => {
    const page = await open('off-beat.html');
    expect(await termsIn(page, 'story')).toEqual(['Huawei']);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Cambricon and DeepSeek said export controls would not stop them.';
      document.getElementById('story')?.append(p);
    });
    await page.waitForFunction(() => !!CSS.highlights.get('techwar-markets')?.size);
    expect(await termsIn(page, 'story')).toEqual(expect.arrayContaining(['tariffs', 'Donald Trump', 'Cambricon']));
    await page.close();
  });
});
