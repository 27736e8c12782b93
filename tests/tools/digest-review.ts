// npm run digest:review — every cited claim in the digest beside the seed paragraphs it points to,
// written to reports/digest-review.html (git-ignored), or printed as plain text with --text.
//
// A seed's paragraphs are its non-empty lines, numbered from 1 in file order (blank lines do not
// count); `evidence: { "<source id>": [n, …] }` on a claim points at those numbers. The seeds are
// read at run time from ../shared/seeds and never written into the repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Claim, digestClaims } from '../../src/digest/claims';
import { seedParagraphs } from '../../src/digest/paragraphs';
import type { Digest, Source } from '../../src/digest/schema';
import { formatDigestErrors, validateDigest } from '../../src/digest/validate';
import { findSeedsDir } from './seeds-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT_FILE = path.join(ROOT, 'reports', 'digest-review.html');

/** Words that carry doubt or attribution; a claim should keep the force of those in its evidence. */
const HEDGES = [
  'may',
  'might',
  'can',
  'could',
  'would',
  'seem',
  'seems',
  'claimed',
  'claims',
  'reportedly',
  'likely',
  'bound to',
  'according to',
  'appears',
  'possible',
];
const HEDGE_RE = new RegExp(`\\b(${HEDGES.map((h) => h.replace(' ', '\\s+')).join('|')})\\b`, 'gi');

interface Pointer {
  source: Source;
  paragraph: number;
  text: string | undefined;
}

interface Reviewed {
  claim: Claim;
  pointers: Pointer[];
  /** Hedge words in the evidence that the claim's text does not use. */
  hedgesOnlyInEvidence: string[];
}

function hedgesIn(text: string): Set<string> {
  return new Set([...text.matchAll(HEDGE_RE)].map((m) => (m[1] as string).toLowerCase().replace(/\s+/g, ' ')));
}

function review(digest: Digest, seeds: ReadonlyMap<string, string[]>): Reviewed[] {
  const sources = new Map(digest.sources.map((s) => [s.id, s]));
  return digestClaims(digest).map((claim) => {
    const pointers = Object.entries(claim.evidence).flatMap(([id, paragraphs]) => {
      const source = sources.get(id) as Source;
      return paragraphs.map((n) => ({ source, paragraph: n, text: seeds.get(id)?.[n - 1] }));
    });
    const inClaim = hedgesIn(claim.text);
    const inEvidence = hedgesIn(pointers.map((p) => p.text ?? '').join(' '));
    return { claim, pointers, hedgesOnlyInEvidence: [...inEvidence].filter((h) => !inClaim.has(h)) };
  });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const markHedges = (s: string) => escapeHtml(s).replace(HEDGE_RE, '<mark>$1</mark>');

function pointerHtml(p: Pointer): string {
  const body = p.text === undefined ? '<strong class="missing">no such paragraph</strong>' : markHedges(p.text);
  return `<li><span class="where">${escapeHtml(p.source.short)} ¶${p.paragraph}</span> ${body}</li>`;
}

function claimHtml(r: Reviewed, index: number): string {
  const { claim } = r;
  const label = claim.label ? ` <span class="label">${escapeHtml(claim.label)}</span>` : '';
  const warn =
    r.hedgesOnlyInEvidence.length > 0
      ? `<p class="warn">Evidence hedges the claim does not use: ${escapeHtml(r.hedgesOnlyInEvidence.join(', '))}</p>`
      : '';
  const pointers =
    r.pointers.length > 0
      ? `<ul>${r.pointers.map(pointerHtml).join('')}</ul>`
      : '<p class="none">No seed evidence (background).</p>';
  return `<section id="c${index + 1}"><h2>${index + 1}. ${escapeHtml(claim.path)} <small>${claim.kind}</small>${label}</h2>
<p class="claim">${markHedges(claim.text)}</p>${warn}${pointers}</section>`;
}

function html(reviewed: readonly Reviewed[]): string {
  const pointers = reviewed.reduce((n, r) => n + r.pointers.length, 0);
  const warned = reviewed.filter((r) => r.hedgesOnlyInEvidence.length > 0).length;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Digest review</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
section{border-top:1px solid #ccc;padding:.5rem 0}h2{font-size:1rem;margin:.2rem 0}small,.where{color:#555}
.claim{font-weight:600}.label{background:#eee;padding:0 .3rem;border-radius:3px;font-size:.85rem}
mark{background:#ffe08a}.warn{color:#8a4b00}.missing{color:#b00}ul{margin:.2rem 0}</style>
<h1>Digest review</h1>
<p>${reviewed.length} claims, ${pointers} evidence pointers, ${warned} with hedges only in the evidence.
Paragraph numbers count a seed's non-empty lines from 1. Hedge words are marked.</p>
${reviewed.map(claimHtml).join('\n')}</html>\n`;
}

function text(reviewed: readonly Reviewed[]): string {
  return reviewed
    .map((r, i) => {
      const head = `${i + 1}. ${r.claim.path}${r.claim.label ? ` [${r.claim.label}]` : ''}\n   ${r.claim.text}`;
      const warn = r.hedgesOnlyInEvidence.length > 0 ? `\n   ! hedges only in evidence: ${r.hedgesOnlyInEvidence}` : '';
      const lines = r.pointers.map((p) => `   - ${p.source.short} ¶${p.paragraph}: ${p.text ?? '(no such paragraph)'}`);
      return [head + warn, ...lines].join('\n');
    })
    .join('\n\n');
}

function main(): void {
  const result = validateDigest(JSON.parse(readFileSync(path.join(ROOT, 'src/digest/digest.json'), 'utf8')));
  if (!result.ok) {
    console.error(formatDigestErrors(result.errors));
    process.exit(1);
  }
  const seedsDir = findSeedsDir(ROOT);
  const seeds = new Map(
    result.digest.sources.map((s) => [s.id, seedParagraphs(readFileSync(path.join(seedsDir, s.file), 'utf8'))]),
  );
  const reviewed = review(result.digest, seeds);
  if (process.argv.includes('--text')) {
    process.stdout.write(`${text(reviewed)}\n`);
    return;
  }
  mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, html(reviewed));
  console.log(`Wrote ${reviewed.length} claims to ${path.relative(ROOT, OUT_FILE)}`);
}

main();
