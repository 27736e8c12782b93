import type { EntrySearch } from '../digest/search';
import { READER_VIEWS, type ReaderRoute, type ReaderView, readerHash } from '../messages/reader-route';
import { ReaderBriefing } from '../ui/ReaderBriefing';
import type { ReaderContext } from '../ui/ReaderContext';
import { ReaderDisputes } from '../ui/ReaderDisputes';
import { ReaderEntry } from '../ui/ReaderEntry';
import { ReaderSearch, type ReaderSearchState } from '../ui/ReaderSearch';
import { ReaderSources } from '../ui/ReaderSources';
import { ReaderTimeline } from '../ui/ReaderTimeline';

export type SearchRoute = Extract<ReaderRoute, { view: 'search' }>;

export interface ReaderAppProps {
  ctx: ReaderContext;
  search: EntrySearch;
  route: ReaderRoute;
  /** Where the Search tab leads: the last search, so leaving it and coming back keeps the query. */
  lastSearch: SearchRoute;
  onSearch: (next: SearchRoute) => void;
  onTimelineTopic: (topic: string | undefined) => void;
  onOpenEntry: (entryId: string) => void;
}

const MAIN_ID = 'tw-reader-main';

/** A hash can carry any text; filters the digest does not know are dropped rather than matching nothing. */
function knownFilters(ctx: ReaderContext, route: SearchRoute): ReaderSearchState {
  const { lookup } = ctx;
  const topic = route.topic && lookup.topic(route.topic) ? route.topic : undefined;
  const kind = lookup.digest.entries.find((e) => e.kind === route.kind)?.kind;
  return { query: route.query, topic, kind };
}

function knownTopic(ctx: ReaderContext, topic: string | undefined): string | undefined {
  return topic && ctx.lookup.topic(topic) ? topic : undefined;
}

/** The document title: what the view shows, then the extension's name. */
export function readerTitle(ctx: ReaderContext, route: ReaderRoute): string {
  const what =
    route.view === 'entry'
      ? (ctx.lookup.entry(route.entryId)?.name ?? ctx.t('reader_entry_missing', route.entryId))
      : ctx.t(`reader_view_${route.view}`);
  return `${what} · ${ctx.t('reader_app_name')}`;
}

function View({ ctx, search, route, onSearch, onTimelineTopic, onOpenEntry }: ReaderAppProps) {
  switch (route.view) {
    case 'entry':
      return <ReaderEntry ctx={ctx} entryId={route.entryId} />;
    case 'search':
      return (
        <ReaderSearch
          ctx={ctx}
          search={search}
          {...knownFilters(ctx, route)}
          onChange={(next) => onSearch({ view: 'search', ...next })}
          onOpen={onOpenEntry}
        />
      );
    case 'briefing':
      return <ReaderBriefing ctx={ctx} />;
    case 'timeline':
      return <ReaderTimeline ctx={ctx} topic={knownTopic(ctx, route.topic)} onTopicChange={onTimelineTopic} />;
    case 'disputes':
      return <ReaderDisputes ctx={ctx} />;
    case 'sources':
      return <ReaderSources ctx={ctx} />;
  }
}

function navHref(view: ReaderView, props: ReaderAppProps): string {
  if (view === 'search') return readerHash(props.lastSearch);
  if (view === 'timeline' && props.route.view === 'timeline') return readerHash(props.route);
  return readerHash({ view });
}

/** The reader page: a skip link, the title and view tabs, and the current view. */
export function App(props: ReaderAppProps) {
  const { ctx, route } = props;
  const { t, lookup } = ctx;
  return (
    <div class="tw-reader">
      <a class="tw-reader-skip" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t('reader_skip')}
      </a>
      <header class="tw-reader-top">
        <div class="tw-reader-top-inner">
          <p class="tw-reader-brand">{t('reader_app_name')}</p>
          <nav class="tw-reader-nav" aria-label={t('reader_nav_label')}>
            <ul>
              {READER_VIEWS.map((view) => (
                <li key={view}>
                  <a
                    href={navHref(view, props)}
                    aria-current={route.view === view ? 'page' : undefined}
                    data-view={view}
                  >
                    {t(`reader_view_${view}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id={MAIN_ID} class="tw-reader-main" tabIndex={-1} data-view={route.view}>
        <View {...props} />
      </main>
      <footer class="tw-reader-foot">
        <p>{t('reader_footer', [String(lookup.digest.entries.length), String(lookup.digest.sources.length)])}</p>
      </footer>
    </div>
  );
}

/** The hash is the reader's address, so the skip link moves focus itself instead of changing it. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}
