// Firefox for Android has no `commands` and no `menus`/`contextMenus`: the background must start
// without them and keep answering the page, instead of dying on its first line.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, expect, it, vi } from 'vitest';
import { installFakeExtension } from './fake-extension';

vi.mock('webextension-polyfill', async () => {
  const { fakeBrowser: fake } = await import('@webext-core/fake-browser');
  const { commands: _commands, contextMenus: _contextMenus, ...android } = fake as typeof fake & { menus?: unknown };
  return { default: { ...android, menus: undefined } };
});

beforeAll(() => {
  fakeBrowser.reset();
  installFakeExtension();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => {});
});

it('starts without commands or context menus and still shows the page count on the badge', async () => {
  await expect(import('../../../src/background/main')).resolves.toBeDefined();
  const { createLookupMenu } = await import('../../../src/background/context-menu');
  await expect(createLookupMenu()).resolves.toBeUndefined();
  const summary = { url: 'https://www.reuters.com/a', entries: [{ id: 'huawei', count: 2 }], total: 2 };
  await fakeBrowser.runtime.onMessage.trigger(
    { type: 'page-summary', payload: summary },
    { id: fakeBrowser.runtime.id, tab: { id: 3 } as never, frameId: 0 },
    () => {},
  );
  expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
});
