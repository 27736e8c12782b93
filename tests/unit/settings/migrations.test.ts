import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../src/settings/defaults';
import { MIGRATIONS, migrateSettings, migrateV0ToV1, storedVersion } from '../../../src/settings/migrations';
import { parseSettings } from '../../../src/settings/parse';

/** What the extension stored before settings had a version. */
const legacyV0 = {
  enabled: false,
  topics: { chips: true, 'export-controls': false, people: false, 'AI Policy': false },
  hoverDelay: 500,
  style: 'highlight',
};

describe('settings migrations', () => {
  it('has a migration from every older version to the current one', () => {
    for (let version = 0; version < SETTINGS_VERSION; version += 1) {
      expect(MIGRATIONS[version], `migration from v${version}`).toBeTypeOf('function');
    }
  });

  it('treats an object without a version as v0', () => {
    expect(storedVersion({ enabled: true })).toBe(0);
    expect(storedVersion({ version: 1 })).toBe(1);
    expect(storedVersion({ version: 'one' })).toBe(SETTINGS_VERSION);
  });

  it('reads a stored version only when it is a non-negative integer', () => {
    expect(storedVersion({ version: 0 })).toBe(0);
    expect(storedVersion({ version: 7 })).toBe(7);
    expect(storedVersion({ version: 0.5 })).toBe(SETTINGS_VERSION);
    expect(storedVersion({ version: -1 })).toBe(SETTINGS_VERSION);
    expect(storedVersion({ version: '0' })).toBe(SETTINGS_VERSION);
    expect(storedVersion({ version: null })).toBe(SETTINGS_VERSION);
  });

  it('keeps v1 names in an unversioned object that has no v0 names to overwrite them', () => {
    expect(migrateV0ToV1({ hoverDelayMs: 800, highlightStyle: 'underline', disabledTopics: ['people'] })).toEqual({
      version: 1,
      hoverDelayMs: 800,
      highlightStyle: 'underline',
      disabledTopics: ['people'],
    });
  });

  it('reshapes v0 into v1 names', () => {
    expect(migrateV0ToV1(legacyV0)).toEqual({
      version: 1,
      enabled: false,
      disabledTopics: ['export-controls', 'people', 'AI Policy'],
      hoverDelayMs: 500,
      highlightStyle: 'background',
    });
  });

  it('migrates and validates a stored v0 object', () => {
    expect(parseSettings(legacyV0)).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      // "AI Policy" was never a valid id; the parser drops it.
      disabledTopics: ['export-controls', 'people'],
      hoverDelayMs: 500,
      highlightStyle: 'background',
    });
  });

  it('maps the v0 "underline" style straight through and keeps v1 names found in an unversioned object', () => {
    expect(
      parseSettings({
        style: 'underline',
        firstMentionOnly: true,
        tapOpensCardInLinks: true,
        pausedSites: ['example.com'],
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      highlightStyle: 'underline',
      firstMentionOnly: true,
      tapOpensCardInLinks: true,
      pausedSites: ['example.com'],
    });
  });

  it('falls back per field when a v0 value is corrupt', () => {
    expect(parseSettings({ enabled: false, topics: 'chips', hoverDelay: 'slow', style: 'glow' })).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
    });
    expect(parseSettings({ topics: null, hoverDelay: 5000 })).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 2000 });
  });

  it('leaves current and future versions to the parser untouched', () => {
    const current = { version: 1, enabled: false };
    expect(migrateSettings(current)).toBe(current);
    const future = { version: 9, topics: { chips: false } };
    expect(migrateSettings(future)).toBe(future);
  });

  it('runs each step in order and stops at a gap in the chain', () => {
    const seen: number[] = [];
    const chain = {
      0: (raw: object) => {
        seen.push(0);
        return { ...raw, step0: true };
      },
    };
    expect(migrateSettings({}, chain)).toEqual({ step0: true });
    expect(seen).toEqual([0]);
    expect(migrateSettings({ a: 1 }, {})).toEqual({ a: 1 });
  });

  it('never runs a migration from the current version', () => {
    const chain = {
      0: (raw: object) => ({ ...raw, step0: true }),
      [SETTINGS_VERSION]: () => ({ broken: true }),
    };
    expect(migrateSettings({ version: SETTINGS_VERSION, a: 1 }, chain)).toEqual({ version: SETTINGS_VERSION, a: 1 });
    expect(migrateSettings({ a: 1 }, chain)).toEqual({ a: 1, step0: true });
  });
});
