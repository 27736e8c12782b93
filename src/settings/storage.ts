// Settings over browser.storage.sync: the only file of this module that touches a browser API.
// Everything lives under one key so a read is atomic and a change arrives as one event.
import browser, { type Storage } from 'webextension-polyfill';
import type { Settings } from './defaults';
import { applySettingsPatch, parseSettings } from './parse';

export const SETTINGS_STORAGE_KEY = 'settings';

/** storage.sync's per-item limit in Chrome and Firefox, measured as key + JSON of the value; the settings caps respect it. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

const LOG_PREFIX = '[TechWar Lens]';

/** A save or reset that did not reach storage; `cause` holds the browser's own error. */
export class SettingsStorageError extends Error {
  override name = 'SettingsStorageError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Saves and resets run one after another: each is a read-modify-write, and two interleaved ones
 * (two switches toggled within a millisecond) would each write over the other's change.
 */
let pending: Promise<unknown> = Promise.resolve();

function inTurn<T>(operation: () => Promise<T>): Promise<T> {
  const run = pending.then(operation);
  pending = run.catch(() => undefined);
  return run;
}

export async function readStored(): Promise<unknown> {
  const items = await browser.storage.sync.get(SETTINGS_STORAGE_KEY);
  return items[SETTINGS_STORAGE_KEY];
}

/** The stored settings, validated; the defaults when storage is empty, corrupt or failing. */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await readStored());
  } catch (error) {
    console.debug(`${LOG_PREFIX} could not read settings, using defaults`, error);
    return parseSettings(undefined);
  }
}

/**
 * Applies the valid fields of `patch` to the stored settings and writes the result; invalid
 * fields are skipped, lists replace (not extend) the stored list. Resolves to what was stored.
 * Rejects with SettingsStorageError when storage cannot be read or written (a quota error included),
 * so a failed read never overwrites the user's settings with defaults.
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return inTurn(() => writePatch(patch));
}

async function writePatch(patch: Partial<Settings>): Promise<Settings> {
  let stored: unknown;
  try {
    stored = await readStored();
  } catch (cause) {
    throw new SettingsStorageError(`Could not read settings before saving: ${describe(cause)}`, { cause });
  }
  const next = applySettingsPatch(parseSettings(stored), patch);
  // Skipping no-op writes matters: storage.sync allows only 120 writes a minute. The caps in
  // defaults.ts keep every valid value within SYNC_QUOTA_BYTES_PER_ITEM, so no size check is needed.
  if (JSON.stringify(next) === JSON.stringify(stored)) return next;
  try {
    await browser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: next });
  } catch (cause) {
    throw new SettingsStorageError(`Could not save settings: ${describe(cause)}`, { cause });
  }
  return next;
}

/** Removes the stored settings, so every reader sees the defaults. Rejects with SettingsStorageError. */
export function resetSettings(): Promise<Settings> {
  return inTurn(removeStored);
}

async function removeStored(): Promise<Settings> {
  try {
    await browser.storage.sync.remove(SETTINGS_STORAGE_KEY);
  } catch (cause) {
    throw new SettingsStorageError(`Could not reset settings: ${describe(cause)}`, { cause });
  }
  return parseSettings(undefined);
}

/**
 * Calls `listener` with the parsed settings whenever another context (or this one) changes them
 * in storage.sync, until `signal` aborts. A listener that throws is logged, never propagated.
 */
export function onSettingsChanged(listener: (settings: Settings) => void, signal?: AbortSignal): void {
  onStoredSettingsChanged('sync', SETTINGS_STORAGE_KEY, listener, signal);
}

/** onSettingsChanged for settings stored under `key` of `area`. */
export function onStoredSettingsChanged(
  area: 'sync' | 'local',
  key: string,
  listener: (settings: Settings) => void,
  signal?: AbortSignal,
): void {
  if (signal?.aborted) return;
  const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    if (areaName !== area || !Object.hasOwn(changes, key)) return;
    try {
      // Stryker disable next-line OptionalChaining: the hasOwn check above guarantees the change record
      listener(parseSettings(changes[key]?.newValue));
    } catch (error) {
      console.debug(`${LOG_PREFIX} settings listener failed`, error);
    }
  };
  browser.storage.onChanged.addListener(onChanged);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: 'abort' fires once per signal, so once only frees the closure sooner
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
