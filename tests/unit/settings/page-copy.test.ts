import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadPageSettings,
  onPageSettingsChanged,
  PAGE_COPY_KEY,
  restrictSyncToExtension,
  type Settings,
  saveSettings,
  writePageCopy,
} from '../../../src/settings';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

type Restrictable = { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
const sync = () => fakeBrowser.storage.sync as unknown as Restrictable;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  delete sync().setAccessLevel;
});

/** What a content script sees in Chromium once sync is closed to it. */
function closeSyncToThisContext(): void {
  vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(
    new Error('Access to storage is not allowed from this context.'),
  );
}

describe('restrictSyncToExtension', () => {
  it('closes storage.sync to content scripts where the browser can', async () => {
    const setAccessLevel = vi.fn(async () => {});
    sync().setAccessLevel = setAccessLevel;
    expect(await restrictSyncToExtension()).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('reports false where it cannot: no such method (Firefox), or a refusal', async () => {
    expect(await restrictSyncToExtension()).toBe(false);
    sync().setAccessLevel = vi.fn(async () => {
      throw new Error('not supported for this storage area');
    });
    expect(await restrictSyncToExtension()).toBe(false);
  });
});

describe('the copy content scripts read', () => {
  it('follows the stored settings and is not rewritten unchanged', async () => {
    const saved = await saveSettings({ hoverDelayMs: 900 });
    await writePageCopy();
    expect((await fakeBrowser.storage.local.get(PAGE_COPY_KEY))[PAGE_COPY_KEY]).toEqual(saved);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writePageCopy(saved);
    expect(set).not.toHaveBeenCalled();
  });

  it('is what a content script loads once sync is closed to it', async () => {
    await writePageCopy(await saveSettings({ hoverDelayMs: 900 }));
    closeSyncToThisContext();
    expect((await loadPageSettings()).hoverDelayMs).toBe(900);
  });

  it('is not needed where sync is open, and the defaults stand in when neither can be read', async () => {
    await saveSettings({ highlightStyle: 'underline' });
    expect((await loadPageSettings()).highlightStyle).toBe('underline');
    closeSyncToThisContext();
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    expect(await loadPageSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells a content script about a change of the copy, until aborted', async () => {
    const seen: Settings[] = [];
    const controller = new AbortController();
    onPageSettingsChanged((s) => seen.push(s), controller.signal);
    await writePageCopy({ ...DEFAULT_SETTINGS, hoverDelayMs: 1200 });
    expect(seen.map((s) => s.hoverDelayMs)).toEqual([1200]);
    controller.abort();
    await writePageCopy({ ...DEFAULT_SETTINGS, hoverDelayMs: 100 });
    expect(seen).toHaveLength(1);
  });
});
