// Runs a generator of work in short slices so no task blocks the page, and measures the work.
import { auditCheck, auditSliceEnd, auditSliceStart } from './profile';

/** Long enough to amortise the yield, well under a 16 ms frame. */
export const SLICE_MS = 6;

export interface SliceStats {
  workMs: number;
  slices: number;
  longestSliceMs: number;
}

type Yielder = () => Promise<void>;

function pickYielder(): Yielder {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return () => sched.yield?.call(sched) ?? Promise.resolve();
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

export class SliceRunner {
  private readonly yieldToPage = pickYielder();
  private sliceStart = 0;
  /** The deadline check: a job yields right after it says true, and does bounded work between calls. */
  readonly shouldYield = (): boolean => {
    const over = performance.now() - this.sliceStart > SLICE_MS;
    auditCheck(over);
    return over;
  };

  async run(job: Generator<void, void, void>, signal: AbortSignal): Promise<SliceStats> {
    const stats: SliceStats = { workMs: 0, slices: 0, longestSliceMs: 0 };
    for (;;) {
      this.sliceStart = performance.now();
      auditSliceStart();
      const step = job.next();
      auditSliceEnd(step.done === true);
      const spent = performance.now() - this.sliceStart;
      stats.workMs += spent;
      stats.slices++;
      if (spent > stats.longestSliceMs) stats.longestSliceMs = spent;
      if (step.done) return stats;
      await this.yieldToPage();
      if (signal.aborted) {
        job.return();
        return stats;
      }
    }
  }
}
