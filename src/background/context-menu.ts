// "Look up “…” in TechWar Lens" on selected text: the page's card when the entry is on the page,
// otherwise the reader, which shows the best match or says the digest does not cover it.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { translate } from '../i18n';
import { sendToTab } from '../messages';
import { openReaderAtSelection } from './reader';

export const LOOKUP_MENU_ID = 'techwar-lookup';
/** The `lookup` message accepts at most this much text. */
const MAX_LOOKUP_CHARS = 500;

/**
 * The browser's context-menu API: `menus` in Firefox, `contextMenus` in Chrome and Firefox, and
 * neither in Firefox for Android, where the selection lookup simply does not exist.
 */
export function menusApi(): Menus.Static | undefined {
  const api = browser as unknown as { menus?: Menus.Static; contextMenus?: Menus.Static };
  return api.menus ?? api.contextMenus;
}

/** Menus persist across service-worker restarts, so they are created once per install or update. */
export async function createLookupMenu(): Promise<void> {
  const menus = menusApi();
  if (!menus) return;
  await menus.removeAll();
  // Chrome and Firefox put the selected text in place of %s.
  menus.create({ id: LOOKUP_MENU_ID, title: translate('bg_lookupSelection'), contexts: ['selection'] });
}

async function foundOnPage(tabId: number, frameId: number, text: string): Promise<boolean> {
  try {
    return (await sendToTab(tabId, 'lookup', { text }, { frameId })).found;
  } catch {
    return false; // no content script in that frame
  }
}

export async function lookUpSelection(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== LOOKUP_MENU_ID) return;
  const text = info.selectionText?.trim().slice(0, MAX_LOOKUP_CHARS);
  if (!text) return;
  if (tab?.id !== undefined && (await foundOnPage(tab.id, info.frameId ?? 0, text))) return;
  await openReaderAtSelection(text, tab);
}
