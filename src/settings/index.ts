// The settings module: one typed model over storage.sync. Importing this pulls in the browser
// API; pure code (and tests of it) import './defaults', './parse', './queries' directly.
export {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  type HighlightStyle,
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
export { MIGRATIONS, type Migration, migrateSettings, type RawSettings } from './migrations';
export {
  loadPageSettings,
  onPageSettingsChanged,
  PAGE_COPY_KEY,
  restrictSyncToExtension,
  writePageCopy,
} from './page-copy';
export {
  applySettingsPatch,
  normalizeHostname,
  normalizeOrigin,
  normalizeTopicId,
  parseSettings,
  parseSettingsField,
} from './parse';
export { enabledSitePattern, isSitePaused, isTopicEnabled } from './queries';
export {
  loadSettings,
  onSettingsChanged,
  resetSettings,
  SETTINGS_STORAGE_KEY,
  SettingsStorageError,
  SYNC_QUOTA_BYTES_PER_ITEM,
  saveSettings,
} from './storage';
