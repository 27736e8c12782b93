// Reader page entry: turns the URL hash into a route, renders the view, and keeps history, focus,
// title and theme in step. Links change the hash (a history entry each); typing in the search box
// replaces the current entry, so the URL stays shareable without one entry per keystroke.
// A looked-up selection arrives through session storage, so its text stays out of history.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { digest } from '../digest';
import { createDigestLookup } from '../digest/lookup';
import { createEntrySearch } from '../digest/search';
import { translate } from '../i18n';
// card.css holds the source badge, topic chip and fact label styles the reader shares with the card.
import '../ui/card.css';
import '../ui/reader.css';
import { lookupStorageKey, lookupToken, parseReaderHash, type ReaderRoute, readerHash } from '../messages/reader-route';
import type { ReaderContext } from '../ui/ReaderContext';
import { SEARCH_INPUT_ID } from '../ui/ReaderSearch';
import { READER_HEADING_ID } from '../ui/ReaderViewHeader';
import { App, readerTitle, type SearchRoute } from './App';

const lookup = createDigestLookup(digest);
const search = createEntrySearch(digest.entries);
const root = document.getElementById('app') as HTMLElement;
const darkScheme = matchMedia('(prefers-color-scheme: dark)');
// The language of the messages actually shown (a browser in French falls back to English).
const locale = translate('reader_lang');
document.documentElement.lang = locale;

let route = parseReaderHash(location.hash);
let lastSearch: SearchRoute = route.view === 'search' ? route : { view: 'search', query: '' };

function context(): ReaderContext {
  return {
    lookup,
    t: translate,
    locale,
    theme: darkScheme.matches ? 'dark' : 'light',
    entryHref: (entryId) => readerHash({ view: 'entry', entryId }),
  };
}

function draw(): void {
  const ctx = context();
  render(
    <App
      ctx={ctx}
      search={search}
      route={route}
      lastSearch={lastSearch}
      onSearch={(next) => {
        history.replaceState(history.state, '', readerHash(next));
        show(next);
      }}
      onTimelineTopic={(topic) => {
        const next: ReaderRoute = { view: 'timeline', topic };
        history.replaceState(history.state, '', readerHash(next));
        show(next);
      }}
      onOpenEntry={(entryId) => {
        location.hash = readerHash({ view: 'entry', entryId });
      }}
    />,
    root,
  );
  document.title = readerTitle(ctx, route);
}

function show(next: ReaderRoute): void {
  route = next;
  if (next.view === 'search') lastSearch = next;
  draw();
}

function focusSearchBox(): void {
  (document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null)?.focus();
}

/** Set by the `/` shortcut when it has to switch to the search view first. */
let focusSearchOnArrival = false;

function sameScreen(a: ReaderRoute, b: ReaderRoute): boolean {
  return a.view === b.view && (a.view !== 'entry' || (b.view === 'entry' && a.entryId === b.entryId));
}

// Links, back and forward, reload-free edits of the URL: a new view or entry starts at the top,
// with focus on its heading so keyboard and screen-reader users land where the content begins.
addEventListener('hashchange', () => {
  const previous = route;
  show(parseReaderHash(location.hash));
  if (focusSearchOnArrival && route.view === 'search') focusSearchBox();
  else if (!sameScreen(previous, route)) {
    scrollTo(0, 0);
    document.getElementById(READER_HEADING_ID)?.focus({ preventScroll: true });
  }
  focusSearchOnArrival = false;
});

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

// "/" focuses the search box from anywhere on the page, as on many sites with search.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
  event.preventDefault();
  if (route.view === 'search') focusSearchBox();
  else {
    focusSearchOnArrival = true;
    location.hash = readerHash(lastSearch);
  }
});

darkScheme.addEventListener('change', draw);

/** The selection the background left for this page, taken once; empty when it is gone. */
async function takeLookedUpText(token: string): Promise<string> {
  const key = lookupStorageKey(token);
  try {
    const { [key]: text } = await browser.storage.session.get(key);
    await browser.storage.session.remove(key);
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

const token = lookupToken(location.hash);
if (token) {
  // The token is spent: a reload or a bookmark opens a plain search.
  history.replaceState(history.state, '', readerHash({ view: 'search', query: '' }));
  void takeLookedUpText(token).then((query) => {
    show({ view: 'search', query });
    focusSearchBox();
  });
}
draw();
if (route.view === 'search') focusSearchBox();
