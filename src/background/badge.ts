// The toolbar badge: how many distinct digest entries the tab's page mentions.
import browser from 'webextension-polyfill';
import { sendToTab } from '../messages';

const BADGE_COLOR = '#3b4a6b';

export async function showEntryCount(tabId: number, distinctEntries: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text: distinctEntries > 0 ? String(distinctEntries) : '' });
}

export async function clearEntryCount(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}

/**
 * Asks the tab's top frame for its count. Pages restored from the back-forward cache and
 * same-document navigations keep their content script, which has nothing new to report, while
 * the browser may have reset the badge; a tab without our script gets an empty badge.
 */
export async function refreshEntryCount(tabId: number): Promise<void> {
  try {
    const { entries } = await sendToTab(tabId, 'get-summary', {}, { frameId: 0 });
    await showEntryCount(tabId, entries.length);
  } catch {
    await clearEntryCount(tabId);
  }
}
