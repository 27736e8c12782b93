// The back gesture closes the sheet instead of leaving the page (Android): while the sheet is
// open, one history entry of ours sits on top, with the same URL and the page's own state.

const MARK = '__techwarSheet';

export class SheetHistory {
  private pushed = false;
  /** A pop we caused ourselves by going back after the sheet closed some other way. */
  private ownPop = false;

  constructor(private readonly onBack: () => void) {}

  listen(signal: AbortSignal): void {
    window.addEventListener('popstate', (e) => this.onPopState(e), { capture: true, signal });
  }

  /** Called when the sheet opens; a sheet already open keeps its one entry. */
  push(): void {
    if (this.pushed) return;
    const state = history.state;
    const base = typeof state === 'object' && state !== null ? state : {};
    try {
      history.pushState({ ...base, [MARK]: true }, '');
      this.pushed = true;
    } catch {
      // A state the page made uncloneable, or a sandboxed frame: the sheet still works, back leaves.
    }
  }

  /** Called when the sheet closes by tap, swipe or button: our entry goes, the page's URL stays. */
  release(): void {
    if (!this.pushed) return;
    this.pushed = false;
    if (isOurs(history.state)) {
      this.ownPop = true;
      history.back();
    }
  }

  private onPopState(e: PopStateEvent): void {
    if (this.ownPop) {
      this.ownPop = false;
      // The page's URL and state did not change: its router has nothing to hear.
      e.stopImmediatePropagation();
      return;
    }
    if (!this.pushed || isOurs(e.state)) return;
    this.pushed = false;
    e.stopImmediatePropagation();
    this.onBack();
  }
}

function isOurs(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[MARK] === true;
}
