// Every saved real news page in ../shared/realpages in Firefox ESR, judged as realpages.e2e.ts
// judges them in Chromium (the same hosts, DOM snapshot, noise-aware comparison and second load):
// the Firefox build's scan pass finished, no error from the extension, and the DOM equal to the
// same page loaded where the content script does not run. One browser session serves all pages;
// a launch costs ~10-25 s on this machine.
//
// What Firefox's remote protocol (WebDriver BiDi, through puppeteer-core) cannot do that
// Chromium's CDP can, and what stands in for it:
// - It cannot reach the background page, so the "pass finished" signal (the content script's page
//   summary) is heard in one of our own pages, the reader, where Firefox delivers it too; and the
//   background's own errors are not watched here (Chromium's suite watches its service worker).
// - It cannot evaluate in the content script's sandbox or name its execution contexts, so errors
//   are attributed by the moz-extension:// frames of their stack; a rejected promise whose error
//   has no stack names no file and goes unseen (Chromium attributes those by context).
// - It cannot intercept at the browser level, so each tab refuses other requests itself.
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './support/chromium';
import {
  type FirefoxPassProbe,
  type FirefoxWithExtension,
  launchFirefox,
  openPassProbe,
  watchExtensionErrors,
} from './support/firefox';
import { FIXTURES } from './support/paths';
import {
  REALPAGE_BASE_HOST as BASE_HOST,
  DOM_QUIET,
  domSnapshot,
  expectUnharmed,
  judgeDom,
  judgeRealPage,
  listRealPages,
  REALPAGE_NEWS_HOST as NEWS_HOST,
  noteRealPagesAbsent,
  type RealPage,
  type RealPageOutcome,
  realPageLoads,
  realPagesSummary,
  snapshotLines,
  topicRangeCount,
  untilDomQuiet,
  realPageUrl as urlOf,
  waitForRecordedPass,
} from './support/realpages';

const PAGES = listRealPages();
const PAGE_TIMEOUT_MS = 60_000;
const PASS_TIMEOUT_MS = 20_000;
/** A second add-on whose content script fails on purpose, to prove the error watch sees sandboxes. */
const CANARY_DIR = resolve(FIXTURES, 'firefox-canary');
const CANARY_ID = 'canary@techwar-lens.test';
const CANARY_ORIGIN = 'moz-extension://5e1f0c3a-7d2b-4c1e-9a6f-0b8d2e4c6a10';
const CANARY_URL = 'https://www.canary-host.test/realpages/harness-self-check';

describe.skipIf(!PAGES)('real news pages in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let probe: FirefoxPassProbe;
  const results: RealPageOutcome[] = [];
  let startedAt = 0;

  beforeAll(async () => {
    startedAt = performance.now();
    // The canary's host is fixed, so the watch can be told which origin is the canary's.
    firefox = await launchFirefox(undefined, {
      'extensions.webextensions.uuids': JSON.stringify({ [CANARY_ID]: CANARY_ORIGIN.split('//')[1] }),
    });
    probe = await openPassProbe(firefox);
  }, 120_000);

  afterAll(async () => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(realPagesSummary('firefox-realpages', results, PAGES?.length ?? 0, seconds));
    await firefox?.close();
  });

  /**
   * Loads `url` watched for the extension's errors, waits for `settle` and then for its DOM to go
   * quiet (as in Chromium's suite), and snapshots it.
   */
  async function load(url: string, html: string, origin: string, settle: (page: Page) => Promise<unknown>) {
    let report: ReturnType<typeof watchExtensionErrors> | undefined;
    const page = await firefox.open(url, html, {
      prepare: (p) => {
        report = watchExtensionErrors(p, origin);
      },
      waitUntil: 'domcontentloaded',
    });
    try {
      await settle(page);
      await page.evaluate(untilDomQuiet, DOM_QUIET);
      return {
        dom: await page.evaluate(domSnapshot),
        highlights: await page.evaluate(topicRangeCount),
        report: report as ReturnType<typeof watchExtensionErrors>,
      };
    } finally {
      await page.close();
    }
  }

  /** The page at `url` where the content script does not run, `settleMs` after its load. */
  async function baseline(url: string, html: string, settleMs: number): Promise<string[]> {
    const { dom } = await load(url, html, probe.extensionOrigin, (page) =>
      // The page's own timers get the time the extension's pass took, as in Chromium's suite.
      page.evaluate((ms) => new Promise((done) => setTimeout(done, ms)), settleMs),
    );
    return snapshotLines(dom, BASE_HOST);
  }

  // Self-checks: a detector that cannot fail proves nothing.
  describe('harness', () => {
    it("sees errors and caught failures from an add-on's content script", async () => {
      await firefox.browser.installExtension(CANARY_DIR);
      try {
        const { report } = await load(CANARY_URL, fixture('demo-article.html'), CANARY_ORIGIN, (page) =>
          page.waitForFunction(() => document.documentElement.dataset.canary === 'done', { timeout: 15_000 }),
        );
        // The uncaught error is thrown from a timer after the marker: wait for it, not for time.
        await expect.poll(() => report.errors.join('\n')).toContain('harness canary');
        expect(report.errors.join('\n')).toContain('canary log');
        expect(report.caught.join('\n')).toContain('canary caught');
      } finally {
        await firefox.browser.uninstallExtension(CANARY_ID);
      }
    });

    it('notices a text node split in the page DOM', async () => {
      const url = urlOf(BASE_HOST, 'harness-self-check');
      const html = fixture('demo-article.html');
      const { dom } = await load(url, html, probe.extensionOrigin, (page) =>
        page.evaluate(() => {
          const text = document.querySelector('article p')?.firstChild;
          if (text instanceof Text) text.splitText(3);
          else throw new Error('the fixture has no paragraph text to split');
        }),
      );
      const verdict = await judgeDom(snapshotLines(dom, BASE_HOST), () => baseline(url, html, 0), 2);
      expect(verdict.unexplained.length).toBeGreaterThan(0);
    });
  });

  it.each(PAGES ?? [])('$name', { timeout: PAGE_TIMEOUT_MS }, async (p: RealPage) => {
    const { html, ours, base } = realPageLoads(p);

    const outcome = await judgeRealPage(p.name, async () => {
      // Passes already reported for this URL (by a first load) must not count for this one.
      const seen = (await probe.passesFor(ours)).length;
      let settleMs = 0;
      const loaded = await load(ours, html, probe.extensionOrigin, async () => {
        const loadedAt = performance.now();
        await waitForRecordedPass(() => probe.passesFor(ours), ours, seen, PASS_TIMEOUT_MS);
        settleMs = Math.round(performance.now() - loadedAt);
      });
      const verdict = await judgeDom(snapshotLines(loaded.dom, NEWS_HOST), () => baseline(base, html, settleMs));
      return {
        verdict,
        highlights: loaded.highlights,
        errors: () => [...loaded.report.errors, ...loaded.report.caught],
      };
    });
    results.push(outcome);

    expectUnharmed(p, outcome);
  });
});

if (!PAGES) noteRealPagesAbsent('real news pages in Firefox');
