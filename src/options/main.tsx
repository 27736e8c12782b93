// Options page entry: wires the settings, permissions and commands to the props-only App.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { digest } from '../digest';
import { translate } from '../i18n';
import { sendToBackground } from '../messages';
import {
  applySettingsPatch,
  loadSettings,
  onSettingsChanged,
  resetSettings,
  type Settings,
  saveSettings,
} from '../settings';
import '../ui/popup.css';
import '../ui/options.css';
import { App, type OptionsNotice } from './App';
import type { Shortcut } from './ShortcutList';

/** storage.sync takes 120 writes a minute: the slider saves once it comes to rest. */
const HOVER_DELAY_SAVE_MS = 400;
const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

const root = document.getElementById('app') as HTMLElement;
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const browserFamily = browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';

let settings: Settings | undefined;
let shortcuts: readonly Shortcut[] = [];
let notice: OptionsNotice | undefined;
let pendingDelay: number | undefined;
let delayTimer: ReturnType<typeof setTimeout> | undefined;

function save(patch: Partial<Settings>): Promise<void> {
  // Shown at once, so a second click before storage answers builds on the first one.
  if (settings) settings = applySettingsPatch(settings, patch);
  draw();
  return saveSettings(patch).then(
    () => {
      if (notice === 'save-error') notice = undefined;
    },
    async (error: unknown) => {
      console.debug('[TechWar Lens] could not save settings', error);
      notice = 'save-error';
      settings = await loadSettings();
      draw();
    },
  );
}

function flushHoverDelay(): void {
  clearTimeout(delayTimer);
  if (pendingDelay === undefined) return;
  const hoverDelayMs = pendingDelay;
  void save({ hoverDelayMs }).finally(() => {
    if (pendingDelay === hoverDelayMs) pendingDelay = undefined;
    draw();
  });
}

async function removeEnabledSite(origin: string): Promise<void> {
  const { ok } = await sendToBackground('disable-site', { origin }).catch(() => ({ ok: false }));
  if (!ok) notice = 'save-error';
  draw();
}

async function resetAll(): Promise<void> {
  // Enabled sites hold permissions and registrations, which only the background gives back.
  for (const origin of settings?.enabledSites ?? [])
    await sendToBackground('disable-site', { origin }).catch(() => undefined);
  pendingDelay = undefined;
  clearTimeout(delayTimer);
  try {
    await resetSettings();
    notice = 'reset-done';
  } catch (error) {
    console.debug('[TechWar Lens] could not reset settings', error);
    notice = 'save-error';
  }
  draw();
}

function draw(): void {
  if (!settings) return;
  const current = settings;
  render(
    <App
      t={translate}
      topics={digest.topics}
      settings={current}
      hoverDelayMs={pendingDelay ?? current.hoverDelayMs}
      shortcuts={shortcuts}
      browserFamily={browserFamily}
      theme={darkScheme.matches ? 'dark' : 'light'}
      notice={notice}
      onSave={(patch) => {
        notice = undefined;
        void save(patch);
      }}
      onHoverDelay={(ms) => {
        pendingDelay = ms;
        clearTimeout(delayTimer);
        delayTimer = setTimeout(flushHoverDelay, HOVER_DELAY_SAVE_MS);
        draw();
      }}
      onRemovePausedSite={(hostname) => void save({ pausedSites: current.pausedSites.filter((h) => h !== hostname) })}
      onRemoveEnabledSite={(origin) => void removeEnabledSite(origin)}
      onOpenShortcuts={() => void browser.tabs.create({ url: SHORTCUTS_PAGE })}
      onReset={() => void resetAll()}
    />,
    root,
  );
}

document.documentElement.lang = translate('popup_lang');
document.title = translate('options_title');
onSettingsChanged((next) => {
  settings = next;
  draw();
});
darkScheme.addEventListener('change', draw);
// Leaving the page mid-drag still saves where the slider stopped.
addEventListener('pagehide', flushHoverDelay);

// Firefox for Android has no keyboard commands: the list is then empty, not an error.
const commands = (browser as { commands?: typeof browser.commands }).commands;
shortcuts = ((await commands?.getAll().catch(() => [])) ?? []).map(({ name = '', shortcut }) => ({ name, shortcut }));
settings = await loadSettings();
draw();
