// Reads what the production build highlighted on a page, and for which entry. The build exposes
// no map from a range to its entry, and the eval adds none: it walks the terms the way a keyboard
// user does (the "next term" command, sent as the background sends it), and for each focused term
// reads the focus highlight's range and the entry id of the card that opened on it.
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, messageTab, tabIdOf } from '../e2e/support/chromium';
import { focusedTermText, visibleCardEntryId } from '../e2e/support/page-probes';

/** A highlighted term: where it is (page-specific offsets), its text and its entry. */
export interface PageTerm {
  /** Code-point offsets into the eval text; -1 on pages that are not eval texts. */
  start: number;
  end: number;
  surface: string;
  entry: string;
}

/** Ranges in the topic highlights (the focus highlight left out). In the page; self-contained. */
function topicRangeCount(): number {
  let n = 0;
  for (const [name, hl] of CSS.highlights) if (name.startsWith('techwar-') && name !== 'techwar-focus') n += hl.size;
  return n;
}

/**
 * Where the focused term is: inside a `<p data-start>` of an eval page, its code-point offsets in
 * the text, and a key that tells ranges apart on any page. In the page; self-contained, and without
 * inner functions (tsx would wrap them in a helper the page does not have).
 */
function focusedPlace(): { start: number; end: number; key: string } | null {
  const r = [...(CSS.highlights.get('techwar-focus') ?? [])][0] as AbstractRange | undefined;
  if (!r) return null;
  const offsets: number[] = [];
  let key = '';
  for (const [node, offset] of [
    [r.startContainer, r.startOffset],
    [r.endContainer, r.endOffset],
  ] as const) {
    const p = node.parentElement?.closest('p[data-start]');
    const inText = p && node.nodeType === Node.TEXT_NODE;
    offsets.push(
      inText ? Number(p.getAttribute('data-start')) + Array.from((node as Text).data.slice(0, offset)).length : -1,
    );
    let path = `:${offset}`;
    for (let x: Node | null = node; x?.parentNode; x = x.parentNode)
      path = `${[...x.parentNode.childNodes].indexOf(x as ChildNode)}/${path}`;
    key += `${path} `;
  }
  return { start: offsets[0] ?? -1, end: offsets[1] ?? -1, key };
}

/** Every highlighted term of the page's top frame with its entry. */
export async function readTerms(ext: ExtensionBrowser, page: Page): Promise<PageTerm[]> {
  const total = await page.evaluate(topicRangeCount);
  if (total === 0) return [];
  const tabId = await tabIdOf(ext, page);
  const terms = new Map<string, PageTerm>();
  // Navigation wraps around, so `total` steps visit every term once; a few more cover the start,
  // which begins at the first term in view rather than the first on the page.
  for (let step = 0; step < total * 2 && terms.size < total; step++) {
    await messageTab(ext, tabId, 'command', { name: 'next-term' });
    const place = await page.evaluate(focusedPlace);
    const surface = await page.evaluate(focusedTermText);
    const entry = await page.evaluate(visibleCardEntryId);
    if (!place || surface === null || !entry)
      throw new Error(`step ${step}: no focused term or no card on ${page.url()}`);
    terms.set(place.key, { start: place.start, end: place.end, surface, entry });
  }
  if (terms.size !== total) throw new Error(`${page.url()}: ${total} highlighted ranges, ${terms.size} reachable`);
  return [...terms.values()].sort((a, b) => a.start - b.start);
}
