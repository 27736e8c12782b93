// Printing the eval's figures: overall, per language, per class, per entry, then every miss and
// false highlight with its context, then the real pages that got highlights.
import { context, type EvalText } from './corpus';
import { precision, recall, type Summary, type Tallies, type Tally, type TextScore } from './score';

export interface RealPageResult {
  name: string;
  terms: { entry: string; surface: string }[];
}

const pct = (x: number) => x.toFixed(3);
const line = (label: string, t: Tally) =>
  `${label.padEnd(34)} recall ${pct(recall(t))} (${t.found}/${t.mentions})  precision ${pct(precision(t))} (${t.correct}/${t.correct + t.falses})` +
  (t.traps > 0 ? `  traps lit ${t.trapsLit}/${t.traps}` : '');

function printTallies(title: string, tallies: Tallies): void {
  console.log(`\n${title}`);
  for (const [key, t] of [...tallies.byKey].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${line(key, t)}`);
}

function printMisses(scored: readonly (EvalText & { score: TextScore })[]): void {
  console.log('\nmisses');
  for (const s of scored)
    for (const m of s.score.missed) {
      const why = m.class ? ` (${m.class})` : '';
      console.log(`  ${s.id} ${m.entry}${why}: ${context(s.text, m.start, m.end)}`);
    }
}

function printFalses(scored: readonly (EvalText & { score: TextScore })[]): void {
  console.log('\nfalse highlights');
  for (const s of scored)
    for (const { highlight: h, trap } of s.score.falses) {
      const why = trap ? ` (trap ${trap.class ?? ''})` : '';
      console.log(`  ${s.id} ${h.entry}${why}: ${context(s.text, h.start, h.end)}`);
    }
}

export function printScores(scored: readonly (EvalText & { score: TextScore })[], summary: Summary): void {
  console.log(`\n[eval] ${scored.length} texts`);
  console.log(`  ${line('overall', summary.overall)}`);
  const negatives = scored.filter((s) => s.kind !== 'topic');
  const negativeLit = negatives.reduce((n, s) => n + s.score.falses.length, 0);
  console.log(`  negatives and look-alikes: ${negatives.length} texts, ${negativeLit} highlights`);
  printTallies('per language', summary.byLang);
  printTallies('per class', summary.byClass);
  printTallies('per entry', summary.byEntry);
  printMisses(scored);
  printFalses(scored);
}

export function printRealPages(pages: readonly RealPageResult[]): void {
  const lit = pages.filter((p) => p.terms.length > 0);
  const total = lit.reduce((n, p) => n + p.terms.length, 0);
  console.log(`\n[eval] real pages: ${lit.length}/${pages.length} with highlights, ${total} highlights`);
  for (const p of lit) {
    const counts = new Map<string, number>();
    for (const t of p.terms) counts.set(t.entry, (counts.get(t.entry) ?? 0) + 1);
    console.log(`  ${p.name}: ${[...counts].map(([e, n]) => `${e}×${n}`).join(', ')}`);
  }
}
