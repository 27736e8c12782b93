// The engine in Chromium: terms split across elements, open shadow roots, live updates (insert,
// remove, edit, SPA navigation), first-mention-only, and highlights re-asserted after the page
// clears them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOVER_DELAY_MS } from './support/card-cases';
import {
  type ExtensionBrowser,
  fixture,
  highlightTexts,
  launchWithExtension,
  patchSettings,
  waitForHighlights,
} from './support/chromium';
import { afterPageTimer, shownTerms, textsOf, visibleCardEntryId } from './support/page-probes';

const URL_BASE = 'https://www.ft.com/content/engine-';
let browser: ExtensionBrowser;
let page: Page;
let n = 0;

const terms = async () => textsOf(await page.evaluate(shownTerms, null));
const count = async (text: string) => (await terms()).filter((t) => t === text).length;
const waitForCount = (text: string, expected: number) =>
  expect.poll(() => count(text), { timeout: 3000 }).toBe(expected);

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await patchSettings(browser, { firstMentionOnly: false, enabled: true, disabledTopics: [], highlightStyle: 'both' });
  const url = `${URL_BASE}${n++}`;
  browser.serve(url, fixture('dynamic.html'));
  page = await browser.open(url);
  await waitForHighlights(page);
  await page.waitForFunction(() => !!CSS.highlights.get('techwar-ai')?.size);
});

describe('scanning', () => {
  it('joins text split across inline elements and <wbr>', async () => {
    const found = await terms();
    expect(found).toContain('Huawei');
    expect(found).toContain('CloudMatrix 384');
    expect(found).toContain('Jensen Huang');
  });

  it('scans open shadow roots', async () => {
    expect(await terms()).toContain('DeepSeek');
    const inShadow = await page.evaluate(() => {
      for (const r of CSS.highlights.get('techwar-ai') as unknown as Iterable<AbstractRange>) {
        if (r.startContainer.getRootNode() instanceof ShadowRoot) return true;
      }
      return false;
    });
    expect(inShadow).toBe(true);
  });
});

describe('live updates', () => {
  it('highlights an inserted paragraph', async () => {
    expect(await count('Tencent')).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: Tencent joins the push.';
      document.getElementById('story')?.append(p);
    });
    await waitForCount('Tencent', 1);
  });

  it('drops the ranges of a removed paragraph', async () => {
    expect(await count('Cambricon')).toBe(1);
    await page.evaluate(() => document.getElementById('remove')?.remove());
    await waitForCount('Cambricon', 0);
  });

  it('follows a text edit', async () => {
    expect(await count('Nvidia')).toBe(1);
    await page.evaluate(() => {
      const text = document.getElementById('edit')?.firstChild as Text;
      text.data = 'This paragraph now mentions Alibaba instead.';
    });
    await waitForCount('Alibaba', 1);
    await waitForCount('Nvidia', 0);
  });

  it('rescans after an SPA navigation', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', `${location.pathname}/next`);
      const story = document.getElementById('story') as HTMLElement;
      story.replaceChildren();
      const p = document.createElement('p');
      p.textContent = 'A new story about Xi Jinping and MetaX.';
      story.append(p);
    });
    await waitForCount('MetaX', 1);
    await waitForCount('Huawei', 0);
    expect(await count('Xi Jinping')).toBe(1);
  });
});

describe('an SPA navigation that keeps part of the page', () => {
  // The old highlights give way to the new in one frame: a term the page keeps (a masthead) is never
  // unregistered while the new story is scanned, in slices over many frames.
  it('keeps the terms that stay highlighted in every frame of the rescan', async () => {
    await page.evaluate(() => {
      const masthead = document.createElement('p');
      masthead.id = 'masthead';
      masthead.textContent = 'The Cambricon desk';
      document.getElementById('app')?.prepend(masthead);
    });
    await waitForCount('Cambricon', 2);
    const frames = await page.evaluate(async () => {
      const shown = (text: Node | null | undefined) => {
        for (const [name, hl] of CSS.highlights) {
          if (!name.startsWith('techwar-')) continue;
          for (const r of hl as unknown as Iterable<AbstractRange>) if (r.startContainer === text) return true;
        }
        return false;
      };
      const mastheadShown = () => shown(document.getElementById('masthead')?.firstChild);
      let seen = 0;
      let blank = 0;
      let stop = false;
      const onFrame = () => {
        seen++;
        if (!mastheadShown()) blank++;
        if (!stop) requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      await new Promise((r) => requestAnimationFrame(r));
      history.pushState({}, '', `${location.pathname}/next`);
      const story = document.getElementById('story') as HTMLElement;
      const p = document.createElement('p');
      p.textContent = 'A new story about MetaX.';
      // Enough text for a pass of many slices, over many frames.
      const filler = Array.from({ length: 3000 }, (_, i) => {
        const f = document.createElement('p');
        f.textContent = `Paragraph ${i} of a long report on supply chains, tariffs and factory output in the region.`;
        return f;
      });
      story.replaceChildren(p, ...filler);
      const found = () => shown(p.firstChild);
      const deadline = performance.now() + 20_000;
      while (!found() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // A few frames after the new story's highlights came.
      for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r));
      stop = true;
      return { seen, blank };
    });
    await waitForCount('MetaX', 1);
    expect(frames.seen).toBeGreaterThan(5);
    expect(frames.blank).toBe(0);
  });
});

describe('a history entry that keeps the address', () => {
  // The phone sheet pushes one so Back closes it: no page changed, so nothing is scanned again.
  it('keeps the ranges it has instead of scanning the whole page again', async () => {
    await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('techwar-companies') ?? [])];
      (window as unknown as { kept: AbstractRange[] }).kept = ranges;
      history.pushState({ sheet: true }, '', location.href);
    });
    // A change after the push: once it is highlighted, any pass the push queued has run.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: Tencent joins the push.';
      document.getElementById('story')?.append(p);
    });
    await waitForCount('Tencent', 1);
    const stillThere = await page.evaluate(() => {
      const now = CSS.highlights.get('techwar-companies');
      const kept = (window as unknown as { kept: AbstractRange[] }).kept;
      return kept.length > 0 && kept.every((r) => now?.has(r));
    });
    expect(stillThere).toBe(true);
  });
});

describe('an SPA routing through the Navigation API', () => {
  // The address changes at once, the first DOM change follows before the handler's await, and
  // navigatesuccess comes last: the rescan of the changed block meets a new URL.
  it('keeps highlighting after an async intercept handler renders the next page', async () => {
    const url = `${URL_BASE}spa-${n++}`;
    browser.serve(url, fixture('spa-navigation.html'));
    page = await browser.open(url);
    await waitForCount('Huawei', 1);
    await page.evaluate(async () => {
      const nav = (window as unknown as { navigation: { navigate(u: string): { finished: Promise<unknown> } } })
        .navigation;
      await nav.navigate(`${location.pathname}/next`).finished;
    });
    expect(await page.evaluate(() => location.pathname.endsWith('/next'))).toBe(true);
    await waitForCount('MetaX', 1);
    await waitForCount('Huawei', 0);
    expect(await count('Xi Jinping')).toBe(1);
    // Later changes are still followed.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late news: Tencent joins the push.';
      document.getElementById('story')?.append(p);
    });
    await waitForCount('Tencent', 1);
  });
});

describe('settings', () => {
  it('highlights only the first mention of each entry when asked, and a later one opens no card', async () => {
    const before = (await page.evaluate(shownTerms, null)).filter((t) => t.text === 'Huawei');
    expect(before).toHaveLength(4);
    await patchSettings(browser, { firstMentionOnly: true });
    await waitForCount('Huawei', 1);
    const texts = await terms();
    expect(new Set(texts).size).toBe(texts.length);
    // The one left is the first in document order (not any other), and it alone opens the card.
    const kept = (await page.evaluate(shownTerms, null)).filter((t) => t.text === 'Huawei');
    expect(kept.map((t) => t.box)).toEqual([before[0]?.box]);
    const hidden = before[3]?.box;
    if (!hidden) throw new Error('the last Huawei drew no box');
    await page.mouse.move(hidden.left + 3, (hidden.top + hidden.bottom) / 2);
    await page.evaluate(afterPageTimer, HOVER_DELAY_MS + 50);
    expect(await page.evaluate(visibleCardEntryId)).toBeNull();
    const shown = before[0]?.box;
    if (!shown) throw new Error('the first Huawei drew no box');
    await page.mouse.move(shown.left + 3, (shown.top + shown.bottom) / 2);
    await page.waitForFunction(visibleCardEntryId, undefined, { timeout: 3000 });
    expect(await page.evaluate(visibleCardEntryId)).toBe('huawei');
    await page.mouse.move(2, 2);
    await patchSettings(browser, { firstMentionOnly: false });
    await waitForCount('Huawei', 4);
  });

  it('removes every highlight with the master switch and restores them', async () => {
    await patchSettings(browser, { enabled: false });
    await page.waitForFunction(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('techwar-')));
    await patchSettings(browser, { enabled: true });
    await waitForHighlights(page);
    expect(await count('Huawei')).toBe(4);
  });
});

describe('a page that fights back', () => {
  it('re-asserts highlights after the page clears the registry', async () => {
    const before = Object.keys(await highlightTexts(page)).sort();
    await page.evaluate(() => CSS.highlights.clear());
    await page.waitForFunction(
      (n) => [...CSS.highlights.keys()].filter((k) => k.startsWith('techwar-')).length === n,
      before.length,
      {
        timeout: 3000,
      },
    );
    expect(Object.keys(await highlightTexts(page)).sort()).toEqual(before);
  });
});

describe('highlight style', () => {
  const tint = () =>
    page.evaluate(
      () =>
        getComputedStyle(document.getElementById('edit') as Element, '::highlight(techwar-companies)').backgroundColor,
    );
  const line = () =>
    page.evaluate(
      () =>
        getComputedStyle(document.getElementById('edit') as Element, '::highlight(techwar-companies)')
          .textDecorationLine,
    );

  it('draws underline and tint by default, and follows the reader’s choice live', async () => {
    expect(await tint()).not.toBe('rgba(0, 0, 0, 0)');
    expect(await line()).toBe('underline');
    await patchSettings(browser, { highlightStyle: 'underline' });
    await page.waitForFunction(
      () =>
        getComputedStyle(document.getElementById('edit') as Element, '::highlight(techwar-companies)')
          .backgroundColor === 'rgba(0, 0, 0, 0)',
    );
    expect(await line()).toBe('underline');
    await patchSettings(browser, { highlightStyle: 'background' });
    await page.waitForFunction(
      () =>
        getComputedStyle(document.getElementById('edit') as Element, '::highlight(techwar-companies)')
          .textDecorationLine === 'none',
    );
    expect(await tint()).not.toBe('rgba(0, 0, 0, 0)');
    await patchSettings(browser, { highlightStyle: 'both' });
  });
});
