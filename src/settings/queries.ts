// Questions the rest of the extension asks of a Settings value. Pure: no browser API.
import type { Settings } from './defaults';

/** Whether the topic's own switch is on; the master switch (`enabled`) is a separate question. */
export function isTopicEnabled(settings: Settings, topicId: string): boolean {
  return !settings.disabledTopics.includes(topicId);
}

/** Whether the user paused `hostname` or a parent domain of it (`example.com` pauses `news.example.com`). */
export function isSitePaused(settings: Settings, hostname: string): boolean {
  if (settings.pausedSites.length === 0) return false;
  let candidate = hostname.trim().toLowerCase().replace(/\.$/, '');
  while (candidate.length > 0) {
    if (settings.pausedSites.includes(candidate)) return true;
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  return false;
}

/** The match pattern an enabled site (an origin in `enabledSites`) is asked for and registered with. */
export function enabledSitePattern(origin: string): string {
  return `${origin}/*`;
}
