// The reader page's address: the contract between the reader and the parts that open it (the
// background, for cards and the context menu). It lives in the URL hash, so every view, entry and search can be linked to,
// reloaded and reached with back and forward: #entry=<id>, #q=<text>, #view=<view>, plus the
// filters (&topic=, &kind=) of the search and timeline views.

export const READER_VIEWS = ['search', 'briefing', 'timeline', 'disputes', 'sources'] as const;
export type ReaderView = (typeof READER_VIEWS)[number];

export type ReaderRoute =
  | { view: 'entry'; entryId: string }
  | { view: 'search'; query: string; topic?: string; kind?: string }
  | { view: 'timeline'; topic?: string }
  | { view: 'briefing' | 'disputes' | 'sources' };

function isView(value: string | null): value is ReaderView {
  return (READER_VIEWS as readonly (string | null)[]).includes(value);
}

/** Empty parameters read as absent, so "#view=timeline&topic=" is the unfiltered timeline. */
function param(params: URLSearchParams, name: string): string | undefined {
  return params.get(name) || undefined;
}

/** An unknown view or an empty hash opens the search; the entry view checks that the id exists. */
export function parseReaderHash(hash: string): ReaderRoute {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const entryId = param(params, 'entry');
  if (entryId !== undefined) return { view: 'entry', entryId };
  const view = params.get('view');
  if (view === 'timeline') return { view, topic: param(params, 'topic') };
  if (isView(view) && view !== 'search') return { view };
  return { view: 'search', query: params.get('q') ?? '', topic: param(params, 'topic'), kind: param(params, 'kind') };
}

export const READER_PATH = 'src/reader/index.html';

/** The hash for a route; parseReaderHash reads it back to the same route. */
export function readerHash(route: ReaderRoute): string {
  const params = new URLSearchParams();
  if (route.view === 'entry') params.set('entry', route.entryId);
  else if (route.view === 'search' && route.query !== '') params.set('q', route.query);
  else params.set('view', route.view);
  if ((route.view === 'search' || route.view === 'timeline') && route.topic) params.set('topic', route.topic);
  if (route.view === 'search' && route.kind) params.set('kind', route.kind);
  // URLSearchParams writes spaces as "+"; %20 reads the same to it and to anyone opening the link.
  return `#${params.toString().replaceAll('+', '%20')}`;
}

/**
 * A looked-up selection reaches the reader through session storage, not the address: the hash
 * carries only a one-time token (`#lookup=<uuid>`), so the text never enters the browser's history.
 */
export function lookupHash(token: string): string {
  return `#lookup=${encodeURIComponent(token)}`;
}

export function lookupToken(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get('lookup') || undefined;
}

export function lookupStorageKey(token: string): string {
  return `lookup:${token}`;
}
