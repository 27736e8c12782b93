// Functions that run inside the page (passed to Playwright's or Puppeteer's evaluate), so both
// browsers' tests read highlights and the card the same way. Self-contained: no closures.

/** True once a techwar-* highlight holds at least one range. */
export function hasTopicHighlights(): boolean {
  return [...CSS.highlights.keys()].some((k) => k.startsWith('techwar-') && (CSS.highlights.get(k)?.size ?? 0) > 0);
}

/** Topic highlight name → the text of each of its ranges (in the order they were added). */
export function topicHighlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    out[name] = ([...hl] as AbstractRange[]).map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    });
  }
  return out;
}

/** Scrolls the first highlighted range reading `wanted` into view; its centre, or null. */
export function termCenter(wanted: string): { x: number; y: number } | null {
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-')) continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== wanted) continue;
      live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/** The visible card's data-entry-id, or null when no card shows. */
export function visibleCardEntryId(): string | null {
  const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
  return card ? card.getAttribute('data-entry-id') : null;
}

/** Resolves true once the visible card's entrance animations have finished (false: no card), so a screenshot shows it settled. */
export function cardSettled(): Promise<boolean> {
  const card = document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
  if (!card) return Promise.resolve(false);
  return Promise.all(card.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => true);
}

export function noVisibleCard(): boolean {
  return !document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
}

/** The text of the term keyboard navigation or a jump focused, or null. */
export function focusedTermText(): string | null {
  const hl = CSS.highlights.get('techwar-focus');
  const r = hl ? ([...hl][0] as AbstractRange | undefined) : undefined;
  if (!r) return null;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

export interface ShownTerm {
  text: string;
  /** The range's first line box in the viewport, or null when it draws none. */
  box: { top: number; bottom: number; left: number; right: number } | null;
}

/**
 * Every shown topic highlight's range in document order (topics merged, shadow trees at their
 * host; the focus highlight left out): its text and box. `within`: only ranges inside the element
 * with that id. The one walk over the highlights that tests read terms through.
 */
export function shownTerms(within: string | null = null): ShownTerm[] {
  const root = within === null ? null : document.getElementById(within);
  const chain = (n: Node): Node[] => {
    const out: Node[] = [n];
    for (let r = n.getRootNode(); r instanceof ShadowRoot; r = r.host.getRootNode()) out.push(r.host);
    return out.reverse();
  };
  const order = (a: Range, b: Range): number => {
    const ca = chain(a.startContainer);
    const cb = chain(b.startContainer);
    for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
      if (ca[i] === cb[i]) continue;
      if (i === ca.length - 1 && i === cb.length - 1) return a.compareBoundaryPoints(Range.START_TO_START, b);
      return (ca[i] as Node).compareDocumentPosition(cb[i] as Node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }
    return ca.length === cb.length ? a.compareBoundaryPoints(Range.START_TO_START, b) : ca.length - cb.length;
  };
  const ranges: Range[] = [];
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      if (within !== null && !root?.contains(r.startContainer)) continue;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      ranges.push(live);
    }
  }
  return ranges.sort(order).map((r) => {
    const rect = r.getClientRects()[0];
    const box = rect ? { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } : null;
    return { text: r.toString(), box };
  });
}

/** The texts of `terms`, in their order (Node side). */
export function textsOf(terms: readonly ShownTerm[]): string[] {
  return terms.map((t) => t.text);
}

/**
 * Resolves once a page timer of `ms`, started two animation frames from now, has fired. The
 * content script shares the page's event loop and arms its card timers (hover intent, the close
 * grace) on the frame after the pointer moves, so a longer timer started later fires after theirs:
 * a condition to wait on instead of a sleep, on any machine.
 */
export function afterPageTimer(ms: number): Promise<void> {
  return new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, ms))));
}

/** Every registered topic range, counted by where it lies against the viewport: above, on screen or below. */
export function registeredRanges(): { above: number; onScreen: number; below: number; total: number } {
  const out = { above: 0, onScreen: 0, below: 0, total: 0 };
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      out.total++;
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const box = live.getBoundingClientRect();
      if (box.bottom <= 0) out.above++;
      else if (box.top >= innerHeight) out.below++;
      else out.onScreen++;
    }
  }
  return out;
}

/** Registered topic ranges that start inside the page's `aside.sidebar` (the generated bench page's "Most read"). */
export function registeredInSidebar(): number {
  const sidebar = document.querySelector('aside.sidebar');
  let n = 0;
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) if (sidebar?.contains(r.startContainer)) n++;
  }
  return n;
}

/** The centre of a registered topic range wholly inside the viewport, if any. */
export function rangeOnScreen(): { x: number; y: number } | null {
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const rect = live.getClientRects()[0];
      if (rect && rect.top > 0 && rect.bottom < innerHeight && rect.left > 0 && rect.right < innerWidth)
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}
