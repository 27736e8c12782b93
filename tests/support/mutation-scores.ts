// Prints the mutation score of each mutated folder from Stryker's JSON report and fails when one is
// under the bar (Stryker's own break threshold applies only to the total).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPORT = 'reports/mutation/mutation.json';
const MIN_SCORE = 85;
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const folders = new Map<string, { detected: number; counted: number }>();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const folder = path.dirname(file);
  const tally = folders.get(folder) ?? { detected: 0, counted: 0 };
  for (const { status } of mutants) {
    if (COUNTED.has(status)) tally.counted++;
    if (DETECTED.has(status)) tally.detected++;
  }
  folders.set(folder, tally);
}

let failed = false;
for (const [folder, { detected, counted }] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  const score = counted === 0 ? 100 : (100 * detected) / counted;
  const low = score < MIN_SCORE;
  failed ||= low;
  console.log(
    `${folder.padEnd(16)} ${score.toFixed(1).padStart(5)} %  (${detected}/${counted} mutants detected)${low ? `  under ${MIN_SCORE} %` : ''}`,
  );
}
if (failed) process.exitCode = 1;
