// Opening the reader page: at an entry (from a card), at a search, or at a looked-up selection.
import browser, { type Tabs } from 'webextension-polyfill';
import { lookupHash, lookupStorageKey, READER_PATH, readerHash } from '../messages/reader-route';

export interface ReaderTarget {
  entryId?: string;
  query?: string;
}

/** `…/src/reader/index.html#entry=<id>` or `#q=<text>`; the entry wins when both are given. */
export function readerUrl({ entryId, query }: ReaderTarget): string {
  const page = browser.runtime.getURL(READER_PATH);
  if (entryId) return `${page}${readerHash({ view: 'entry', entryId })}`;
  const text = query?.trim();
  return text ? `${page}${readerHash({ view: 'search', query: text })}` : page;
}

function besideOpener(opener?: Tabs.Tab): { index?: number; openerTabId?: number } {
  return opener?.id !== undefined && opener.index >= 0 ? { index: opener.index + 1, openerTabId: opener.id } : {};
}

/** Opens the reader in a new tab, next to the tab it was asked from when there is one. */
export async function openReader(target: ReaderTarget, opener?: Tabs.Tab): Promise<void> {
  await browser.tabs.create({ url: readerUrl(target), ...besideOpener(opener) });
}

/**
 * Opens the reader at a search for selected text without putting the text in the address, so it
 * stays out of the browser's history: the text waits in session storage (which content scripts
 * cannot read) under a one-time token, and the reader takes it from there.
 */
export async function openReaderAtSelection(text: string, opener?: Tabs.Tab): Promise<void> {
  const token = crypto.randomUUID();
  await browser.storage.session.set({ [lookupStorageKey(token)]: text });
  await browser.tabs.create({
    url: `${browser.runtime.getURL(READER_PATH)}${lookupHash(token)}`,
    ...besideOpener(opener),
  });
}

/** A content script may open the reader at most this often. */
export const PAGE_READER_INTERVAL_MS = 1000;

/**
 * `open-reader` from a content script, limited: a page can script our card, so only the tab the
 * user is looking at may ask, at most once a second — a flood of tabs stays one tab.
 */
export function createPageReaderOpener(now: () => number = () => performance.now()) {
  let last = Number.NEGATIVE_INFINITY;
  return async (target: ReaderTarget, tab: Tabs.Tab | undefined): Promise<void> => {
    if (!tab?.active || now() - last < PAGE_READER_INTERVAL_MS) return;
    last = now();
    await openReader(target, tab);
  };
}
