import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageReaderOpener, openReader, readerUrl } from '../../../src/background/reader';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

const PAGE = 'chrome-extension://test-extension-id/src/reader/index.html';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('readerUrl', () => {
  it('opens at an entry', () => {
    expect(readerUrl({ entryId: 'cloudmatrix-384' })).toBe(`${PAGE}#entry=cloudmatrix-384`);
  });

  it('opens at a search, encoded', () => {
    expect(readerUrl({ query: ' Huawei’s “AI chips” & 华为 ' })).toBe(
      `${PAGE}#q=${encodeURIComponent('Huawei’s “AI chips” & 华为')}`,
    );
    expect(readerUrl({ query: 'a#b=c' })).toBe(`${PAGE}#q=a%23b%3Dc`);
  });

  it('prefers the entry, and opens plain without either', () => {
    expect(readerUrl({ entryId: 'tsmc', query: 'TSMC' })).toBe(`${PAGE}#entry=tsmc`);
    expect(readerUrl({ query: '  ' })).toBe(PAGE);
    expect(readerUrl({})).toBe(PAGE);
  });
});

describe('openReader', () => {
  it('opens a tab beside the one it was asked from', async () => {
    const opener = await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/a' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openReader({ entryId: 'tsmc' }, opener);
    expect(create).toHaveBeenCalledWith({
      url: `${PAGE}#entry=tsmc`,
      index: opener.index + 1,
      openerTabId: opener.id,
    });
  });

  it('opens a tab at the end without an opener', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openReader({ query: 'SMIC' });
    expect(create).toHaveBeenCalledWith({ url: `${PAGE}#q=SMIC` });
  });
});

describe('createPageReaderOpener', () => {
  async function pageTab(active: boolean) {
    return { ...(await fakeBrowser.tabs.create({ url: 'https://www.reuters.com/a' })), active };
  }

  it('opens at most one tab a second for the active tab, whatever a page sends', async () => {
    let clock = 0;
    const open = createPageReaderOpener(() => clock);
    const tab = await pageTab(true);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    for (let i = 0; i < 40; i++) await open({ entryId: 'tsmc' }, tab);
    expect(create).toHaveBeenCalledTimes(1);
    clock = 999;
    await open({ entryId: 'tsmc' }, tab);
    expect(create).toHaveBeenCalledTimes(1);
    clock = 1000;
    await open({ entryId: 'tsmc' }, tab);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('opens nothing for a background tab or a sender without a tab', async () => {
    const open = createPageReaderOpener(() => 5000);
    const background = await pageTab(false);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await open({ entryId: 'tsmc' }, background);
    await open({ entryId: 'tsmc' }, undefined);
    expect(create).not.toHaveBeenCalled();
  });
});
