// Where the browser allows it (Chromium), storage.sync is closed to content scripts, so a
// compromised page process cannot change the settings of every synced device. Content scripts then
// read a copy of the settings that the background keeps in storage.local: a copy on this device
// only, which the background never reads back. Where sync stays open (Firefox), content scripts
// read it as before and the copy only repeats it.
import browser, { type Storage } from 'webextension-polyfill';
import type { Settings } from './defaults';
import { parseSettings } from './parse';
import { loadSettings, onSettingsChanged, onStoredSettingsChanged, readStored } from './storage';

export const PAGE_COPY_KEY = 'settings-for-pages';

const LOG_PREFIX = '[TechWar Lens]';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
type RestrictableArea = Storage.StorageArea & {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
};

/**
 * Background: closes storage.sync to content scripts. Resolves false where the browser cannot
 * (Firefox has setAccessLevel on storage.session only).
 */
export async function restrictSyncToExtension(): Promise<boolean> {
  const sync = browser.storage.sync as RestrictableArea;
  if (typeof sync.setAccessLevel !== 'function') return false;
  try {
    await sync.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    console.debug(`${LOG_PREFIX} storage.sync stays open to content scripts`, error);
    return false;
  }
}

/** Background: writes `settings` (or the stored ones) to the copy content scripts read. */
export async function writePageCopy(settings?: Settings): Promise<void> {
  const next = settings ?? (await loadSettings());
  const stored = (await browser.storage.local.get(PAGE_COPY_KEY))[PAGE_COPY_KEY];
  if (JSON.stringify(stored) !== JSON.stringify(next)) await browser.storage.local.set({ [PAGE_COPY_KEY]: next });
}

/** Content script: storage.sync where it is open to us, else the background's copy, else the defaults. */
export async function loadPageSettings(): Promise<Settings> {
  try {
    return parseSettings(await readStored());
  } catch {
    // Closed to content scripts: the copy follows.
  }
  try {
    return parseSettings((await browser.storage.local.get(PAGE_COPY_KEY))[PAGE_COPY_KEY]);
  } catch (error) {
    console.debug(`${LOG_PREFIX} could not read settings, using defaults`, error);
    return parseSettings(undefined);
  }
}

/**
 * Content script: calls `listener` when the settings change, seen in storage.sync where it is
 * open to us and in the background's copy (the same settings, never newer than sync).
 */
export function onPageSettingsChanged(listener: (settings: Settings) => void, signal?: AbortSignal): void {
  onSettingsChanged(listener, signal);
  onStoredSettingsChanged('local', PAGE_COPY_KEY, listener, signal);
}
