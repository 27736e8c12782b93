// `npm run eval`: the production build (default settings) on every fetched evaluation text and every
// saved real page, scored per tests/eval/README.md. Prints the figures and every miss and false
// highlight; writes eval-results.json. See tests/eval/README.md.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ExtensionBrowser, launchWithExtension } from '../e2e/support/chromium';
import { REPO } from '../e2e/support/paths';
import { installPassProbe, listRealPages, realPageHtml, waitForPass } from '../e2e/support/realpages';
import { type EvalText, loadTexts, readIndex, SHARED_DIR, TEXTS_DIR, textPage } from './corpus';
import { type PageTerm, readTerms } from './read-page';
import { printRealPages, printScores, type RealPageResult } from './report';
import { type Highlight, scoreText, summarise } from './score';

/** On the content script's list of hosts. */
const NEWS_HOST = 'www.restofworld.org';
const PASS_TIMEOUT_MS = 20_000;

async function loadAndRead(ext: ExtensionBrowser, url: string, html: string): Promise<PageTerm[]> {
  ext.serve(url, html);
  const page = await ext.open(url);
  try {
    await waitForPass(ext.worker, url, 0, PASS_TIMEOUT_MS);
    return await readTerms(ext, page);
  } finally {
    await page.close();
  }
}

async function evalTexts(ext: ExtensionBrowser, texts: readonly EvalText[]) {
  const scored = [];
  for (const t of texts) {
    const terms = await loadAndRead(ext, `https://${NEWS_HOST}/eval/${t.id}`, textPage(t));
    const highlights: Highlight[] = terms.map(({ start, end, entry, surface }) => ({ start, end, entry, surface }));
    scored.push({ ...t, highlights, score: scoreText(t.annotation, highlights) });
  }
  return scored;
}

async function evalRealPages(ext: ExtensionBrowser): Promise<RealPageResult[] | undefined> {
  const pages = listRealPages();
  if (!pages) return undefined;
  const results: RealPageResult[] = [];
  for (const p of pages) {
    const terms = await loadAndRead(ext, `https://${NEWS_HOST}/realpages/${p.name}`, realPageHtml(p));
    results.push({ name: p.name, terms: terms.map(({ entry, surface }) => ({ entry, surface })) });
  }
  return results;
}

async function main(): Promise<void> {
  const index = readIndex();
  if (!index) {
    console.log(
      `[eval] skipped: ${resolve(SHARED_DIR, 'eval/INDEX.tsv')} is not on this machine (set TECHWAR_SHARED).`,
    );
    return;
  }
  const { texts, skipped } = loadTexts(index);
  if (texts.length === 0) console.log(`[eval] no fetched and annotated texts in ${TEXTS_DIR}: texts skipped.`);
  for (const s of skipped) console.log(`[eval] left out ${s.id}: ${s.why}`);
  const ext = await launchWithExtension();
  try {
    await installPassProbe(ext.worker);
    const scored = await evalTexts(ext, texts);
    const summary = summarise(scored);
    printScores(scored, summary);
    const realPages = await evalRealPages(ext);
    if (realPages) printRealPages(realPages);
    else console.log('[eval] real pages skipped: ../shared/realpages is not on this machine.');
    const results = {
      skipped,
      summary: {
        overall: summary.overall,
        byLang: Object.fromEntries(summary.byLang.byKey),
        byClass: Object.fromEntries(summary.byClass.byKey),
        byEntry: Object.fromEntries(summary.byEntry.byKey),
      },
      texts: scored.map(({ id, lang, kind, highlights, score }) => ({ id, lang, kind, highlights, ...score })),
      realPages,
    };
    writeFileSync(resolve(REPO, 'eval-results.json'), `${JSON.stringify(results, null, 1)}\n`);
  } finally {
    await ext.close();
  }
}

await main();
