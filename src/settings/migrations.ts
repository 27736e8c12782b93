// Upgrades stored settings from older schema versions, one step at a time. Pure: no browser API.
// A migration only reshapes; parse.ts validates the result, so migrations may pass garbage through.
import { SETTINGS_VERSION } from './defaults';

export type RawSettings = Readonly<Record<string, unknown>>;
export type Migration = (from: RawSettings) => RawSettings;

/**
 * v0 (before the version field existed):
 * `{ enabled: boolean, topics: Record<topicId, boolean>, hoverDelay: number, style: 'underline' | 'highlight' }`.
 * Keys it does not know are carried over, so an unversioned object that already uses v1 names keeps them.
 */
export function migrateV0ToV1(from: RawSettings): RawSettings {
  const { topics, hoverDelay, style, version: _version, ...rest } = from;
  const next: Record<string, unknown> = { ...rest, version: 1 };
  if (isPlainRecord(topics)) {
    next.disabledTopics = Object.entries(topics)
      .filter(([, on]) => on === false)
      .map(([id]) => id);
  }
  if (hoverDelay !== undefined) next.hoverDelayMs = hoverDelay;
  if (style === 'highlight') next.highlightStyle = 'background';
  else if (style !== undefined) next.highlightStyle = style;
  return next;
}

/** Keyed by the version a migration upgrades from; each one produces version + 1. */
export const MIGRATIONS: Readonly<Partial<Record<number, Migration>>> = {
  0: migrateV0ToV1,
};

/**
 * The schema version of a stored object: a missing version means the unversioned v0 shape;
 * a version that is not a non-negative integer is unknown, and then the object is read as current.
 */
export function storedVersion(raw: RawSettings): number {
  if (!Object.hasOwn(raw, 'version')) return 0;
  const version = raw.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : SETTINGS_VERSION;
}

/**
 * Runs every migration from the stored version up to the current one. A version newer than ours
 * (the user downgraded) is returned untouched: the parser keeps whatever fields it still understands.
 */
export function migrateSettings(raw: RawSettings, migrations = MIGRATIONS): RawSettings {
  let version = storedVersion(raw);
  let current = raw;
  while (version < SETTINGS_VERSION) {
    const migration = migrations[version];
    // A gap in the chain should never ship; reading the object as current beats losing it.
    if (!migration) break;
    current = migration(current);
    // Stryker disable next-line AssignmentOperator: equivalent while SETTINGS_VERSION is 1 (one step; a decrement ends at the absent migrations[-1])
    version += 1;
  }
  return current;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
