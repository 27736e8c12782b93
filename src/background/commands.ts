// Keyboard commands (manifest "commands"): the background owns the master switch; moving between
// terms is the page's business, so those go to the content script of the active tab's top frame.
import browser, { type Tabs } from 'webextension-polyfill';
import { type CommandName, sendToTab } from '../messages';
import { loadSettings, saveSettings } from '../settings';

const PAGE_COMMANDS: readonly string[] = ['next-term', 'previous-term'] satisfies CommandName[];

async function activeTabId(tab: Tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined) return tab.id;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

export async function runCommand(name: string, tab?: Tabs.Tab): Promise<void> {
  if (name === 'toggle-highlights') {
    const { enabled } = await loadSettings();
    await saveSettings({ enabled: !enabled });
    return;
  }
  if (!PAGE_COMMANDS.includes(name)) return;
  const tabId = await activeTabId(tab);
  if (tabId === undefined) return;
  // A tab without our content script (a browser page, a site we do not run on) has nothing to move through.
  await sendToTab(tabId, 'command', { name: name as CommandName }, { frameId: 0 }).catch(() => undefined);
}
