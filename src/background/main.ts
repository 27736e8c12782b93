// Service worker (event page in Firefox): keeps each tab's badge in step with its page.
import browser from 'webextension-polyfill';
import { handleMessages } from '../messages';
import { clearEntryCount, showEntryCount } from './badge';

handleMessages({
  'page-summary': async ({ entries }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await showEntryCount(tabId, entries.length);
  },
});

// A navigation starts a new page: its count arrives from the new content script.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading' && change.url) void clearEntryCount(tabId).catch(() => undefined);
});
