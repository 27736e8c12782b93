// Performance entries for `npm run bench` and the structural checks of the e2e suite; the constant
// is false in production builds, so all of this compiles to nothing there.
import type { ScanStats } from './scan-text';
import type { SliceStats } from './slices';

declare const __TECHWAR_PROFILE__: boolean;

/** Units of work a pass does between two looks at the clock. */
export type WorkKind = 'nodes' | 'chars' | 'hits' | 'elements' | 'records';

/**
 * How a pass kept to its slices, counted rather than timed so a slow machine cannot change the
 * verdict: work only inside the runner's slices, a bounded amount of it between deadline checks,
 * every slice ended by a check that said the time was up.
 */
export interface SliceAudit {
  /** Deadline checks made. */
  checks: number;
  /** Slices that ended (yielded) without a deadline check saying the slice was used up. */
  earlyYields: number;
  /** Units of work done after a check said the slice was used up, before yielding. */
  workPastDeadline: number;
  /** Units of work done while no slice of the runner was running. */
  workOutsideRunner: number;
  /** The most work of each kind done between two deadline checks (or a check and a slice edge). */
  maxBetweenChecks: Record<WorkKind, number>;
  /**
   * The longest time between two deadline checks (or a check and a slice edge), and the work done
   * in it: for the bench, which names what holds a slice past its deadline. Tests never read it.
   */
  longestGap: { ms: number; work: Record<WorkKind, number> };
  /**
   * Slices in which the highlight registry changed: each costs the browser a frame of overflow
   * work (see TopicHighlights.hold), so a pass changes it at most once per MAX_HOLD_MS.
   */
  slicesChangingHighlights: number;
}

const KINDS: readonly WorkKind[] = ['nodes', 'chars', 'hits', 'elements', 'records'];
const zeroes = (): Record<WorkKind, number> => ({ nodes: 0, chars: 0, hits: 0, elements: 0, records: 0 });

function freshAudit(): SliceAudit {
  return {
    checks: 0,
    earlyYields: 0,
    workPastDeadline: 0,
    workOutsideRunner: 0,
    maxBetweenChecks: zeroes(),
    longestGap: { ms: 0, work: zeroes() },
    slicesChangingHighlights: 0,
  };
}

let audit = freshAudit();
let sinceCheck = zeroes();
let inSlice = false;
let overdue = false;
let lastCheckAt = 0;
let highlightsChanged = false;

function foldSinceCheck(): void {
  const now = performance.now();
  if (now - lastCheckAt > audit.longestGap.ms) audit.longestGap = { ms: now - lastCheckAt, work: { ...sinceCheck } };
  lastCheckAt = now;
  for (const kind of KINDS) {
    if (sinceCheck[kind] > audit.maxBetweenChecks[kind]) audit.maxBetweenChecks[kind] = sinceCheck[kind];
    sinceCheck[kind] = 0;
  }
}

/** Records `units` of work of one kind, wherever it runs. */
export function auditWork(kind: WorkKind, units: number): void {
  if (!__TECHWAR_PROFILE__) return;
  if (!inSlice) audit.workOutsideRunner += units;
  if (overdue) audit.workPastDeadline += units;
  sinceCheck[kind] += units;
}

/** Records a change to the highlight registry, wherever it is made. */
export function auditHighlightChange(): void {
  if (!__TECHWAR_PROFILE__) return;
  if (inSlice) highlightsChanged = true;
}

/** Records one deadline check and its answer. */
export function auditCheck(over: boolean): void {
  if (!__TECHWAR_PROFILE__) return;
  audit.checks++;
  foldSinceCheck();
  if (over) overdue = true;
}

export function auditSliceStart(): void {
  if (!__TECHWAR_PROFILE__) return;
  inSlice = true;
  overdue = false;
  lastCheckAt = performance.now();
}

/** `finished`: the job ran to its end, so the slice needed no deadline to end. */
export function auditSliceEnd(finished: boolean): void {
  if (!__TECHWAR_PROFILE__) return;
  inSlice = false;
  foldSinceCheck();
  if (highlightsChanged) audit.slicesChangingHighlights++;
  highlightsChanged = false;
  if (!finished && !overdue) audit.earlyYields++;
  overdue = false;
}

/** The audit since the last call, which starts a new one. */
function takeAudit(): SliceAudit {
  const taken = audit;
  audit = freshAudit();
  sinceCheck = zeroes();
  return taken;
}

export function emitScanMeasure(start: number, detail: ScanStats & SliceStats): void {
  if (!__TECHWAR_PROFILE__) return;
  performance.measure('techwar:scan', { start, end: performance.now(), detail: { ...detail, audit: takeAudit() } });
}

export function emitCompileMeasure(start: number, detail: SliceStats): void {
  if (!__TECHWAR_PROFILE__) return;
  performance.measure('techwar:compile', { start, end: performance.now(), detail });
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
