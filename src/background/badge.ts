// The toolbar badge: how many distinct digest entries the tab's page mentions.
import browser from 'webextension-polyfill';

const BADGE_COLOR = '#3b4a6b';

export async function showEntryCount(tabId: number, distinctEntries: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await browser.action.setBadgeText({ tabId, text: distinctEntries > 0 ? String(distinctEntries) : '' });
}

export async function clearEntryCount(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' });
}
