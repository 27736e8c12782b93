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

/** Every shown topic highlight's range texts in document order (topics merged, shadow trees at their host). */
export function allTermTextsInOrder(): string[] {
  const chain = (n: Node): Node[] => {
    const out: Node[] = [n];
    for (let root = n.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) out.push(root.host);
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
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      ranges.push(live);
    }
  }
  return ranges.sort(order).map((r) => r.toString());
}

/** Whether exactly `expected` shown topic-highlight ranges read `text`. */
export function highlightedCountIs([text, expected]: readonly [string, number]): boolean {
  let found = 0;
  for (const [name, hl] of CSS.highlights) {
    if (!name.startsWith('techwar-') || name === 'techwar-focus') continue;
    for (const r of hl as unknown as Iterable<AbstractRange>) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() === text) found++;
    }
  }
  return found === expected;
}
