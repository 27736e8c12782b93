// Questions the rest of the extension asks of a Settings value. Pure: no browser API.
import type { Settings } from './defaults';

/** Whether the topic's own switch is on; the master switch (`enabled`) is a separate question. */
export function isTopicEnabled(settings: Settings, topicId: string): boolean {
  return !settings.disabledTopics.includes(topicId);
}

/** The rule for paused sites: an entry pauses its own hostname and every subdomain (`example.com` pauses `news.example.com`). */
export function pausesHost(pausedSite: string, hostname: string): boolean {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  return host === pausedSite || host.endsWith(`.${pausedSite}`);
}

/** Whether the user paused `hostname` or a parent domain of it. */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  return settings.pausedSites.some((site) => pausesHost(site, hostname));
}

/** The match pattern an enabled site (an origin in `enabledSites`) is asked for and registered with. */
export function enabledSitePattern(origin: string): string {
  return `${origin}/*`;
}
