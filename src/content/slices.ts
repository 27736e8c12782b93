// Runs a generator of work in short slices so no task blocks the page, and measures the work.

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
  readonly shouldYield = (): boolean => performance.now() - this.sliceStart > SLICE_MS;

  async run(job: Generator<void, void, void>, signal: AbortSignal): Promise<SliceStats> {
    const stats: SliceStats = { workMs: 0, slices: 0, longestSliceMs: 0 };
    for (;;) {
      this.sliceStart = performance.now();
      const step = job.next();
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
