// Sites the user enabled outside the curated list: the content script is registered for each
// origin in settings.enabledSites whose host permission this browser holds. Registrations persist
// across sessions; syncSiteScripts makes them match the settings again and is safe to repeat.
import browser, { type Scripting } from 'webextension-polyfill';
import { enabledSitePattern, loadSettings, normalizeOrigin, saveSettings } from '../settings';

const SCRIPT_ID_PREFIX = 'techwar-site:';

export function siteScriptId(origin: string): string {
  return SCRIPT_ID_PREFIX + origin;
}

/**
 * A path relative to the extension's root. Firefox's getManifest() (and its list of registered
 * scripts) gives absolute moz-extension:// URLs, which registerContentScripts rejects.
 */
export function extensionRelative(path: string): string {
  const root = browser.runtime.getURL('');
  return path.startsWith(root) ? path.slice(root.length) : path.replace(/^\//, '');
}

const relative = (paths: readonly string[] | undefined): string[] => (paths ?? []).map(extensionRelative);

/** The built file names of the content script, as the manifest declares them. */
function contentScriptFiles(): { js: string[]; css: string[] } {
  const [declared] = browser.runtime.getManifest().content_scripts ?? [];
  return { js: relative(declared?.js), css: relative(declared?.css) };
}

function registrationFor(origin: string): Scripting.RegisteredContentScript {
  return {
    id: siteScriptId(origin),
    matches: [enabledSitePattern(origin)],
    ...contentScriptFiles(),
    runAt: 'document_idle',
    allFrames: true,
    persistAcrossSessions: true,
  };
}

function hasSitePermission(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [enabledSitePattern(origin)] });
}

/** Registered with what this build would register now (an update can rename the files). */
function isCurrent(registered: Scripting.RegisteredContentScript, wanted: Scripting.RegisteredContentScript): boolean {
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
  return (
    same(registered.matches, wanted.matches) &&
    same(relative(registered.js), wanted.js) &&
    same(relative(registered.css), wanted.css)
  );
}

/** Makes the registrations match the settings and permissions; the ids it registered. */
async function syncNow(): Promise<string[]> {
  const { enabledSites } = await loadSettings();
  const granted = await Promise.all(enabledSites.map(async (o) => ((await hasSitePermission(o)) ? o : undefined)));
  const wanted = new Map(
    granted.filter((o): o is string => o !== undefined).map((o) => [siteScriptId(o), registrationFor(o)]),
  );
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_ID_PREFIX));
  const keep = new Set(
    ours.filter((s) => wanted.has(s.id) && isCurrent(s, wanted.get(s.id) as typeof s)).map((s) => s.id),
  );
  const stale = ours.filter((s) => !keep.has(s.id)).map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const missing = [...wanted.values()].filter((s) => !keep.has(s.id));
  if (missing.length > 0) await browser.scripting.registerContentScripts(missing);
  return missing.map((s) => s.id);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs registration work one task at a time, so overlapping triggers (startup, a settings change,
 * a permission grant and the popup's own request for the same site) never race to register the
 * same id twice or start the script in a tab twice.
 */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Registers the content script for every enabled, permitted origin and unregisters the rest. */
export async function syncSiteScripts(): Promise<void> {
  await serially(syncNow);
}

/** Starts the content script in the origin's open tabs; it guards against a second start. */
async function startInOpenTabs(origin: string): Promise<void> {
  const { js, css } = contentScriptFiles();
  // Matching tabs by URL needs only the host permission just granted, not "tabs".
  const tabs = await browser.tabs.query({ url: enabledSitePattern(origin) });
  await Promise.all(
    tabs.map(async ({ id }) => {
      if (id === undefined) return;
      const target = { tabId: id, allFrames: true };
      try {
        await browser.scripting.insertCSS({ target, files: css });
        await browser.scripting.executeScript({ target, files: js });
      } catch (error) {
        // A tab that is still loading gets the registered script anyway.
        console.debug('[TechWar Lens] could not start in an open tab', error);
      }
    }),
  );
}

/** After the user granted the origin: records it, registers the script and starts it in open tabs. */
export function enableSite(rawOrigin: string): Promise<boolean> {
  return serially(async () => {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin || !(await hasSitePermission(origin))) return false;
    const { enabledSites } = await loadSettings();
    // Already listed (enabled on another device, say) still needs registering and starting here.
    // The parser drops sites past the cap, so "saved" means "present afterwards".
    const saved = await saveSettings({ enabledSites: [...enabledSites.filter((o) => o !== origin), origin] });
    if (!saved.enabledSites.includes(origin)) return false;
    // Open tabs only need starting when the script was not registered yet: otherwise they have it.
    if ((await syncNow()).includes(siteScriptId(origin))) await startInOpenTabs(origin);
    return true;
  });
}

/** Forgets the origin, unregisters its script and gives its permission back. */
export function disableSite(rawOrigin: string): Promise<boolean> {
  return serially(async () => {
    const origin = normalizeOrigin(rawOrigin);
    if (!origin) return false;
    const { enabledSites } = await loadSettings();
    await saveSettings({ enabledSites: enabledSites.filter((o) => o !== origin) });
    await syncNow();
    await browser.permissions.remove({ origins: [enabledSitePattern(origin)] }).catch(() => false);
    return true;
  });
}

/** The origin a granted `https://host/*` pattern stands for; undefined for wildcard hosts. */
export function originOfPattern(pattern: string): string | undefined {
  const match = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
  return match ? normalizeOrigin(match[1]) : undefined;
}

/**
 * Host permissions are only ever asked for to enable a site, so a grant completes the enabling.
 * This matters in Firefox, which closes the popup when its permission prompt opens, before the
 * popup can ask the background itself.
 */
export async function enableGrantedSites(origins: readonly string[]): Promise<void> {
  for (const pattern of origins) {
    const origin = originOfPattern(pattern);
    if (origin) await enableSite(origin);
  }
}
