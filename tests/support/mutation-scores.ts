// Prints the mutation score of each folder Stryker mutates, from its JSON report, and fails when one
// is under the bar or missing from the report (Stryker's own break threshold applies only to the total).
import { readFileSync } from 'node:fs';
import { folderScores, formatRow, type MutationReport, patternFolder } from '../tools/mutation-folders';

const REPORT = 'reports/mutation/mutation.json';
// A specifier held in a variable: the config is plain JS that TypeScript has no types for.
const CONFIG = '../../stryker.config.mjs';
const { default: strykerConfig } = (await import(CONFIG)) as { default: { mutate: string[] } };

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const expected = [...new Set(strykerConfig.mutate.map(patternFolder))];
const rows = folderScores(report, expected);
for (const row of rows) console.log(formatRow(row));
if (rows.some((row) => !row.passes)) process.exitCode = 1;
