// Turns whatever storage holds into valid Settings. Pure: no browser API.
// Each field is validated on its own, so one corrupt value falls back to its default
// without taking the valid rest with it. Nothing here throws.
import * as v from 'valibot';
import { isKebabId } from '../digest/ids';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  MAX_DISABLED_TOPICS,
  MAX_ENABLED_SITES,
  MAX_PAUSED_SITES,
  MAX_SITE_HOSTNAME_LENGTH,
  MAX_TOPIC_ID_LENGTH,
  SETTINGS_KEYS,
  SETTINGS_VERSION,
  type Settings,
  type SettingsKey,
} from './defaults';
import { isPlainRecord, migrateSettings, type RawSettings } from './migrations';

const HOSTNAME_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_HOSTNAME_LENGTH = 253;

/** A topic id as the digest writes it (kebab-case), or undefined. */
export function normalizeTopicId(value: unknown): string | undefined {
  return isKebabId(value) && value.length <= MAX_TOPIC_ID_LENGTH ? value : undefined;
}

/** `Example.COM.` → `example.com`; undefined unless every label is valid hostname characters. */
export function normalizeHostname(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const hostname = value.trim().toLowerCase().replace(/\.$/, '');
  // An empty string fails the label test below.
  if (hostname.length > MAX_HOSTNAME_LENGTH) return undefined;
  return hostname.split('.').every((label) => HOSTNAME_LABEL.test(label)) ? hostname : undefined;
}

/** `HTTPS://Example.com:443/` → `https://example.com`; undefined for anything but a bare http(s) origin. */
export function normalizeOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const bare =
    url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
  if (!bare || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  return normalizeHostname(url.hostname) === url.hostname ? url.origin : undefined;
}

/** A hostname short enough to store in a site list (see MAX_SITE_HOSTNAME_LENGTH), normalised. */
function siteHostname(value: unknown): string | undefined {
  const hostname = normalizeHostname(value);
  return hostname !== undefined && hostname.length <= MAX_SITE_HOSTNAME_LENGTH ? hostname : undefined;
}

/** An origin whose hostname is short enough to store in a site list, normalised. */
function siteOrigin(value: unknown): string | undefined {
  const origin = normalizeOrigin(value);
  return origin !== undefined && siteHostname(new URL(origin).hostname) !== undefined ? origin : undefined;
}

type FieldParser<K extends SettingsKey> = (value: unknown) => Settings[K] | undefined;

function schemaParser<T>(schema: v.GenericSchema<unknown, T>): (value: unknown) => T | undefined {
  return (value) => {
    const result = v.safeParse(schema, value);
    return result.success ? result.output : undefined;
  };
}

/** Keeps the valid items, normalised and deduplicated, up to `max`; undefined if `value` is no array. */
function listParser(normalizeItem: (item: unknown) => string | undefined, max: number) {
  return (value: unknown): readonly string[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const kept = new Set<string>();
    for (const item of value) {
      if (kept.size >= max) break;
      const normalized = normalizeItem(item);
      if (normalized !== undefined) kept.add(normalized);
    }
    return [...kept];
  };
}

/** One parser per field; the mapped type makes a field without a parser a compile error. */
const fieldParsers: { readonly [K in SettingsKey]: FieldParser<K> } = {
  // Settings are migrated before they are parsed, so any stored version now reads as the current one.
  // Stryker disable next-line ArrowFunction: undefined falls back to the default version, which is the same one
  version: () => SETTINGS_VERSION,
  enabled: schemaParser(v.boolean()),
  disabledTopics: listParser(normalizeTopicId, MAX_DISABLED_TOPICS),
  hoverDelayMs: schemaParser(
    v.pipe(
      v.number(),
      v.finite(),
      v.transform((ms) => Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, Math.round(ms)))),
    ),
  ),
  highlightStyle: schemaParser(v.picklist(HIGHLIGHT_STYLES)),
  firstMentionOnly: schemaParser(v.boolean()),
  tapOpensCardInLinks: schemaParser(v.boolean()),
  pausedSites: listParser(siteHostname, MAX_PAUSED_SITES),
  enabledSites: listParser(siteOrigin, MAX_ENABLED_SITES),
};

/** The field's valid (normalised) value, or undefined when `value` is not acceptable for it. */
export function parseSettingsField<K extends SettingsKey>(key: K, value: unknown): Settings[K] | undefined {
  return fieldParsers[key](value);
}

/** Own properties only, so nothing inherited (or polluted into a prototype) is ever read. */
function readOwn(record: RawSettings, key: string): unknown {
  try {
    return Object.hasOwn(record, key) ? record[key] : undefined;
  } catch {
    return undefined;
  }
}

type MutableSettings = { -readonly [K in SettingsKey]: Settings[K] };

function setField<K extends SettingsKey>(target: MutableSettings, key: K, value: Settings[K]): void {
  target[key] = value;
}

function parseRecord(record: RawSettings): Settings {
  const settings: MutableSettings = { ...DEFAULT_SETTINGS };
  for (const key of SETTINGS_KEYS) {
    const parsed = parseSettingsField(key, readOwn(record, key));
    if (parsed !== undefined) setField(settings, key, parsed);
  }
  return settings;
}

/**
 * Valid Settings from anything: migrates by version, then validates field by field.
 * Unknown keys are dropped; garbage (null, a string, an array) gives the defaults. Never throws.
 */
export function parseSettings(raw: unknown): Settings {
  try {
    if (!isPlainRecord(raw)) return parseRecord({});
    let migrated: RawSettings;
    try {
      migrated = migrateSettings(raw);
    } catch {
      // A migration choking on a hand-edited object: salvage what already has the current names.
      migrated = raw;
    }
    return parseRecord(migrated);
  } catch {
    // Only exotic objects (a revoked Proxy) get here; storage itself only ever holds JSON.
    return parseRecord({});
  }
}

/**
 * `current` with every valid field of `patch` applied; invalid fields of the patch (and `version`)
 * are ignored rather than replaced by defaults, so a bad patch never resets a good setting.
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  const next: MutableSettings = { ...current };
  if (!isPlainRecord(patch)) return next;
  for (const key of SETTINGS_KEYS) {
    const parsed = parseSettingsField(key, readOwn(patch, key));
    if (parsed !== undefined) setField(next, key, parsed);
  }
  return next;
}
