// What the popup knows about the tab's site: whether extensions may run there at all, whether the
// curated list or the user enabled it, and whether it is paused. Pure.
import type { Settings } from '../settings/defaults';
import { enabledSitePattern, isSitePaused, pausesHost } from '../settings/queries';
import { matchesAnyPattern } from './match-patterns';

export type SiteAccess = 'curated' | 'enabled' | 'not-enabled';

export interface SiteInfo {
  hostname: string;
  origin: string;
  access: SiteAccess;
  paused: boolean;
}

/** Stores whose pages browsers keep extensions out of, although they are ordinary https pages. */
const EXTENSION_STORES: readonly { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

function isExtensionStore(url: URL): boolean {
  return EXTENSION_STORES.some(({ host, path }) => url.hostname === host && url.pathname.startsWith(path));
}

/**
 * The site of an http(s) page extensions may run on; undefined for browser pages and stores.
 * A site counts as enabled when the settings list it and this browser holds its permission
 * (`granted`): settings sync between browsers, permissions do not.
 */
export function siteOf(
  url: URL,
  settings: Settings,
  curatedPatterns: readonly string[],
  granted: boolean,
): SiteInfo | undefined {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || isExtensionStore(url)) return undefined;
  const access: SiteAccess = matchesAnyPattern(url, curatedPatterns)
    ? 'curated'
    : granted && settings.enabledSites.includes(url.origin)
      ? 'enabled'
      : 'not-enabled';
  return { hostname: url.hostname, origin: url.origin, access, paused: isSitePaused(settings, url.hostname) };
}

export function pausedSitesWith(pausedSites: readonly string[], hostname: string): string[] {
  return [...pausedSites.filter((site) => site !== hostname), hostname];
}

/** Without every entry that pauses `hostname`, a parent domain included (isSitePaused's rule). */
export function pausedSitesWithout(pausedSites: readonly string[], hostname: string): string[] {
  return pausedSites.filter((site) => !pausesHost(site, hostname));
}

/** What the popup asks the browser for before enabling an origin; the background registers the same pattern. */
export function sitePermission(origin: string): { origins: string[] } {
  return { origins: [enabledSitePattern(origin)] };
}
