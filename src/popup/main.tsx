// Popup entry: reads the active tab's summary and the settings, and writes toggles back.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { digest } from '../digest';
import { createDigestLookup } from '../digest/lookup';
import { sendToTab } from '../messages';
import { loadSettings, onSettingsChanged, type Settings, saveSettings } from '../settings';
import '../ui/popup.css';
import { App, type PopupProps } from './App';

const lookup = createDigestLookup(digest);
const root = document.getElementById('app') as HTMLElement;
const theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
let settings: Settings | undefined;
let summary: PopupProps['summary'];

function draw(): void {
  if (!settings) return;
  const current = settings;
  render(
    <App
      lookup={lookup}
      settings={current}
      summary={summary}
      theme={theme}
      onSetEnabled={(enabled) => void saveSettings({ enabled })}
      onToggleTopic={(topicId, on) => {
        const off = new Set(current.disabledTopics);
        if (on) off.delete(topicId);
        else off.add(topicId);
        void saveSettings({ disabledTopics: [...off] });
      }}
    />,
    root,
  );
}

/** The tab the popup speaks for; `?tab=<id>` lets the popup page be opened in a tab of its own. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function readSummary(): Promise<void> {
  const tabId = await targetTabId();
  try {
    summary = tabId === undefined ? 'unavailable' : await sendToTab(tabId, 'get-summary', {}, { frameId: 0 });
  } catch {
    summary = 'unavailable';
  }
  draw();
}

onSettingsChanged((next) => {
  settings = next;
  draw();
  void readSummary();
});
settings = await loadSettings();
draw();
void readSummary();
