// Where the seed articles live: the nearest `shared/seeds` above the repository. The seeds are
// never copied into the repo; the review tool and the seed tests read them from there at run time.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** …/work/main → …/work/shared/seeds; a worktree one level deeper (…/work/wt/x) finds the same folder. */
export function findSeedsDir(repoRoot: string): string {
  for (let dir = path.dirname(repoRoot); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'seeds');
    if (existsSync(candidate) || path.dirname(dir) === dir) return candidate;
  }
}
