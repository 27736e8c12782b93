// The options page against the production build in Chromium: every setting saves and applies
// live, the slider respects storage.sync's write limit, site lists and reset work, the keyboard
// reaches everything, and axe finds nothing in light or dark.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import { axeViolations } from './support/axe';
import {
  type ExtensionBrowser,
  enabledSiteScriptIds,
  fixture,
  grantSiteAsUser,
  hasHostPermission,
  launchWithExtension,
  waitForHighlights,
} from './support/chromium';
import { screenshotPath } from './support/paths';

const ARTICLE_URL = 'https://www.reuters.com/technology/demo-chip-drive/';

let browser: ExtensionBrowser;
let options: Page;

/** Runs in the service worker, which sees storage the way every part of the extension does. */
type Chrome = {
  storage: {
    sync: {
      get(k: string): Promise<Record<string, unknown>>;
      set(v: object): Promise<void>;
      clear(): Promise<void>;
    };
    onChanged: { addListener(fn: (changes: unknown, area: string) => void): void };
  };
};

function storedSettings(): Promise<Record<string, unknown> | undefined> {
  return browser.worker.evaluate(
    async () =>
      (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings')).settings as
        | Record<string, unknown>
        | undefined,
  );
}

function storeSettings(settings: object): Promise<void> {
  return browser.worker.evaluate(
    (value) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: value }),
    settings,
  );
}

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await page.waitForSelector('.tw-options');
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.serve(ARTICLE_URL, fixture('demo-article.html'));
  // The worker counts settings writes for the slider test: storage.sync only, since the background
  // mirrors each one into storage.local for the content scripts.
  await browser.worker.evaluate(() => {
    const scope = globalThis as unknown as { chrome: Chrome; __techwarWrites: number };
    scope.__techwarWrites = 0;
    scope.chrome.storage.onChanged.addListener((_changes: unknown, area: string) => {
      if (area === 'sync') scope.__techwarWrites++;
    });
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await options?.close();
  await browser.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.clear());
  options = await openOptions();
});

describe('options page', () => {
  it('labels every setting and explains it', async () => {
    for (const text of [
      'Highlight terms',
      'Highlight style',
      'Highlight only the first mention',
      'Card delay',
      'Paused sites',
      'Sites you enabled',
      'Keyboard shortcuts',
      'Reset to defaults',
    ]) {
      expect(await options.getByText(text, { exact: true }).first().isVisible(), text).toBe(true);
    }
    const topics = options.locator('[role="switch"][data-topic-id]');
    expect(await topics.count()).toBe(digest.topics.length);
    for (const topic of digest.topics) {
      const toggle = options.locator(`[role="switch"][data-topic-id="${topic.id}"]`);
      const hint = await toggle.getAttribute('aria-describedby');
      expect(await options.locator(`#${hint}`).textContent()).toBe(topic.description);
    }
  });

  it('saves the style, first-mention and master switch', async () => {
    await options.getByLabel('Underline', { exact: true }).check();
    await options.getByRole('switch', { name: 'Highlight only the first mention' }).click();
    await options.getByRole('switch', { name: 'Highlight terms' }).click();
    await expect.poll(storedSettings).toMatchObject({
      highlightStyle: 'underline',
      firstMentionOnly: true,
      enabled: false,
    });
  });

  it('switches a topic off in an open tab, live', async () => {
    const page = await browser.open(ARTICLE_URL);
    await waitForHighlights(page);
    const toggle = options.locator('[role="switch"][data-topic-id="companies"]');
    await toggle.click();
    await page.waitForFunction(() => !CSS.highlights.has('techwar-companies'), undefined, { timeout: 2000 });
    expect(await page.evaluate(() => CSS.highlights.has('techwar-chips'))).toBe(true);
    await toggle.click();
    await page.waitForFunction(() => CSS.highlights.has('techwar-companies'), undefined, { timeout: 2000 });
    await page.close();
  });

  it('saves the card delay once the slider comes to rest, not on every step', async () => {
    const slider = options.getByLabel('Card delay');
    await slider.focus();
    await slider.press('ArrowRight');
    expect(await options.textContent('output')).toBe('400 ms');
    await expect.poll(storedSettings).toMatchObject({ hoverDelayMs: 400 });
    const writesBefore = await writes();
    // Ten steps inside one task, as a quick drag delivers them: separate key presses can arrive
    // further apart than the save delay on a busy machine.
    await slider.evaluate((el: HTMLInputElement) => {
      for (let step = 1; step <= 10; step++) {
        el.value = String(400 + 50 * step);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    expect(await options.textContent('output')).toBe('900 ms');
    await expect.poll(storedSettings).toMatchObject({ hoverDelayMs: 900 });
    await options.waitForTimeout(600);
    expect((await writes()) - writesBefore).toBe(1);
  });

  it('lists paused sites and removes one', async () => {
    await storeSettings({ version: 1, pausedSites: ['example.com', 'news.example.net'] });
    await options.waitForSelector('[data-site="example.com"]');
    await options.getByRole('button', { name: 'Remove example.com' }).click();
    await expect.poll(storedSettings).toMatchObject({ pausedSites: ['news.example.net'] });
    expect(await options.locator('[data-site="example.com"]').count()).toBe(0);
  });

  it('Remove on an enabled site gives its host permission back and unregisters its script', async () => {
    const origin = 'https://example.org';
    // Enabled the way a user enables it: the grant alone makes the background list and register it.
    await grantSiteAsUser(browser, origin);
    await options.waitForSelector(`[data-site="${origin}"]`);
    await expect.poll(() => enabledSiteScriptIds(browser)).toEqual([`techwar-site:${origin}`]);
    // Just before the click the permission is held: only the click can take it away.
    expect(await hasHostPermission(browser, `${origin}/*`)).toBe(true);
    await options.getByRole('button', { name: `Remove ${origin}` }).click();
    await expect.poll(() => hasHostPermission(browser, `${origin}/*`)).toBe(false);
    expect(await storedSettings()).toMatchObject({ enabledSites: [] });
    expect(await enabledSiteScriptIds(browser)).toEqual([]);
    expect(await options.locator(`[data-site="${origin}"]`).count()).toBe(0);
  });

  it('shows the keyboard shortcuts and how to change them', async () => {
    const shortcuts = await options.$$eval('.tw-shortcut', (rows) =>
      rows.map((r) => [r.getAttribute('data-command'), r.querySelector('kbd')?.textContent]),
    );
    expect(Object.fromEntries(shortcuts)).toMatchObject({
      'toggle-highlights': 'Alt+Shift+H',
      'next-term': 'Alt+Shift+J',
      'previous-term': 'Alt+Shift+K',
    });
    expect(await options.textContent('.tw-options')).toContain('chrome://extensions/shortcuts');
  });

  it('resets to the defaults only after confirmation', async () => {
    await storeSettings({ version: 1, enabled: false, pausedSites: ['example.com'] });
    await options.waitForSelector('[data-site="example.com"]');
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    // The safe choice takes focus; cancelling changes nothing.
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await options.keyboard.press('Enter');
    expect(await storedSettings()).toMatchObject({ enabled: false, pausedSites: ['example.com'] });
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Reset to defaults');

    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await options.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(storedSettings).toBeUndefined();
    await options.waitForSelector('text=Settings are back to their defaults.');
    expect(await options.locator('[data-site]').count()).toBe(0);
  });

  it('is operable from the keyboard', async () => {
    await options.keyboard.press('Tab');
    const first = await options.evaluate(() => document.activeElement?.getAttribute('role'));
    expect(first).toBe('switch');
    await options.keyboard.press('Space');
    await expect.poll(storedSettings).toMatchObject({ enabled: false });
    // Every control can be reached: count the tab stops up to the last button.
    const stops = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await options.keyboard.press('Tab');
      stops.add(
        await options.evaluate(() => {
          const el = document.activeElement;
          return `${el?.getAttribute('data-topic-id') ?? el?.getAttribute('type')} ${el?.textContent}`;
        }),
      );
    }
    const reached = [...stops].join('\n');
    for (const topic of digest.topics) expect(reached).toContain(`${topic.id} ${topic.label}`);
    expect(reached).toContain('range');
    expect(reached).toContain('radio');
    expect(reached).toContain('Reset to defaults');
  });

  it('looks right in light and dark, and axe finds no violations', async () => {
    await storeSettings({ version: 1, pausedSites: ['example.com'] });
    await options.waitForSelector('[data-site="example.com"]');
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.waitForSelector(`.tw-options.tw-${scheme}`);
      await options.screenshot({ path: screenshotPath(`options-${scheme}`), fullPage: true });
      expect(await axeViolations(options), scheme).toEqual([]);
    }
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(await axeViolations(options), 'confirmation').toEqual([]);
  });
});

// Firefox for Android opens the options page in a tab: at 360 px, with touch and no hover.
describe('options page on a 360 × 640 phone', () => {
  let phone: ExtensionBrowser;
  let page: Page;
  const phoneSettings = () =>
    phone.worker.evaluate(
      async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings')).settings as
          | Record<string, unknown>
          | undefined,
    );

  beforeAll(async () => {
    phone = await launchWithExtension({ phone: true, viewport: { width: 360, height: 640 } });
    await phone.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({
        settings: { version: 1, pausedSites: ['example.com', 'a-rather-long-subdomain.news.example.net'] },
      }),
    );
    page = await phone.context.newPage();
    await page.goto(`chrome-extension://${phone.extensionId}/src/options/index.html`);
    await page.waitForSelector('[data-site="example.com"]');
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('fits the width: nothing scrolls sideways and every control lies on screen, big enough to tap', async () => {
    const layout = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const controls = [...document.querySelectorAll('button, input, select, [role="switch"], a[href]')].map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') ?? el.getAttribute('data-topic-id') ?? el.textContent?.trim() ?? '';
        return {
          what: `${el.localName} ${name}`.slice(0, 60),
          left: r.left,
          right: r.right,
          width: r.width,
          height: r.height,
        };
      });
      return { vw, scrollWidth: document.documentElement.scrollWidth, controls };
    });
    expect(layout.vw).toBe(360);
    expect(layout.scrollWidth, 'page width').toBeLessThanOrEqual(layout.vw);
    expect(layout.controls.length).toBeGreaterThan(digest.topics.length);
    const off = layout.controls.filter((c) => c.left < 0 || c.right > layout.vw + 0.5).map((c) => c.what);
    expect(off, 'controls past the edge').toEqual([]);
    // WCAG 2.2's minimum target size (2.5.8): 24 × 24 CSS px. A radio or checkbox counts with its label.
    const small = layout.controls.filter((c) => !/^input /.test(c.what) && (c.width < 24 || c.height < 24));
    expect(
      small.map((c) => `${c.what} ${Math.round(c.width)}×${Math.round(c.height)}`),
      'small targets',
    ).toEqual([]);
    await page.screenshot({ path: screenshotPath('options-phone-360'), fullPage: true });
  });

  it('switches a topic, picks a highlight style and removes a paused site by tap', async () => {
    const toggle = page.locator('[role="switch"][data-topic-id="companies"]');
    await toggle.tap();
    await expect.poll(async () => (await phoneSettings())?.disabledTopics).toEqual(['companies']);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.tap();
    await expect.poll(async () => (await phoneSettings())?.disabledTopics ?? []).toEqual([]);

    // Tapped on its label text, as a thumb does: the radio itself is small. The default is "both".
    await page.locator('label.tw-style-underline').tap();
    await expect.poll(async () => (await phoneSettings())?.highlightStyle).toBe('underline');
    expect(await page.locator('input[value="underline"]').isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Remove example.com' }).tap();
    await expect
      .poll(async () => (await phoneSettings())?.pausedSites)
      .toEqual(['a-rather-long-subdomain.news.example.net']);
    expect(await page.locator('[data-site="example.com"]').count()).toBe(0);
  });
});

function writes(): Promise<number> {
  return browser.worker.evaluate(() => (globalThis as unknown as { __techwarWrites: number }).__techwarWrites);
}
