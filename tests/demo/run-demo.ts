// `npm run demo`: the built extension in Chromium on the bundled demo article. With a display the
// window stays open for you; without one it hovers a few terms and writes screenshots and a
// report to demo-output/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { digest } from '../../src/digest';
import {
  cardEntryId,
  fixture,
  highlightTexts,
  launchWithExtension,
  pointOfTerm,
  waitForHighlights,
} from '../e2e/support/chromium';
import { noVisibleCard, visibleCardEntryId } from '../e2e/support/page-probes';
import { REPO } from '../e2e/support/paths';

const DEMO_URL = 'https://www.reuters.com/technology/techwar-lens-demo-article/';
const HOVER_TERMS = ['CloudMatrix 384', 'Jensen Huang', 'unreliable entity list', 'DeepSeek'];
const OUT = resolve(REPO, 'demo-output');

const headed = !!process.env.DISPLAY && !process.env.CI;
const browser = await launchWithExtension({ headed });
browser.serve(DEMO_URL, fixture('demo-article.html'));
const page = await browser.open(DEMO_URL);
await waitForHighlights(page);

if (headed) {
  console.log('TechWar Lens demo is open: hover a highlighted term. Close the window to finish.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
} else {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: resolve(OUT, '01-article.png') });
  const lines: string[] = ['TechWar Lens demo report', `page: ${DEMO_URL} (bundled demo article)`, ''];

  const texts = await highlightTexts(page);
  lines.push('Terms found per topic:');
  for (const topic of digest.topics) {
    const found = texts[`techwar-${topic.id}`] ?? [];
    const distinct = [...new Set(found)];
    lines.push(`  ${topic.label}: ${found.length} mention(s)${distinct.length ? ` — ${distinct.join(', ')}` : ''}`);
  }
  lines.push('', 'Cards shown on hover:');
  let shot = 2;
  for (const term of HOVER_TERMS) {
    const { x, y } = await pointOfTerm(page, term);
    await page.mouse.move(x, y);
    await page.waitForFunction(visibleCardEntryId, undefined, { timeout: 5000 });
    const id = await cardEntryId(page);
    await page.waitForTimeout(300); // let the fade-in finish
    const name = `${String(shot++).padStart(2, '0')}-card-${(id ?? 'none').replace(/[^a-z0-9-]/g, '')}.png`;
    await page.screenshot({ path: resolve(OUT, name) });
    lines.push(`  "${term}" → ${id} (${digest.entries.find((e) => e.id === id)?.name ?? '?'}), ${name}`);
    await page.mouse.move(2, 2);
    await page.waitForFunction(noVisibleCard, undefined, { timeout: 5000 });
  }
  const report = `${lines.join('\n')}\n`;
  writeFileSync(resolve(OUT, 'report.txt'), report);
  console.log(report);
  console.log(`Screenshots and report in ${OUT}`);
  await browser.close();
}
