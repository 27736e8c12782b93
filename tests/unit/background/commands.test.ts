import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../../src/background/commands';
import { loadSettings, saveSettings } from '../../../src/settings';
import { type FakeExtension, installFakeExtension, stubTabsQuery } from './fake-extension';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

let fake: FakeExtension;
let received: { tabId: number; message: unknown; frameId: number | undefined }[];

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  fake = installFakeExtension();
  received = [];
});

async function tabWithContentScript(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/a', active: true });
  const tabId = tab.id as number;
  fake.answers.set(tabId, (message, frameId) => {
    received.push({ tabId, message, frameId });
  });
  return tabId;
}

describe('runCommand', () => {
  it('flips the master switch, both ways', async () => {
    await runCommand('toggle-highlights');
    expect((await loadSettings()).enabled).toBe(false);
    await runCommand('toggle-highlights');
    expect((await loadSettings()).enabled).toBe(true);
  });

  it('keeps the other settings when it flips', async () => {
    await saveSettings({ disabledTopics: ['chips'] });
    await runCommand('toggle-highlights');
    expect(await loadSettings()).toMatchObject({ enabled: false, disabledTopics: ['chips'] });
  });

  it.each(['next-term', 'previous-term'])('sends %s to the top frame of the tab it came from', async (name) => {
    const tabId = await tabWithContentScript();
    await runCommand(name, await fakeBrowser.tabs.get(tabId));
    expect(received).toEqual([{ tabId, message: { type: 'command', payload: { name } }, frameId: 0 }]);
  });

  it('finds the active tab when the browser gives none', async () => {
    const tabId = await tabWithContentScript();
    stubTabsQuery([await fakeBrowser.tabs.get(tabId)]);
    await runCommand('next-term');
    expect(received.map((r) => r.tabId)).toEqual([tabId]);
  });

  it('is quiet on a tab without the content script, and ignores unknown commands', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://newtab/' });
    await expect(runCommand('next-term', tab)).resolves.toBeUndefined();
    await runCommand('_execute_action', tab);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledTimes(1);
  });
});
