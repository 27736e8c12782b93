// Functions that run inside the page (passed to Playwright's or Puppeteer's evaluate), so both
// browsers' tests read highlights and the card the same way. Self-contained: no closures.

/** True once a techwar-* highlight holds at least one range. */
export function hasTopicHighlights(): boolean {
  return [...CSS.highlights.keys()].some((k) => k.startsWith('techwar-') && (CSS.highlights.get(k)?.size ?? 0) > 0);
}

/** Topic highlight name → the text of each of its ranges, in document order. */
export function topicHighlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-')) continue;
    out[name] = ([...hl] as AbstractRange[])
      .map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live;
      })
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString());
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

export function noVisibleCard(): boolean {
  return !document.querySelector('techwar-overlay')?.shadowRoot?.querySelector('[data-testid="techwar-card"]');
}
