// The settings of a fresh install. The Settings type is derived from this object, so a new
// field is added in one place (plus its parser in parse.ts, which the compiler then demands).
// Pure: no browser API.

/** Schema version written with every save; bump it and add a migration when the shape changes. */
export const SETTINGS_VERSION = 1 as const;

export const HIGHLIGHT_STYLES = ['underline', 'background', 'both'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const HOVER_DELAY_MIN_MS = 0;
export const HOVER_DELAY_MAX_MS = 2000;
// Everything is stored under one storage.sync key, which holds at most 8,192 bytes. These caps
// keep the largest valid settings object under that quota (tests/unit/settings/quota.test.ts
// proves it): the digest has 8 topics with short ids, and 60 characters covers real site names.
export const MAX_DISABLED_TOPICS = 16;
export const MAX_TOPIC_ID_LENGTH = 32;
export const MAX_PAUSED_SITES = 50;
export const MAX_ENABLED_SITES = 50;
/** Longest hostname kept in pausedSites and enabledSites. */
export const MAX_SITE_HOSTNAME_LENGTH = 60;

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

export const DEFAULT_SETTINGS = deepFreeze({
  version: SETTINGS_VERSION,
  /** Master switch. */
  enabled: true,
  /** Topic ids switched off. Topics come from the digest at runtime, so a new topic is on by default. */
  disabledTopics: [] as readonly string[],
  hoverDelayMs: 350,
  highlightStyle: 'both' as HighlightStyle,
  /** Highlight only the first mention of each entry on a page. */
  firstMentionOnly: false,
  /**
   * On a touch screen, a tap on a term inside a link opens the term's card instead of the link.
   * Off by default: a link should do what the page made it for; a long press opens the card.
   */
  tapOpensCardInLinks: false,
  /** Lower-case hostnames; a paused host pauses its subdomains too. */
  pausedSites: [] as readonly string[],
  /** Origins (`https://example.com`) the user enabled outside the curated list. */
  enabledSites: [] as readonly string[],
});

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingsKey = keyof Settings;

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as readonly SettingsKey[];
