import { describe, expect, it } from 'vitest';
import { folderScores, formatRow, type MutationReport, patternFolder } from '../../tools/mutation-folders';

const mutants = (statuses: Record<string, number>) =>
  Object.entries(statuses).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

describe('patternFolder', () => {
  it('takes the folder before the first wildcard, or the file’s folder', () => {
    expect(patternFolder('src/digest/**/*.ts')).toBe('src/digest');
    expect(patternFolder('src/content/mention-order.ts')).toBe('src/content');
  });
});

describe('folderScores', () => {
  const report: MutationReport = {
    files: {
      'src/a/x.ts': { mutants: mutants({ Killed: 80, Timeout: 5, Survived: 10, NoCoverage: 5, Ignored: 40 }) },
      'src/b/y.ts': { mutants: mutants({ Killed: 84, Survived: 16, CompileError: 3 }) },
      'src/b/z.ts': { mutants: mutants({ Killed: 1 }) },
    },
  };

  it('counts killed and timed-out mutants as detected, over all but ignored and errors', () => {
    expect(folderScores(report, ['src/a', 'src/b'])).toEqual([
      { folder: 'src/a', detected: 85, counted: 100, score: 85, passes: true },
      { folder: 'src/b', detected: 85, counted: 101, score: (100 * 85) / 101, passes: false },
    ]);
  });

  it('fails a folder the report does not cover', () => {
    const [missing] = folderScores({ files: {} }, ['src/c']);
    expect(missing).toEqual({ folder: 'src/c', detected: 0, counted: 0, score: null, passes: false });
    expect(formatRow(missing as never)).toContain('n/a');
  });

  it('says which folder is under the bar', () => {
    const rows = folderScores(report, ['src/a', 'src/b']);
    expect(rows.map(formatRow)).toEqual([
      'src/a             85.0 %  (85/100 mutants detected)',
      'src/b             84.2 %  (85/101 mutants detected)  under 85 %',
    ]);
  });
});
