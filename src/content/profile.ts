// Performance entries for `npm run bench`; the constant is false in production builds, so this
// compiles to nothing there.
import type { ScanStats } from './scan-text';
import type { SliceStats } from './slices';

declare const __TECHWAR_PROFILE__: boolean;

export function emitScanMeasure(start: number, detail: ScanStats & SliceStats): void {
  if (!__TECHWAR_PROFILE__) return;
  performance.measure('techwar:scan', { start, end: performance.now(), detail });
}

/** Times `work` as a `name` measure in the profile build; just runs it elsewhere. */
export function timed<T>(name: string, work: () => T): T {
  if (!__TECHWAR_PROFILE__) return work();
  const start = performance.now();
  const result = work();
  performance.measure(name, { start, end: performance.now() });
  return result;
}

/** Profile build: the benchmark asks for fresh full passes to measure warm scans. */
export function onBenchRescan(rescan: () => void, signal: AbortSignal): void {
  if (!__TECHWAR_PROFILE__) return;
  document.addEventListener('techwar:bench-rescan', rescan, { signal });
}
