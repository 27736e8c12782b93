// What the popup's "On this page" section shows, from the tab's URL, the content script's answer
// and the settings. The settings decide first: they are the truth, the page may lag behind. Pure.
import type { PageState } from '../messages/contract';
import type { Settings } from '../settings/defaults';
import { type SiteInfo, siteOf } from './site';

export interface EntryCount {
  id: string;
  count: number;
}

/** The page is off the beat: how many terms it holds back, and whether the reader showed them anyway. */
export interface OffBeat {
  hidden: number;
  showAll: boolean;
}

export interface PageSummary {
  entries: readonly EntryCount[];
  total: number;
  state: PageState;
  offBeat?: OffBeat;
}

/** The content script's answer: undefined while asking, 'unavailable' when nothing answered. */
export type SummaryAnswer = PageSummary | 'unavailable' | undefined;

export type PageView =
  | 'loading'
  | 'browser-page'
  | 'unknown'
  | 'not-enabled'
  | 'reload'
  | 'off'
  | 'paused'
  | 'no-terms'
  | 'found';

export interface PageStatus {
  view: PageView;
  /** Undefined on browser pages, and when the tab's URL is hidden from us. */
  site?: SiteInfo;
  entries: readonly EntryCount[];
  offBeat?: OffBeat;
}

export interface PageInput {
  /** Undefined when the browser does not tell us (no activeTab grant, no host permission). */
  url: string | undefined;
  summary: SummaryAnswer;
  settings: Settings;
  curatedPatterns: readonly string[];
  /** Whether this browser holds the host permission for the page's origin. */
  granted: boolean;
}

function parseUrl(url: string | undefined): URL | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function describePage({ url, summary, settings, curatedPatterns, granted }: PageInput): PageStatus {
  const parsed = parseUrl(url);
  const site = parsed && siteOf(parsed, settings, curatedPatterns, granted);
  const status = (view: PageView, entries: readonly EntryCount[] = []): PageStatus => ({ view, site, entries });
  if (parsed && !site) return status('browser-page');
  if (!settings.enabled) return status('off');
  if (site?.paused) return status('paused');
  if (summary === undefined) return status('loading');
  if (summary === 'unavailable') {
    if (!site) return status('unknown');
    return status(site.access === 'not-enabled' ? 'not-enabled' : 'reload');
  }
  if (summary.state === 'disabled') return status('off');
  if (summary.state === 'paused') return status('paused');
  const shown = summary.entries.length > 0 ? status('found', summary.entries) : status('no-terms');
  return summary.offBeat ? { ...shown, offBeat: summary.offBeat } : shown;
}
