// The reader page of the production build in Chromium: search by English and Chinese alias with
// the keyboard, deep links that survive reload and back/forward, every view of the digest, no axe
// violations in light and dark, and a layout that holds at 360 px and in print.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import { createDigestLookup } from '../../src/digest/lookup';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchWithExtension } from './support/chromium';
import { screenshotPath } from './support/paths';

const VIEWS = ['search', 'briefing', 'timeline', 'disputes', 'sources'] as const;
const lookup = createDigestLookup(digest);

let browser: ExtensionBrowser;
let page: Page;

function readerUrl(hash = ''): string {
  return `chrome-extension://${browser.extensionId}/src/reader/index.html${hash}`;
}

/** Loads the reader afresh at `hash` in `on` (not a same-document hash change) and waits for the view. */
async function openReader(on: Page, hash = ''): Promise<void> {
  await on.goto('about:blank');
  await on.goto(readerUrl(hash));
  await on.waitForSelector('#tw-reader-heading');
}

function resultIds(on: Page): Promise<string[]> {
  return on.$$eval('.tw-reader-result', (items) => items.map((li) => li.getAttribute('data-entry-id') ?? ''));
}

async function shownEntryId(on: Page): Promise<string | null> {
  const article = await on.waitForSelector('article[data-entry-id]');
  return article.getAttribute('data-entry-id');
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('search', () => {
  it('finds entries by English name and alias as you type, and keeps the query in the URL', async () => {
    await openReader(page);
    await page.fill('#tw-reader-search', 'Jen-Hsun');
    expect((await resultIds(page))[0]).toBe('jensen-huang');
    await page.fill('#tw-reader-search', 'cloudmatrix');
    expect((await resultIds(page))[0]).toBe('cloudmatrix-384');
    expect(new URL(page.url()).hash).toBe('#q=cloudmatrix');
  });

  it('finds entries by Chinese alias and says which alias matched', async () => {
    await openReader(page);
    await page.fill('#tw-reader-search', '华为');
    expect((await resultIds(page))[0]).toBe('huawei');
    expect(await page.textContent('.tw-reader-result:first-child .tw-reader-matched')).toContain('华为');
    await page.fill('#tw-reader-search', '英伟达');
    expect((await resultIds(page))[0]).toBe('nvidia');
  });

  it('is keyboard first: / focuses the box, arrows move through results, Enter opens', async () => {
    await openReader(page, '#view=briefing');
    await page.keyboard.press('/');
    await page.waitForSelector('#tw-reader-search:focus');
    await page.keyboard.type('camb');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-entry-id'))).toBe(
      'cambricon',
    );
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tw-reader-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await shownEntryId(page)).toBe('cambricon');
    expect(new URL(page.url()).hash).toBe('#entry=cambricon');
  });

  it('opens the first result on Enter in the box', async () => {
    await openReader(page, '#q=deep%20seek');
    await page.keyboard.press('Enter');
    expect(await shownEntryId(page)).toBe('deepseek');
  });

  it('prefills the search from #q=', async () => {
    await openReader(page, '#q=DeepSeek');
    expect(await page.inputValue('#tw-reader-search')).toBe('DeepSeek');
    expect((await resultIds(page))[0]).toBe('deepseek');
    await page.screenshot({ path: screenshotPath('reader-search'), fullPage: true });
  });

  it('says clearly when a term is not in the digest', async () => {
    await openReader(page, '#q=Samsung');
    const message = await page.waitForSelector('[data-testid="reader-not-in-digest"]');
    expect(await message.textContent()).toBe('“Samsung” is not in the digest.');
    expect(await resultIds(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('reader-not-in-digest') });
  });

  it('filters by topic and kind, and the filters live in the URL', async () => {
    await openReader(page);
    await page.selectOption('select >> nth=1', 'person');
    const people = await resultIds(page);
    const persons = digest.entries.filter((e) => e.kind === 'person').map((e) => e.id);
    expect(people.sort()).toEqual(persons.sort());
    await page.selectOption('select >> nth=0', 'chips');
    expect(new URL(page.url()).hash).toBe('#view=search&topic=chips&kind=person');
    await page.reload();
    await page.waitForSelector('#tw-reader-heading');
    const chipsPeople = persons.filter((id) => lookup.entry(id)?.topics.includes('chips'));
    expect((await resultIds(page)).sort()).toEqual(chipsPeople.sort());
  });
});

describe('entry', () => {
  it('shows everything the digest holds about the entry', async () => {
    await openReader(page, '#entry=jensen-huang');
    const entry = lookup.entry('jensen-huang');
    if (!entry) throw new Error('jensen-huang is not in the digest');
    expect(await page.textContent('h1')).toBe(entry.name);
    expect(await page.locator('.tw-reader-summary').textContent()).toContain(entry.summary.text);
    const facts = page.locator('.tw-reader-facts > li');
    expect(await facts.count()).toBe(entry.facts.length);
    for (let i = 0; i < entry.facts.length; i++) {
      expect(await facts.nth(i).locator('.tw-badge').count()).toBe(entry.facts[i]?.sources.length);
      expect(await facts.nth(i).getAttribute('data-label')).toBe(entry.facts[i]?.label);
    }
    const quotes = page.locator('.tw-reader-quote');
    expect(await quotes.count()).toBe(entry.quotes.length);
    expect(await quotes.first().locator('blockquote').textContent()).toBe(`“${entry.quotes[0]?.text}”`);
    // Written out from digest.json: the dispute naming him, and his events earliest first (a date
    // known only to the year sorts before a month of that year).
    const ids = (selector: string, attribute: string) =>
      page.$$eval(selector, (els, a) => els.map((el) => el.getAttribute(a)), attribute);
    expect(await ids('.tw-reader-dispute', 'data-dispute-id')).toEqual(['gap-closing-speed']);
    expect(await ids('.tw-reader-event', 'data-event-id')).toEqual(['nvidia-probe', 'huang-nanoseconds']);
    const related = await page.$$eval('#tw-reader-related ~ ul a', (links) => links.map((a) => a.getAttribute('href')));
    expect(related).toEqual(entry.related.map((id) => `#entry=${id}`));
    await page.screenshot({ path: screenshotPath('reader-entry'), fullPage: true });
  });

  it("names the paragraphs behind a claim in its badge's tip, and labels background knowledge as such", async () => {
    await openReader(page, '#entry=apple');
    const apple = lookup.entry('apple');
    const fact = apple?.facts[0];
    if (!fact) throw new Error('apple has no facts');
    const firstBadge = page.locator('.tw-reader-facts > li').first().locator('.tw-badge').first();
    await firstBadge.focus();
    const tip = page.locator('.tw-reader-facts > li').first().locator('.tw-badge-tip').first();
    await tip.waitFor({ state: 'visible' });
    const [sourceId, paragraphs] = Object.entries(fact.evidence)[0] ?? [];
    const short = lookup.source(sourceId ?? '')?.short;
    const expected =
      paragraphs?.length === 1
        ? `Paragraph ${paragraphs[0]} of ${short}`
        : `Paragraphs ${paragraphs?.join(', ')} of ${short}`;
    expect(await tip.locator('.tw-badge-where').textContent()).toBe(expected);
    await page.screenshot({ path: screenshotPath('reader-badge-paragraphs') });
    const background = page.locator('.tw-reader-facts > li[data-label="background"]');
    expect(await background.count()).toBe(apple?.facts.filter((f) => f.label === 'background').length);
    expect(await background.first().locator('.tw-label').textContent()).toBe('Background');
    expect(await background.first().locator('.tw-badge').count()).toBe(0);
  });

  it('opens from #entry=huawei, and survives reload and back/forward', async () => {
    await openReader(page, '#entry=huawei');
    expect(await shownEntryId(page)).toBe('huawei');
    await page.reload();
    expect(await shownEntryId(page)).toBe('huawei');

    await page.click('#tw-reader-related ~ ul a[href="#entry=cloudmatrix-384"]');
    await page.waitForSelector('article[data-entry-id="cloudmatrix-384"]');
    expect(await page.title()).toContain('CloudMatrix 384');
    await page.goBack();
    await page.waitForSelector('article[data-entry-id="huawei"]');
    expect(new URL(page.url()).hash).toBe('#entry=huawei');
    await page.goForward();
    await page.waitForSelector('article[data-entry-id="cloudmatrix-384"]');
    // Focus lands on the new entry's heading, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tw-reader-heading');
  });

  it('says so for an entry the digest does not hold', async () => {
    await openReader(page, '#entry=samsung');
    expect(await page.textContent('h1')).toContain('samsung');
  });
});

describe('views', () => {
  it('switches views with the tabs, each addressable by #view=', async () => {
    await openReader(page, '#entry=huawei');
    for (const view of VIEWS) {
      await page.click(`.tw-reader-nav a[data-view="${view}"]`);
      await page.waitForSelector(`main[data-view="${view}"]`);
      expect(await page.getAttribute(`.tw-reader-nav a[data-view="${view}"]`, 'aria-current')).toBe('page');
    }
    await page.goBack();
    await page.waitForSelector('main[data-view="disputes"]');
    await openReader(page, '#view=sources');
    expect(await page.getAttribute('main', 'data-view')).toBe('sources');
  });

  it('shows the timeline in date order with honest precision, filterable by topic', async () => {
    await openReader(page, '#view=timeline');
    const ids = await page.$$eval('.tw-reader-event', (items) => items.map((li) => li.dataset.eventId));
    expect(ids).toHaveLength(digest.timeline.length);
    // Date order, except that a year-only event follows the events the sources put before it.
    const position = (id: string) => ids.indexOf(id);
    for (const event of digest.timeline) {
      for (const before of event.after ?? []) expect(position(before)).toBeLessThan(position(event.id));
    }
    const dated = ids.map((id) => digest.timeline.find((e) => e.id === id)?.date.date ?? '');
    for (let i = 1; i < dated.length; i++) {
      const [a, b] = [dated[i - 1] as string, dated[i] as string];
      const n = Math.min(a.length, b.length);
      expect(a.slice(0, n) <= b.slice(0, n), `${a} then ${b}`).toBe(true);
    }
    // What a sighted reader sees: the date without the screen-reader-only "about".
    const shown = await page.$$eval('.tw-reader-event time', (times) =>
      times.map((t) => ({
        date: t.getAttribute('datetime') ?? '',
        text: [...t.childNodes]
          .filter((n) => !(n instanceof Element && n.classList.contains('tw-reader-sr')))
          .map((n) => n.textContent)
          .join(''),
      })),
    );
    for (const { date, text } of shown) {
      const event = digest.timeline.find((e) => e.date.date === date);
      expect(text.startsWith('~')).toBe(event?.date.approximate === true);
      // A year-only date shows no month and says the date is not given; a month-only date shows no day.
      if (date.length === 4) expect(text.replace(/^~/, '')).toBe(`${date}, date not given`);
      if (date.length === 7) expect(text).not.toMatch(/\b\d{1,2},? \d{4}|\d{4}, date not given/);
    }
    await page.screenshot({ path: screenshotPath('reader-timeline'), fullPage: true });

    await page.selectOption('select', 'security');
    expect(new URL(page.url()).hash).toBe('#view=timeline&topic=security');
    const securityEvents = await page.$$eval('.tw-reader-event', (items) => items.map((li) => li.dataset.eventId));
    expect(securityEvents).toEqual(['cncert-report']);
    await page.click('.tw-reader-event a[href="#entry=cncert"]');
    expect(await shownEntryId(page)).toBe('cncert');
  });

  it('shows every briefing section with a source badge on every statement', async () => {
    await openReader(page, '#view=briefing');
    expect(await page.locator('[data-briefing-id]').count()).toBe(digest.briefing.length);
    const paragraphs = page.locator('[data-briefing-id] p');
    expect(await paragraphs.count()).toBe(digest.briefing.flatMap((s) => s.paragraphs).length);
    const unbadged = await paragraphs.evaluateAll((ps) => ps.filter((p) => !p.querySelector('.tw-badge')).length);
    expect(unbadged).toBe(0);
    await page.screenshot({ path: screenshotPath('reader-briefing'), fullPage: true });
  });

  it('shows every dispute with each side and its sources', async () => {
    await openReader(page, '#view=disputes');
    const sides = await page.$$eval('.tw-reader-dispute', (sections) =>
      sections.map((s) =>
        [...s.querySelectorAll('.tw-reader-sides > li')].map((li) => li.querySelectorAll('.tw-badge').length),
      ),
    );
    expect(sides).toEqual(digest.disputes.map((d) => d.sides.map((side) => side.sources.length)));
    await page.screenshot({ path: screenshotPath('reader-disputes'), fullPage: true });
  });

  it('shows the sources with what they contribute and the entries that cite them', async () => {
    await openReader(page, '#view=sources');
    for (const source of digest.sources) {
      const article = page.locator(`[data-source-id="${source.id}"]`);
      expect(await article.locator('h2').textContent()).toBe(source.outlet);
      expect(await article.textContent()).toContain(source.contributes);
      // Worked out here without the lookup the page uses: an entry cites the source when its own
      // JSON names it, or when an event or dispute it belongs to does.
      const names = (x: unknown) => JSON.stringify(x).includes(`"${source.id}"`);
      const citing = digest.entries
        .filter(
          (e) =>
            names(e) ||
            digest.timeline.some((ev) => ev.entries.includes(e.id) && names(ev.sources)) ||
            digest.disputes.some((d) => d.entries.includes(e.id) && names(d.sides)),
        )
        .map((e) => `#entry=${e.id}`);
      const links = await article
        .locator('.tw-reader-links a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect([...links].sort()).toEqual([...citing].sort());
    }
    // And by hand: the opinion piece is cited for Jensen Huang and Huawei, never for Xi Jinping.
    const opinion = await page
      .locator('[data-source-id="opinion-2025"] .tw-reader-links a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(opinion).toEqual(expect.arrayContaining(['#entry=jensen-huang', '#entry=huawei']));
    expect(opinion).not.toContain('#entry=xi-jinping');
    await page.screenshot({ path: screenshotPath('reader-sources'), fullPage: true });
  });
});

describe('layout', () => {
  it('fits a 360 px window without sideways scrolling', async () => {
    const narrow = await browser.context.newPage();
    await narrow.setViewportSize({ width: 360, height: 740 });
    for (const hash of ['#q=huawei', '#entry=jensen-huang', '#view=timeline', '#view=disputes', '#view=sources']) {
      await openReader(narrow, hash);
      const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, hash).toBeLessThanOrEqual(0);
    }
    await openReader(narrow, '#q=huawei');
    await narrow.screenshot({ path: screenshotPath('reader-search-360') });
    await openReader(narrow, '#entry=jensen-huang');
    await narrow.screenshot({ path: screenshotPath('reader-entry-360') });
    await narrow.close();
  });

  it('prints the content without the navigation', async () => {
    await openReader(page, '#entry=huawei');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.tw-reader-nav')).toBe(false);
    expect(await page.isVisible('.tw-reader-summary')).toBe(true);
    await page.screenshot({ path: screenshotPath('reader-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('accessibility', () => {
  const screens = ['#q=huawei', '#q=Samsung', '#entry=jensen-huang', ...VIEWS.slice(1).map((v) => `#view=${v}`)];

  it.each(screens)('has no axe violations in light mode: %s', async (hash) => {
    await openReader(page, hash);
    expect(await axeViolations(page)).toEqual([]);
  });

  describe('dark', () => {
    let dark: ExtensionBrowser;
    let darkPage: Page;

    beforeAll(async () => {
      dark = await launchWithExtension({ colorScheme: 'dark' });
      darkPage = await dark.context.newPage();
    });

    afterAll(async () => {
      await dark?.close();
    });

    it.each(screens)('has no axe violations in dark mode: %s', async (hash) => {
      await darkPage.goto(`chrome-extension://${dark.extensionId}/src/reader/index.html${hash}`);
      await darkPage.waitForSelector('#tw-reader-heading');
      expect(await axeViolations(darkPage)).toEqual([]);
      const name = hash.replace(/[#=%]/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
      await darkPage.screenshot({ path: screenshotPath(`reader-dark-${name}`), fullPage: true });
    });
  });
});
