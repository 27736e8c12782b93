// Service worker (event page in Firefox): the badge, keyboard commands, the context menu, the
// reader, and the sites the user enabled. Listeners are registered at the top level so that
// events wake the worker.
import browser, { type Runtime } from 'webextension-polyfill';
import { digest } from '../digest';
import { type HandlersFor, handleMessages } from '../messages';
import { onSettingsChanged, restrictSyncToExtension, writePageCopy } from '../settings';
import { clearEntryCount, refreshEntryCount, showEntryCount } from './badge';
import { runCommand } from './commands';
import { createLookupMenu, lookUpSelection, menusApi } from './context-menu';
import { createPageReaderOpener, openReader } from './reader';
import { disableSite, enableGrantedSites, enableSite, syncSiteScripts } from './site-scripts';

const log = (what: string) => (error: unknown) => console.debug(`[TechWar Lens] ${what}`, error);

/** Only our own pages (popup, options) may change which sites we run on; content scripts may not. */
function fromExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('')) === true;
}

const openReaderFromPage = createPageReaderOpener();

handleMessages({
  'page-summary': async ({ entries }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return;
    await showEntryCount(tabId, entries.length);
  },
  'card-digest': () => digest,
  'open-reader': (target, sender) =>
    fromExtensionPage(sender) ? openReader(target, sender.tab) : openReaderFromPage(target, sender.tab),
  'enable-site': async ({ origin }, sender) => ({ ok: fromExtensionPage(sender) && (await enableSite(origin)) }),
  'disable-site': async ({ origin }, sender) => ({ ok: fromExtensionPage(sender) && (await disableSite(origin)) }),
} satisfies HandlersFor<'background'>);

// A new page starts with an empty badge until its content script reports; a finished load asks,
// for pages that do not report again (restored from the back-forward cache, same-document).
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void clearEntryCount(tabId).catch(log('badge'));
  else if (change.status === 'complete') void refreshEntryCount(tabId).catch(log('badge'));
});

// Firefox for Android has no keyboard commands and no context menus: everything else still runs.
const commands = (browser as { commands?: typeof browser.commands }).commands;
commands?.onCommand.addListener((name, tab) => void runCommand(name, tab).catch(log('command failed')));

menusApi()?.onClicked.addListener((info, tab) => void lookUpSelection(info, tab).catch(log('lookup failed')));

browser.runtime.onInstalled.addListener(() => {
  void createLookupMenu().catch(log('could not create the context menu'));
  void syncSiteScripts().catch(log('site scripts'));
});
// Content scripts read settings from a copy (src/settings/page-copy.ts); every start refreshes it.
void restrictSyncToExtension();
void writePageCopy().catch(log('settings copy'));
onSettingsChanged((settings) => void writePageCopy(settings).catch(log('settings copy')));

browser.runtime.onStartup.addListener(() => void syncSiteScripts().catch(log('site scripts')));
// Another device, the options page or the browser's own site-access controls changed what we may run on.
onSettingsChanged(() => void syncSiteScripts().catch(log('site scripts')));
browser.permissions.onAdded.addListener(
  ({ origins = [] }) => void enableGrantedSites(origins).catch(log('could not enable a granted site')),
);
browser.permissions.onRemoved.addListener(() => void syncSiteScripts().catch(log('site scripts')));
