import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  resetSettings,
  SETTINGS_STORAGE_KEY,
  type Settings,
  SettingsStorageError,
  saveSettings,
} from '../../../src/settings';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.sync.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY];
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('loadSettings', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads one key and keeps the valid fields of a partly corrupt value', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: { version: 1, enabled: false, hoverDelayMs: 'x' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
  });

  it('migrates a stored v0 value', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_STORAGE_KEY]: { enabled: true, topics: { chips: false }, hoverDelay: 90 },
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, disabledTopics: ['chips'], hoverDelayMs: 90 });
  });

  it('falls back to the defaults when storage rejects', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: { version: 1, enabled: false } });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('storage is broken'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(console.debug).toHaveBeenCalledWith(expect.stringContaining('[TechWar Lens]'), expect.any(Error));
  });
});

describe('saveSettings', () => {
  it('round-trips through storage under one key', async () => {
    const saved = await saveSettings({ enabled: false, hoverDelayMs: 600, pausedSites: ['Example.com'] });
    const expected: Settings = { ...DEFAULT_SETTINGS, enabled: false, hoverDelayMs: 600, pausedSites: ['example.com'] };
    expect(saved).toEqual(expected);
    expect(await loadSettings()).toEqual(expected);
    expect(await stored()).toEqual(expected);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([SETTINGS_STORAGE_KEY]);
  });

  it('merges a patch into what is stored', async () => {
    await saveSettings({ enabled: false });
    await saveSettings({ firstMentionOnly: true });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false, firstMentionOnly: true });
  });

  it('writes only the valid fields of a patch', async () => {
    await saveSettings({ hoverDelayMs: 900, highlightStyle: 'underline' });
    const patch = {
      hoverDelayMs: 'slow',
      highlightStyle: 'glow',
      enabled: false,
      extra: 1,
    } as unknown as Partial<Settings>;
    const saved = await saveSettings(patch);
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 900, highlightStyle: 'underline', enabled: false });
    expect(await stored()).toEqual(saved);
  });

  it('upgrades a stored v0 value when saving', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: { enabled: false, topics: { people: false } } });
    await saveSettings({ hoverDelayMs: 0 });
    expect(await stored()).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      disabledTopics: ['people'],
      hoverDelayMs: 0,
    });
  });

  it('skips a write that would change nothing', async () => {
    await saveSettings({ enabled: false });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveSettings({ enabled: false });
    expect(set).not.toHaveBeenCalled();
  });

  it('rejects with a clear error, without writing, when the read fails', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('offline'));
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await expect(saveSettings({ enabled: false })).rejects.toThrow(SettingsStorageError);
    await expect(saveSettings({ enabled: false })).rejects.toThrow(/read settings.*offline/);
    await expect(saveSettings({ enabled: false })).rejects.toMatchObject({
      name: 'SettingsStorageError',
      cause: new Error('offline'),
    });
    expect(set).not.toHaveBeenCalled();
  });

  it('rejects with a clear error when the write fails (quota)', async () => {
    const quota = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(quota);
    const saving = saveSettings({ enabled: false });
    await expect(saving).rejects.toThrow(SettingsStorageError);
    await expect(saving).rejects.toThrow(/Could not save settings: QUOTA_BYTES_PER_ITEM/);
    await expect(saving).rejects.toMatchObject({ cause: quota });
  });

  it('keeps both of two saves started together (two switches toggled within a millisecond)', async () => {
    await Promise.all([saveSettings({ enabled: false }), saveSettings({ disabledTopics: ['people'] })]);
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, enabled: false, disabledTopics: ['people'] });
  });

  it('a failed save does not block the next one', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('quota'));
    const failing = saveSettings({ enabled: false });
    const next = saveSettings({ firstMentionOnly: true });
    await expect(failing).rejects.toThrow(SettingsStorageError);
    await next;
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, firstMentionOnly: true });
  });

  it('a reset started after a save wins over it', async () => {
    await Promise.all([saveSettings({ enabled: false }), resetSettings()]);
    expect(await stored()).toBeUndefined();
  });
});

describe('resetSettings', () => {
  it('brings back the defaults', async () => {
    await saveSettings({ enabled: false, disabledTopics: ['chips'] });
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects with a clear error when storage fails', async () => {
    const failure = new Error('nope');
    vi.spyOn(fakeBrowser.storage.sync, 'remove').mockRejectedValue(failure);
    const resetting = resetSettings();
    await expect(resetting).rejects.toThrow(SettingsStorageError);
    await expect(resetting).rejects.toThrow('Could not reset settings: nope');
    await expect(resetting).rejects.toMatchObject({ cause: failure });
  });
});

describe('onSettingsChanged', () => {
  it('fires with the parsed settings and stops after abort', async () => {
    const listener = vi.fn();
    const controller = new AbortController();
    onSettingsChanged(listener, controller.signal);

    await saveSettings({ enabled: false });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, enabled: false });

    // A raw write by another context is parsed (and repaired) before it reaches the listener.
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: { version: 1, hoverDelayMs: 5000, enabled: 'no' } });
    expect(listener).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, hoverDelayMs: 2000 });

    await resetSettings();
    expect(listener).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
    expect(listener).toHaveBeenCalledTimes(3);

    controller.abort();
    await saveSettings({ firstMentionOnly: true });
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('ignores other keys and other storage areas', async () => {
    const listener = vi.fn();
    onSettingsChanged(listener);
    await fakeBrowser.storage.sync.set({ somethingElse: 1 });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { version: 1, enabled: false } });
    expect(listener).not.toHaveBeenCalled();
  });

  it('never subscribes with an already aborted signal', async () => {
    const listener = vi.fn();
    onSettingsChanged(listener, AbortSignal.abort());
    await saveSettings({ enabled: false });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps a throwing listener from breaking the others', async () => {
    const good = vi.fn();
    onSettingsChanged(() => {
      throw new Error('listener bug');
    });
    onSettingsChanged(good);
    await expect(saveSettings({ enabled: false })).resolves.toMatchObject({ enabled: false });
    expect(good).toHaveBeenCalledTimes(1);
    expect(console.debug).toHaveBeenCalledWith('[TechWar Lens] settings listener failed', expect.any(Error));
  });
});
