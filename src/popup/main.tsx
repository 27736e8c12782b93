// Popup entry: wires the tab it speaks for, the settings and the browser to the props-only App.
import { render } from 'preact';
import browser, { type Runtime } from 'webextension-polyfill';
import { digest } from '../digest';
import { createDigestLookup } from '../digest/lookup';
import { translate } from '../i18n';
import { parseMessage, sendToBackground, sendToTab } from '../messages';
import { applySettingsPatch, loadSettings, onSettingsChanged, type Settings, saveSettings } from '../settings';
// card.css holds the source badge and fact label styles the popup shares with the card.
import '../ui/card.css';
import '../ui/popup.css';
import { App, type PopupNotice } from './App';
import { describePage, type SummaryAnswer } from './page-status';
import { pausedSitesWith, pausedSitesWithout, sitePermission } from './site';

/** A page that should answer but does not yet (still loading, just enabled) gets asked again. */
const SUMMARY_RETRIES = 5;
const SUMMARY_RETRY_MS = 300;

const lookup = createDigestLookup(digest);
const root = document.getElementById('app') as HTMLElement;
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const curatedPatterns = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);

/** `?tab=<id>` opens the popup page in a tab of its own (tests): it speaks for that tab and stays open. */
const tabFromQuery = Number(new URLSearchParams(location.search).get('tab'));
const openedAsTab = Number.isInteger(tabFromQuery) && tabFromQuery > 0;

let settings: Settings | undefined;
let tabId: number | undefined;
/** Hidden unless the browser grants activeTab (a click on the toolbar button) or a host permission. */
let tabUrl: string | undefined;
let granted = false;
let summary: SummaryAnswer;
let notice: PopupNotice | undefined;
let summaryRequest = 0;

function closePopup(): void {
  if (!openedAsTab) window.close();
}

function currentStatus(current: Settings) {
  return describePage({ url: tabUrl, summary, settings: current, curatedPatterns, granted });
}

function save(patch: Partial<Settings>): void {
  // Shown at once, so a second click before storage answers builds on the first one.
  if (settings) settings = applySettingsPatch(settings, patch);
  draw();
  saveSettings(patch).then(
    () => {
      notice = undefined;
      draw();
    },
    async (error: unknown) => {
      console.debug('[TechWar Lens] could not save settings', error);
      notice = 'error';
      settings = await loadSettings();
      draw();
    },
  );
}

function enableSite(origin: string): void {
  // Called straight from the click: the permission prompt needs the user's gesture.
  browser.permissions
    .request(sitePermission(origin))
    .then(async (ok) => {
      notice = ok ? undefined : 'denied';
      if (ok && !(await sendToBackground('enable-site', { origin })).ok) notice = 'error';
      granted = ok;
      void readSummary();
    })
    .catch(() => {
      notice = 'error';
    })
    .finally(draw);
}

async function disableSite(origin: string): Promise<void> {
  const { ok } = await sendToBackground('disable-site', { origin }).catch(() => ({ ok: false }));
  notice = ok ? undefined : 'error';
  if (ok) granted = false;
  // The running script stays until the page reloads; a reload leaves the page as it was.
  if (ok && tabId !== undefined) await browser.tabs.reload(tabId).catch(() => undefined);
  draw();
}

function draw(): void {
  if (!settings) return;
  const current = settings;
  const status = currentStatus(current);
  const site = status.site;
  render(
    <App
      t={translate}
      lookup={lookup}
      settings={current}
      status={status}
      theme={darkScheme.matches ? 'dark' : 'light'}
      notice={notice}
      onSetEnabled={(enabled) => save({ enabled })}
      onSetDisabledTopics={(disabledTopics) => save({ disabledTopics })}
      onJumpTo={(entryId) => {
        if (tabId === undefined) return;
        sendToTab(tabId, 'jump-to', { entryId }, { frameId: 0 })
          .then(({ ok }) => ok && closePopup())
          .catch((error: unknown) => console.debug('[TechWar Lens] jump failed', error));
      }}
      onShowAll={(on) => {
        if (tabId === undefined) return;
        sendToTab(tabId, 'show-all', { on }, { frameId: 0 })
          .then(() => readSummary())
          .catch((error: unknown) => console.debug('[TechWar Lens] show-all failed', error));
      }}
      onReload={() => {
        if (tabId !== undefined) void browser.tabs.reload(tabId).then(closePopup, () => undefined);
      }}
      onPauseSite={() => site && save({ pausedSites: pausedSitesWith(current.pausedSites, site.hostname) })}
      onResumeSite={() => site && save({ pausedSites: pausedSitesWithout(current.pausedSites, site.hostname) })}
      onEnableSite={() => site && enableSite(site.origin)}
      onDisableSite={() => site && void disableSite(site.origin)}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(closePopup)}
      onOpenReader={() => void sendToBackground('open-reader', {}).then(closePopup)}
    />,
    root,
  );
}

async function readTab(): Promise<void> {
  const tab = openedAsTab
    ? await browser.tabs.get(tabFromQuery).catch(() => undefined)
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  tabId = tab?.id;
  tabUrl = tab?.url;
  const origin = tabUrl?.startsWith('http') ? new URL(tabUrl).origin : undefined;
  granted = origin !== undefined && (await browser.permissions.contains(sitePermission(origin)).catch(() => false));
}

/** Asks the tab's top frame for its summary; the latest question wins, and a page that should run is asked again. */
async function readSummary(attempt = 0): Promise<void> {
  const request = ++summaryRequest;
  let answer: SummaryAnswer = 'unavailable';
  if (tabId !== undefined) {
    answer = await sendToTab(tabId, 'get-summary', {}, { frameId: 0 }).catch((): SummaryAnswer => 'unavailable');
  }
  if (request !== summaryRequest) return;
  summary = answer;
  draw();
  const waiting = settings && currentStatus(settings).view === 'reload';
  if (waiting && attempt < SUMMARY_RETRIES) setTimeout(() => void readSummary(attempt + 1), SUMMARY_RETRY_MS);
}

/** The page reports its summary to the background whenever it changes; the popup listens in. */
function followPageReports(raw: unknown, sender: Runtime.MessageSender): undefined {
  const message = parseMessage(raw, sender.id, browser.runtime.id);
  if (message?.type === 'page-summary' && sender.tab?.id === tabId && sender.frameId === 0) void readSummary();
  return undefined;
}

document.documentElement.lang = translate('popup_lang');
browser.runtime.onMessage.addListener(followPageReports);
browser.tabs.onUpdated.addListener((updated, change) => {
  if (updated !== tabId || change.status === undefined) return;
  if (change.status === 'loading') summary = undefined;
  void readTab().then(() => readSummary());
});
onSettingsChanged((next) => {
  settings = next;
  draw();
  void readSummary();
});
darkScheme.addEventListener('change', draw);

settings = await loadSettings();
await readTab();
draw();
void readSummary();
