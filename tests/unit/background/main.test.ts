// The service worker's wiring: which messages it answers, for whom, and what tab events do.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { siteScriptId } from '../../../src/background/site-scripts';
import { loadSettings } from '../../../src/settings';
import { type FakeExtension, installFakeExtension, stubTabsQuery } from './fake-extension';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

const EXTENSION_PAGE = 'chrome-extension://test-extension-id/src/popup/index.html';
const ORIGIN = 'https://example.org';

let fake: FakeExtension;
const listeners: { command?: (name: string) => void } = {};

beforeAll(async () => {
  fakeBrowser.reset();
  fake = installFakeExtension();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  stubTabsQuery();
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((fn) => {
    listeners.command = fn as (name: string) => void;
  });
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
  await import('../../../src/background/main');
});

beforeEach(async () => {
  await fakeBrowser.storage.sync.clear();
  fake.registered.clear();
  fake.granted.clear();
});

function send(message: unknown, sender: object) {
  return fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id, ...sender }, () => {});
}

const summary = { entries: [{ id: 'huawei', count: 2 }], total: 2 };

describe('background', () => {
  it('shows the top frame’s count on the badge and ignores frames and other extensions', async () => {
    await send({ type: 'page-summary', payload: summary }, { tab: { id: 3 }, frameId: 0 });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
    const many = { ...summary, entries: [...summary.entries, { id: 'tsmc', count: 1 }] };
    await send({ type: 'page-summary', payload: many }, { tab: { id: 3 }, frameId: 5 });
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'page-summary', payload: many },
      { id: 'other', tab: { id: 3 } as never, frameId: 0 },
      () => {},
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
  });

  it('clears the badge when the tab starts loading a page', async () => {
    await send({ type: 'page-summary', payload: summary }, { tab: { id: 4 }, frameId: 0 });
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, {} as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe(''));
  });

  it('enables a site for our own pages only', async () => {
    fake.granted.add(`${ORIGIN}/*`);
    const fromPage = await send(
      { type: 'enable-site', payload: { origin: ORIGIN } },
      { url: 'https://evil.test/', tab: { id: 9 } },
    );
    expect(fromPage).toEqual([{ ok: false }]);
    expect((await loadSettings()).enabledSites).toEqual([]);

    const fromPopup = await send({ type: 'enable-site', payload: { origin: ORIGIN } }, { url: EXTENSION_PAGE });
    expect(fromPopup).toEqual([{ ok: true }]);
    expect((await loadSettings()).enabledSites).toEqual([ORIGIN]);
    expect(fake.registered.has(siteScriptId(ORIGIN))).toBe(true);
  });

  it('disables a site for our own pages only', async () => {
    fake.granted.add(`${ORIGIN}/*`);
    await send({ type: 'enable-site', payload: { origin: ORIGIN } }, { url: EXTENSION_PAGE });
    expect(await send({ type: 'disable-site', payload: { origin: ORIGIN } }, { url: 'https://evil.test/' })).toEqual([
      { ok: false },
    ]);
    expect(await send({ type: 'disable-site', payload: { origin: ORIGIN } }, { url: EXTENSION_PAGE })).toEqual([
      { ok: true },
    ]);
    expect(fake.granted.size).toBe(0);
  });

  it('opens the reader a card in the active tab asks for, and not for a card in a background tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/a' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const sender = { url: 'https://www.reuters.com/a', frameId: 0 };
    await send({ type: 'open-reader', payload: { entryId: 'tsmc' } }, { ...sender, tab: { ...tab, active: false } });
    expect(create).not.toHaveBeenCalled();
    await send({ type: 'open-reader', payload: { entryId: 'tsmc' } }, { ...sender, tab: { ...tab, active: true } });
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/src/reader/index.html#entry=tsmc',
      index: tab.index + 1,
      openerTabId: tab.id,
    });
  });

  it('opens the reader for our own pages without a limit', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    create.mockClear();
    await send({ type: 'open-reader', payload: {} }, { url: EXTENSION_PAGE });
    await send({ type: 'open-reader', payload: {} }, { url: EXTENSION_PAGE });
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('flips the master switch on the keyboard command', async () => {
    listeners.command?.('toggle-highlights');
    await vi.waitFor(async () => expect((await loadSettings()).enabled).toBe(false));
  });
});
