import { useRef } from 'preact/hooks';
import type { EntryKind } from '../digest/schema';
import type { EntrySearch, SearchFilters, SearchHit } from '../digest/search';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { ReaderTopicSelect } from './ReaderTopicSelect';
import { ReaderViewHeader } from './ReaderViewHeader';
import { TopicChip } from './TopicChip';

/** The page's `/` shortcut focuses this input. */
export const SEARCH_INPUT_ID = 'tw-reader-search';
const RESULTS_ID = 'tw-reader-results';

export interface ReaderSearchState {
  query: string;
  topic?: string;
  kind?: EntryKind;
}

export interface ReaderSearchProps extends ReaderSearchState {
  ctx: ReaderContext;
  search: EntrySearch;
  /** Every keystroke and filter change; the page keeps the URL in step. */
  onChange: (next: ReaderSearchState) => void;
  onOpen: (entryId: string) => void;
}

function ResultItem({ ctx, hit }: { ctx: ReaderContext; hit: SearchHit }) {
  const { entry, match } = hit;
  const topic = ctx.lookup.topic(entry.topics[0] ?? '');
  return (
    <li class="tw-reader-result" data-entry-id={entry.id}>
      <div class="tw-reader-result-head">
        <a class="tw-reader-result-link" href={ctx.entryHref(entry.id)} lang={DIGEST_LANG}>
          {entry.name}
        </a>
        <span class="tw-reader-kind">{ctx.t(`card_kind_${entry.kind}`)}</span>
        {topic ? <TopicChip topic={topic} theme={ctx.theme} /> : null}
      </div>
      {match && match.text !== entry.name ? (
        <p class="tw-reader-matched">{ctx.t('reader_matched', match.text)}</p>
      ) : null}
      <p class="tw-reader-result-summary" lang={DIGEST_LANG}>
        {entry.summary.text}
      </p>
    </li>
  );
}

/** What the status line says: how many entries, or that the query is not in the digest. */
function statusText(ctx: ReaderContext, query: string, hits: number, hitsUnfiltered: number): string {
  const q = query.trim();
  if (hits > 0) return hits === 1 ? ctx.t('reader_results_one') : ctx.t('reader_results_many', String(hits));
  if (q === '') return ctx.t('reader_no_entries_filtered');
  return hitsUnfiltered > 0 ? ctx.t('reader_filtered_out', q) : ctx.t('reader_not_in_digest', q);
}

/**
 * Search as you type, keyboard first: ArrowDown moves from the box into the results, ArrowUp and
 * ArrowDown move through them (ArrowUp from the first returns to the box), Enter opens a result,
 * or the first one when the box has focus, and Escape clears the box.
 */
export function ReaderSearch({ ctx, search, query, topic, kind, onChange, onOpen }: ReaderSearchProps) {
  const { t } = ctx;
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const filters: SearchFilters = { topic, kind };
  const hits = search.search(query, filters);
  const filtered = topic !== undefined || kind !== undefined;
  const hitsUnfiltered = filtered && hits.length === 0 ? search.search(query).length : hits.length;
  const notInDigest = hits.length === 0 && query.trim() !== '' && hitsUnfiltered === 0;
  const kinds = [...new Set(ctx.lookup.digest.entries.map((e) => e.kind))]
    .map((k) => ({ kind: k, label: t(`card_kind_${k}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));

  const results = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('.tw-reader-result-link') ?? [])];

  function onInputKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      results()[0]?.focus();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      onChange({ query: '', topic, kind });
    }
  }

  function onResultsKeyDown(event: KeyboardEvent) {
    const links = results();
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]?.focus();
    else if (event.key === 'ArrowUp') (at === 0 ? inputRef.current : links[at - 1])?.focus();
    else if (event.key === 'Escape') inputRef.current?.focus();
    else return;
    event.preventDefault();
  }

  return (
    <div class="tw-reader-view">
      <ReaderViewHeader title={t('reader_search_title')} intro={t('reader_search_intro')} />
      <search>
        <form
          class="tw-reader-search-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (hits[0]) onOpen(hits[0].entry.id);
          }}
        >
          <label class="tw-reader-search-label" for={SEARCH_INPUT_ID}>
            {t('reader_search_label')}
          </label>
          <input
            ref={inputRef}
            id={SEARCH_INPUT_ID}
            class="tw-reader-search-input"
            type="search"
            value={query}
            autocomplete="off"
            spellcheck={false}
            aria-describedby="tw-reader-search-hint"
            aria-controls={hits.length > 0 ? RESULTS_ID : undefined}
            onInput={(event) => onChange({ query: event.currentTarget.value, topic, kind })}
            onKeyDown={onInputKeyDown}
          />
          <p id="tw-reader-search-hint" class="tw-reader-hint">
            {t('reader_search_hint')}
          </p>
          <div class="tw-reader-filters">
            <ReaderTopicSelect ctx={ctx} value={topic} onChange={(next) => onChange({ query, topic: next, kind })} />
            <label class="tw-reader-filter">
              <span>{t('reader_filter_kind')}</span>
              <select
                value={kind ?? ''}
                onChange={(event) =>
                  onChange({ query, topic, kind: (event.currentTarget.value || undefined) as EntryKind | undefined })
                }
              >
                <option value="">{t('reader_filter_any_kind')}</option>
                {kinds.map(({ kind: k, label }) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </form>
      </search>

      <p
        class={`tw-reader-status${hits.length === 0 ? ' tw-reader-status-empty' : ''}`}
        role="status"
        data-testid={notInDigest ? 'reader-not-in-digest' : undefined}
      >
        {statusText(ctx, query, hits.length, hitsUnfiltered)}
      </p>
      {notInDigest ? (
        <p class="tw-reader-hint">
          {t('reader_not_in_digest_hint', [
            String(ctx.lookup.digest.entries.length),
            String(ctx.lookup.digest.sources.length),
          ])}
        </p>
      ) : null}
      {filtered && hits.length === 0 ? (
        <button type="button" class="tw-reader-button" onClick={() => onChange({ query })}>
          {t('reader_clear_filters')}
        </button>
      ) : null}

      {hits.length > 0 ? (
        <ol
          ref={listRef}
          id={RESULTS_ID}
          class="tw-reader-results"
          aria-label={t('reader_results_label')}
          onKeyDown={onResultsKeyDown}
        >
          {hits.map((hit) => (
            <ResultItem key={hit.entry.id} ctx={ctx} hit={hit} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
