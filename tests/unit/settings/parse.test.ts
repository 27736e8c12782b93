import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type HighlightStyle,
  MAX_DISABLED_TOPICS,
  MAX_ENABLED_SITES,
  MAX_PAUSED_SITES,
  MAX_SITE_HOSTNAME_LENGTH,
  type Settings,
} from '../../../src/settings/defaults';
import {
  applySettingsPatch,
  normalizeHostname,
  normalizeOrigin,
  normalizeTopicId,
  parseSettings,
  parseSettingsField,
} from '../../../src/settings/parse';

/** Valid, and different from the defaults in every field, so a fallback is visible. */
const customised: Settings = {
  version: 1,
  enabled: false,
  disabledTopics: ['export-controls', 'people'],
  hoverDelayMs: 800,
  highlightStyle: 'underline',
  firstMentionOnly: true,
  tapOpensCardInLinks: true,
  pausedSites: ['example.com', 'news.test'],
  enabledSites: ['https://example.org', 'http://localhost:8080'],
};

describe('parseSettings', () => {
  it('derives the Settings type from the defaults', () => {
    expectTypeOf<Settings['highlightStyle']>().toEqualTypeOf<HighlightStyle>();
    expectTypeOf<Settings['version']>().toEqualTypeOf<1>();
    expectTypeOf(DEFAULT_SETTINGS).toEqualTypeOf<Settings>();
  });

  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      enabled: true,
      disabledTopics: [],
      hoverDelayMs: 350,
      highlightStyle: 'both',
      firstMentionOnly: false,
      tapOpensCardInLinks: false,
      pausedSites: [],
      enabledSites: [],
    });
  });

  it('keeps valid settings as they are', () => {
    expect(parseSettings(structuredClone(customised))).toEqual(customised);
  });

  it.each([
    ['null', null],
    ['a string', 'enabled'],
    ['a number', 42],
    ['a boolean', false],
    ['an array', [{ enabled: false }]],
    ['a function', () => ({ enabled: false })],
  ])('gives the defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('ignores prototype-pollution keys and inherited values', () => {
    const polluted = JSON.parse('{"version":1,"__proto__":{"enabled":false},"constructor":{"prototype":{"x":1}}}');
    const parsed = parseSettings(polluted);
    expect(parsed).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(parsed)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    expect(parseSettings(Object.create({ version: 1, enabled: false }))).toEqual(DEFAULT_SETTINGS);
    const inheritsFields = Object.assign(Object.create({ enabled: false, hoverDelayMs: 5 }), { version: 1 });
    expect(parseSettings(inheritsFields)).toEqual(DEFAULT_SETTINGS);
  });

  it('never throws, even for a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(parseSettings(proxy)).toEqual(DEFAULT_SETTINGS);
  });

  it('drops unknown keys', () => {
    const parsed = parseSettings({ ...customised, theme: 'dark', __extra: 1 });
    expect(parsed).toEqual(customised);
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  const corruptions: [keyof Settings, unknown[]][] = [
    ['enabled', ['yes', 0, 1, null, {}, []]],
    ['disabledTopics', ['chips', { chips: true }, null, 3]],
    ['hoverDelayMs', ['350', Number.NaN, Number.POSITIVE_INFINITY, null, true, [350]]],
    ['highlightStyle', ['bold', 'Underline', '', null, 2]],
    ['firstMentionOnly', ['true', 1, null, {}]],
    ['tapOpensCardInLinks', ['true', 1, null, {}]],
    ['pausedSites', ['example.com', { 'example.com': true }, null, 7]],
    ['enabledSites', ['https://example.com', null, {}, false]],
  ];
  const cases = corruptions.flatMap(([field, values]) => values.map((value) => [field, value] as const));

  it.each(cases)('falls back for %s = %j alone, keeping every other field', (field, value) => {
    const parsed = parseSettings({ ...customised, [field]: value });
    expect(parsed).toEqual({ ...customised, [field]: DEFAULT_SETTINGS[field] });
  });

  it('falls back for every field at once', () => {
    const raw = Object.fromEntries(corruptions.map(([field, values]) => [field, values[0]]));
    expect(parseSettings({ version: 1, ...raw })).toEqual(DEFAULT_SETTINGS);
  });

  it('rounds and clamps the hover delay', () => {
    expect(parseSettings({ version: 1, hoverDelayMs: 123.6 }).hoverDelayMs).toBe(124);
    expect(parseSettings({ version: 1, hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
    expect(parseSettings({ version: 1, hoverDelayMs: 99999 }).hoverDelayMs).toBe(2000);
    expect(parseSettings({ version: 1, hoverDelayMs: 0 }).hoverDelayMs).toBe(0);
  });

  it('keeps only kebab-case topic ids, deduplicated, capped', () => {
    const parsed = parseSettings({
      version: 1,
      disabledTopics: ['chips', 'Chips', 'export controls', 'chips', '', '__proto__', 7, null, 'a'.repeat(65), 'ai-2'],
    });
    expect(parsed.disabledTopics).toEqual(['chips', 'ai-2']);
    const many = Array.from({ length: 100 }, (_, i) => `topic-${i}`);
    expect(parseSettings({ version: 1, disabledTopics: many }).disabledTopics).toEqual(
      many.slice(0, MAX_DISABLED_TOPICS),
    );
  });

  it('lower-cases, validates, deduplicates and caps paused hostnames', () => {
    const parsed = parseSettings({
      version: 1,
      pausedSites: [
        'Example.COM',
        'example.com.',
        'news.example.com',
        'bad host',
        'http://x.com',
        '-a.com',
        'a..b',
        'xn--fiqs8s.cn',
        42,
      ],
    });
    expect(parsed.pausedSites).toEqual(['example.com', 'news.example.com', 'xn--fiqs8s.cn']);
    const many = Array.from({ length: 600 }, (_, i) => `site${i}.example`);
    expect(parseSettings({ version: 1, pausedSites: many }).pausedSites).toHaveLength(MAX_PAUSED_SITES);
    const long = `${'a'.repeat(MAX_SITE_HOSTNAME_LENGTH - 4)}.com`;
    expect(parseSettings({ version: 1, pausedSites: [long, `a${long}`] }).pausedSites).toEqual([long]);
  });

  it('keeps only bare http(s) origins for enabled sites, normalised and capped', () => {
    const parsed = parseSettings({
      version: 1,
      enabledSites: [
        'https://Example.com/',
        'https://example.com:443',
        'http://localhost:8080',
        'https://example.com/path',
        'https://example.com/?q=1',
        'https://user:pw@example.com',
        'ftp://example.com',
        'chrome-extension://abc',
        'https://*.example.com',
        'example.com',
        '',
      ],
    });
    expect(parsed.enabledSites).toEqual(['https://example.com', 'http://localhost:8080']);
    const many = Array.from({ length: 600 }, (_, i) => `https://site${i}.example`);
    expect(parseSettings({ version: 1, enabledSites: many }).enabledSites).toHaveLength(MAX_ENABLED_SITES);
    const long = `https://${'a'.repeat(MAX_SITE_HOSTNAME_LENGTH - 4)}.com`;
    const tooLong = `https://a${'a'.repeat(MAX_SITE_HOSTNAME_LENGTH - 4)}.com`;
    expect(parseSettings({ version: 1, enabledSites: [long, tooLong] }).enabledSites).toEqual([long]);
  });

  it('parses what it can from a newer, unknown version', () => {
    const fromTheFuture = { version: 2, enabled: false, hoverDelayMs: 100, highlightStyle: 'glow', sparkles: true };
    expect(parseSettings(fromTheFuture)).toEqual({ ...DEFAULT_SETTINGS, enabled: false, hoverDelayMs: 100 });
  });

  it('reads an object with a nonsense version as the current version', () => {
    expect(parseSettings({ version: '1', enabled: false })).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(parseSettings({ version: -3, hoverDelayMs: 10 })).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 10 });
  });
});

describe('applySettingsPatch', () => {
  it('applies valid fields and skips invalid ones without resetting them', () => {
    const next = applySettingsPatch(customised, {
      enabled: true,
      hoverDelayMs: 'fast',
      highlightStyle: 'glow',
      pausedSites: ['A.test'],
    });
    expect(next).toEqual({ ...customised, enabled: true, pausedSites: ['a.test'] });
  });

  it('never changes the version and ignores unknown keys and garbage', () => {
    expect(applySettingsPatch(customised, { version: 7, colour: 'red' })).toEqual(customised);
    expect(applySettingsPatch(customised, null)).toEqual(customised);
    expect(applySettingsPatch(customised, JSON.parse('{"__proto__":{"enabled":true}}'))).toEqual(customised);
  });

  it('does not mutate its input', () => {
    const current = structuredClone(customised);
    applySettingsPatch(current, { enabled: true, disabledTopics: [] });
    expect(current).toEqual(customised);
  });
});

describe('normalizers', () => {
  it('normalizes hostnames', () => {
    expect(normalizeHostname(' WWW.Example.com. ')).toBe('www.example.com');
    expect(normalizeHostname('localhost')).toBe('localhost');
    expect(normalizeHostname(`${'a'.repeat(64)}.com`)).toBeUndefined();
    expect(normalizeHostname('exa_mple.com')).toBeUndefined();
    expect(normalizeHostname('')).toBeUndefined();
  });

  it('normalizes origins', () => {
    expect(normalizeOrigin('HTTPS://News.Example.com:443/')).toBe('https://news.example.com');
    expect(normalizeOrigin('https://example.com:8443')).toBe('https://example.com:8443');
    expect(normalizeOrigin('not a url')).toBeUndefined();
  });

  it('takes a hostname of up to 253 characters', () => {
    const label = 'a'.repeat(63);
    const longest = `${label}.${label}.${label}.${'b'.repeat(61)}`;
    expect(longest).toHaveLength(253);
    expect(normalizeHostname(longest)).toBe(longest);
    expect(normalizeHostname(`${longest}.`)).toBe(longest);
    expect(normalizeHostname(`${label}.${label}.${label}.${'b'.repeat(62)}`)).toBeUndefined();
  });

  it('takes topic ids of up to 32 characters', () => {
    expect(normalizeTopicId('a'.repeat(32))).toBe('a'.repeat(32));
    expect(normalizeTopicId('a'.repeat(33))).toBeUndefined();
    expect(normalizeTopicId('Chips')).toBeUndefined();
  });

  it.each([
    ['a path', 'https://example.com/path'],
    ['a query', 'https://example.com/?q=1'],
    ['a fragment', 'https://example.com/#top'],
    ['a user name', 'https://user@example.com'],
    ['a password', 'https://:pw@example.com'],
    ['a user name and password', 'https://user:pw@example.com'],
    ['another scheme', 'ftp://example.com'],
    ['a wildcard host', 'https://*.example.com'],
    ['an IPv6 host', 'https://[::1]'],
    ['a host with an underscore', 'https://exa_mple.com'],
  ])('rejects an origin with %s', (_, value) => {
    expect(normalizeOrigin(value)).toBeUndefined();
  });

  it('trims white space the URL parser would not, and reads only strings', () => {
    expect(normalizeOrigin('\u00a0https://example.com\u00a0')).toBe('https://example.com');
    expect(normalizeOrigin({ trim: () => 'https://example.com' })).toBeUndefined();
    expect(normalizeOrigin(42)).toBeUndefined();
  });
});

describe('what a bad value must not lose', () => {
  it.each([
    ['a string', 'evil.example'],
    ['an object', { 0: 'evil.example' }],
    ['null', null],
  ])('a patch whose site list is %s leaves the stored lists alone', (_, bad) => {
    const next = applySettingsPatch(customised, { pausedSites: bad, enabledSites: bad, disabledTopics: bad });
    expect(next.pausedSites).toEqual(['example.com', 'news.test']);
    expect(next.enabledSites).toEqual(['https://example.org', 'http://localhost:8080']);
    expect(next.disabledTopics).toEqual(['export-controls', 'people']);
  });

  it('a stored field whose getter throws loses only that field', () => {
    const stored: Record<string, unknown> = { version: 1, pausedSites: ['example.com'] };
    Object.defineProperty(stored, 'enabled', {
      enumerable: true,
      get() {
        throw new Error('unreadable');
      },
    });
    expect(parseSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, pausedSites: ['example.com'] });
  });

  it('an array carrying settings names is garbage, not settings', () => {
    const stored = Object.assign([], { version: 1, enabled: false, pausedSites: ['example.com'] });
    expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads any version as the current one: migration has already run', () => {
    expect(parseSettingsField('version', 1)).toBe(1);
    expect(parseSettings({ version: 1, enabled: false }).version).toBe(1);
    expect(applySettingsPatch(customised, { version: 0 }).version).toBe(1);
  });

  it('a stored list that is not an array falls back to the default, not to a made-up one', () => {
    expect(parseSettings({ version: 1, pausedSites: 'example.com' }).pausedSites).toEqual([]);
    expect(parseSettings({ version: 1, disabledTopics: { people: true } }).disabledTopics).toEqual([]);
  });

  it('an unversioned object whose migration throws keeps the fields it already names correctly', () => {
    const stored: Record<string, unknown> = { enabled: false, pausedSites: ['example.com'], hoverDelayMs: 800 };
    Object.defineProperty(stored, 'topics', {
      enumerable: true,
      get() {
        throw new Error('a migration reading this field throws');
      },
    });
    const settings = parseSettings(stored);
    expect(settings.enabled).toBe(false);
    expect(settings.pausedSites).toEqual(['example.com']);
    expect(settings.hoverDelayMs).toBe(800);
  });
});
