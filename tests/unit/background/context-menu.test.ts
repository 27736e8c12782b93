import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Menus, Tabs } from 'webextension-polyfill';
import { createLookupMenu, LOOKUP_MENU_ID, lookUpSelection } from '../../../src/background/context-menu';
import { type FakeExtension, installFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

const READER = 'chrome-extension://test-extension-id/src/reader/index.html';

let fake: FakeExtension;
let tab: Tabs.Tab;

function click(selectionText: string, frameId = 0): Menus.OnClickData {
  return { menuItemId: LOOKUP_MENU_ID, selectionText, frameId, editable: false, modifiers: [] };
}

/**
 * The text the reader tab was opened for: its address holds only a one-time token (the text stays
 * out of history), and the text waits under that token in session storage.
 */
async function lookedUpText(create: { mock: { calls: unknown[][] } }): Promise<unknown> {
  const url = (create.mock.calls[0]?.[0] as { url?: string } | undefined)?.url ?? '';
  const token = /^.*#lookup=([0-9a-f-]{36})$/.exec(url)?.[1];
  expect(url.startsWith(READER)).toBe(true);
  expect(token).toBeDefined();
  const key = `lookup:${token}`;
  return (await fakeBrowser.storage.session.get(key))[key];
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  fake = installFakeExtension();
  tab = await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/a' });
});

describe('createLookupMenu', () => {
  it('creates one selection item, titled in the UI language, however often it runs', async () => {
    await createLookupMenu();
    await createLookupMenu();
    expect(fake.menus).toEqual([{ id: LOOKUP_MENU_ID, title: '«bg_lookupSelection»', contexts: ['selection'] }]);
  });
});

describe('lookUpSelection', () => {
  it('lets the page open the card when the entry is on it', async () => {
    const asked: unknown[] = [];
    fake.answers.set(tab.id as number, (message, frameId) => {
      asked.push({ message, frameId });
      return { found: true, entryId: 'huawei' };
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUpSelection(click('  Huawei ', 3), tab);
    expect(asked).toEqual([{ message: { type: 'lookup', payload: { text: 'Huawei' } }, frameId: 3 }]);
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the reader at the search when the page does not have it', async () => {
    fake.answers.set(tab.id as number, () => ({ found: false }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUpSelection(click('Loongson'), tab);
    expect(await lookedUpText(create)).toBe('Loongson');
  });

  it('opens the reader when the tab has no content script', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUpSelection(click('华为'), tab);
    expect(await lookedUpText(create)).toBe('华为');
  });

  it('opens the reader when the page answers out of contract', async () => {
    fake.answers.set(tab.id as number, () => ({ found: 'maybe' }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUpSelection(click('SMIC'), tab);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('sends at most what the message allows', async () => {
    const asked: string[] = [];
    fake.answers.set(tab.id as number, (message) => {
      asked.push((message.payload as { text: string }).text);
      return { found: false };
    });
    await lookUpSelection(click('x'.repeat(2000)), tab);
    expect(asked[0]).toHaveLength(500);
  });

  it('ignores other menu items and empty selections', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await lookUpSelection({ ...click('Huawei'), menuItemId: 'other' }, tab);
    await lookUpSelection(click('   '), tab);
    expect(create).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.sendMessage).not.toHaveBeenCalled();
  });
});
