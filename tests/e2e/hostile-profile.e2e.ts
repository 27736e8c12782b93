// Hostile pages with the profile build (dist-profile: the Chrome build plus performance entries),
// for what only the extension's own accounting shows: how often it hit-tests under a pointer that
// never stops, and whether its passes over the heavy pages are sliced. No check here reads a
// duration: the suite must pass on a slow, busy machine; timings are `npm run bench`'s.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HOLD_MS } from '../../src/content/topic-highlights';
import { type ExtensionBrowser, fixture, launchWithExtension } from './support/chromium';
import { DIST_PROFILE } from './support/paths';
import {
  HOSTILE_NEWS_ORIGIN,
  installPassProbe,
  openHostile,
  openWatched,
  type ServiceWorkerWatch,
  troubleOf,
  waitForPass,
  watchServiceWorker,
} from './support/realpages';

let ext: ExtensionBrowser;
let sw: ServiceWorkerWatch;

beforeAll(async () => {
  ext = await launchWithExtension({ dist: DIST_PROFILE });
  sw = await watchServiceWorker(ext);
  await installPassProbe(ext.worker);
});

afterAll(async () => {
  await sw?.close();
  await ext?.close();
});

describe('a pointer that never stops moving', () => {
  const URL = `${HOSTILE_NEWS_ORIGIN}/hostile/pointer-storm`;
  const STORM_MS = 3_000;
  const TERMS = ['Huawei', 'Nvidia', 'DeepSeek', 'Cambricon', 'export controls', 'Xi Jinping'];
  let page: Page;
  let storm: { frames: number[]; hitTests: number[]; moves: number; coalesced: number; sent: number };
  let trouble: string[];

  /**
   * Frames and pointer moves, recorded by the page itself. Chromium aligns pointermove to frames
   * (the rest arrive as coalesced events), so a storm is a move in every frame carrying many
   * coalesced ones. A frame is stamped with performance.now() when the page's own callback runs,
   * not with the rAF timestamp: that is the frame's begin time, which on a busy machine can lie
   * before work the previous frame was still doing, and would put a hit-test in the wrong frame.
   * The page's callback, registered a frame ahead, runs before the extension's callback of the
   * same frame, so every hit-test falls after its own frame's stamp and before the next one's.
   */
  function recordFrames(): void {
    const scope = window as unknown as { __frames: number[]; __moves: number; __coalesced: number; __stop: boolean };
    scope.__frames = [];
    scope.__moves = 0;
    scope.__coalesced = 0;
    scope.__stop = false;
    document.addEventListener(
      'pointermove',
      (e) => {
        scope.__moves++;
        scope.__coalesced += e.getCoalescedEvents().length;
      },
      { capture: true, passive: true },
    );
    const tick = () => {
      if (scope.__stop) return;
      scope.__frames.push(performance.now());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    performance.clearMeasures('techwar:hit-test');
  }

  beforeAll(async () => {
    ext.serve(URL, fixture('demo-article.html'));
    const watched = await openWatched(ext, URL);
    page = watched.page;
    await waitForPass(ext.worker, URL);
    const points: { x: number; y: number }[] = [];
    for (const term of TERMS) {
      const box = await page.evaluate((t) => {
        for (const [name, hl] of CSS.highlights) {
          if (!name.startsWith('techwar-')) continue;
          for (const r of hl as unknown as Iterable<AbstractRange>) {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            const rect = live.getBoundingClientRect();
            if (live.toString() === t && rect.top > 0 && rect.bottom < innerHeight) {
              return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
            }
          }
        }
        return null;
      }, term);
      if (box) points.push(box);
    }
    expect(points.length, 'terms visible in the first screen').toBeGreaterThanOrEqual(3);
    await page.evaluate(recordFrames);
    // Playwright waits for each move to be handled (about a frame), so the storm goes straight
    // through CDP: batches of moves in flight together, far more than one per frame.
    const cdp = await ext.context.newCDPSession(page);
    const BATCH = 12;
    const until = Date.now() + STORM_MS;
    let sent = 0;
    for (let i = 0; Date.now() < until; i++) {
      const to = points[i % points.length] as { x: number; y: number };
      await Promise.all(
        Array.from({ length: BATCH }, (_, k) =>
          cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: to.x + (k % 7) - 3, y: to.y + (k % 3) - 1 }),
        ),
      );
      sent += BATCH;
    }
    await cdp.detach();
    storm = await page.evaluate((sentMoves) => {
      const scope = window as unknown as { __frames: number[]; __moves: number; __coalesced: number; __stop: boolean };
      scope.__stop = true;
      return {
        frames: scope.__frames,
        moves: scope.__moves,
        coalesced: scope.__coalesced,
        sent: sentMoves,
        hitTests: performance.getEntriesByName('techwar:hit-test').map((e) => e.startTime),
      };
    }, sent);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(500);
    trouble = troubleOf(watched.report);
    console.log(
      `[hostile-profile] pointer storm ${STORM_MS} ms: ${storm.sent} moves sent, ${storm.moves} pointermove events ` +
        `(${storm.coalesced} coalesced), ${storm.frames.length} frames, ${storm.hitTests.length} hit-tests`,
    );
  }, 30_000);

  // Whether the storm outran the frames is read from what the browser did with it (it merged
  // moves into coalesced events), not from how many frames the sending took, which a busy
  // machine changes.
  it('is a real storm: the browser merged several moves into its pointermove events', () => {
    expect(storm.moves).toBeGreaterThan(0);
    expect(storm.sent).toBeGreaterThan(storm.moves);
    expect(storm.coalesced).toBeGreaterThan(storm.moves);
  });

  it('hit-tests at most once per frame', () => {
    const { frames, hitTests } = storm;
    const first = frames[0] as number;
    const perFrame = new Map<number, number>();
    for (const t of hitTests) {
      if (t < first) continue;
      // The frame a hit-test ran in: the last frame that started at or before it.
      let lo = 0;
      let hi = frames.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((frames[mid] as number) <= t) lo = mid;
        else hi = mid - 1;
      }
      perFrame.set(lo, (perFrame.get(lo) ?? 0) + 1);
    }
    const crowded = [...perFrame].filter(([, n]) => n > 1).map(([frame, n]) => `frame ${frame}: ${n}`);
    expect(crowded).toEqual([]);
    expect(hitTests.length).toBeGreaterThan(0);
    expect(hitTests.length).toBeLessThanOrEqual(frames.length + 1);
  });

  it('raises no error', () => {
    expect(trouble).toEqual([]);
  });
});

// Whether heavy passes are sliced, judged from the extension's own accounting of its work (the
// profile build's audit in each techwar:scan measure), never from durations: work is done only
// inside the runner's slices, a bounded amount of it between two looks at the clock, and each
// slice ends when, and only when, a look at the clock says its time is up. That holds on any
// machine; what a slice costs in milliseconds is for `npm run bench`.
describe('heavy passes are split into slices', () => {
  /** The most work between two deadline checks: one 64 K chunk of text, a few hundred nodes or hits. */
  const MOST_BETWEEN_CHECKS = { nodes: 64, chars: 65_536, hits: 256, elements: 256, records: 256 };

  interface Audit {
    checks: number;
    earlyYields: number;
    workPastDeadline: number;
    workOutsideRunner: number;
    maxBetweenChecks: Record<keyof typeof MOST_BETWEEN_CHECKS, number>;
    slicesChangingHighlights: number;
  }

  it.each(['big-text-node', 'many-nodes', 'deep-nesting'])('%s', { timeout: 180_000 }, async (name) => {
    const h = await openHostile(ext, name, {}, 60_000);
    const scans = await h.page.evaluate(() =>
      performance.getEntriesByName('techwar:scan').map((e) => ({
        ...((e as PerformanceMeasure).detail as { matches: number; slices: number; audit: Audit }),
        wallMs: e.duration,
      })),
    );
    const planted = await h.page.evaluate(() =>
      Number(document.querySelector('[data-terms]')?.getAttribute('data-terms')),
    );
    console.log(`[hostile-profile] ${name}: ${JSON.stringify(scans)}`);
    expect(troubleOf(h.report)).toEqual([]);
    expect(scans.length).toBeGreaterThan(0);
    // The first measure is the full pass over the page: it found every term the fixture planted.
    expect(scans[0]?.matches).toBe(planted);
    for (const { audit, wallMs } of scans) {
      expect(audit.checks).toBeGreaterThan(0);
      // Held changes wait for the pass's end, applied after its last slice, or MAX_HOLD_MS: a slow
      // machine only makes the pass longer and the allowance larger.
      expect(audit.slicesChangingHighlights).toBeLessThanOrEqual(Math.floor(wallMs / MAX_HOLD_MS));
      expect(audit.workOutsideRunner).toBe(0);
      expect(audit.earlyYields).toBe(0);
      expect(audit.workPastDeadline).toBe(0);
      for (const [kind, most] of Object.entries(MOST_BETWEEN_CHECKS)) {
        expect(audit.maxBetweenChecks[kind as keyof typeof MOST_BETWEEN_CHECKS], kind).toBeLessThanOrEqual(most);
      }
    }
    await h.page.close();
  });
});

it('the service worker raised no error', () => {
  expect(sw.report.errors).toEqual([]);
});
