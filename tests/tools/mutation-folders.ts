// The per-folder mutation scores of a Stryker JSON report, and which folders miss the bar. Pure, so
// tests/unit/tools can hold the gate itself to its promise (a folder under the bar, or missing, fails).

export const MIN_SCORE = 85;

/** Detected mutants; the rest of the counted ones (Survived, NoCoverage) are misses. Ignored and errors do not count. */
const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

export interface MutationReport {
  files: Record<string, { mutants: readonly { status: string }[] }>;
}

export interface FolderScore {
  folder: string;
  detected: number;
  counted: number;
  /** Percent; null when the report has no counted mutant for the folder. */
  score: number | null;
  passes: boolean;
}

/** The folder a Stryker `mutate` pattern covers: 'src/digest/**\/*.ts' → 'src/digest'. */
export function patternFolder(pattern: string): string {
  const parts = pattern.split('/');
  const wild = parts.findIndex((part) => part.includes('*'));
  return (wild < 0 ? parts.slice(0, -1) : parts.slice(0, wild)).join('/');
}

/** One row per expected folder (and per other folder the report holds), sorted by name. */
export function folderScores(report: MutationReport, expected: readonly string[]): FolderScore[] {
  const tallies = new Map(expected.map((folder) => [folder, { detected: 0, counted: 0 }]));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = file.slice(0, file.lastIndexOf('/'));
    const tally = tallies.get(folder) ?? { detected: 0, counted: 0 };
    for (const { status } of mutants) {
      if (COUNTED.has(status)) tally.counted++;
      if (DETECTED.has(status)) tally.detected++;
    }
    tallies.set(folder, tally);
  }
  return [...tallies]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, { detected, counted }]) => {
      const score = counted === 0 ? null : (100 * detected) / counted;
      return { folder, detected, counted, score, passes: score !== null && score >= MIN_SCORE };
    });
}

export function formatRow({ folder, detected, counted, score, passes }: FolderScore): string {
  if (score === null) return `${folder.padEnd(16)}   n/a    (no mutant tested: run npm run mutate)`;
  const verdict = passes ? '' : `  under ${MIN_SCORE} %`;
  return `${folder.padEnd(16)} ${score.toFixed(1).padStart(5)} %  (${detected}/${counted} mutants detected)${verdict}`;
}
