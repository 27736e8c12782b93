// Opening the reader page: at an entry (from a card) or at a search (from the context menu).
import browser, { type Tabs } from 'webextension-polyfill';
import { READER_PATH, readerHash } from '../messages/reader-route';

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

/** Opens the reader in a new tab, next to the tab it was asked from when there is one. */
export async function openReader(target: ReaderTarget, opener?: Tabs.Tab): Promise<void> {
  const beside =
    opener?.id !== undefined && opener.index >= 0 ? { index: opener.index + 1, openerTabId: opener.id } : {};
  await browser.tabs.create({ url: readerUrl(target), ...beside });
}
