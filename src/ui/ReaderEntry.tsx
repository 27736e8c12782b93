import type { ComponentChildren } from 'preact';
import type { Fact, Quote, Topic } from '../digest/schema';
import { readerFactLabelKey } from './fact-label';
import { ReaderCited } from './ReaderCited';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { ReaderDispute } from './ReaderDispute';
import { ReaderEntryLinks } from './ReaderEntryLinks';
import { ReaderEvent } from './ReaderEvent';
import { ReaderViewHeader } from './ReaderViewHeader';
import { SourceBadges } from './SourceBadge';
import { TopicChip } from './TopicChip';

/** A fact with its label, whose claim, opinion or forecast it is, and its sources. */
function FactItem({ ctx, fact }: { ctx: ReaderContext; fact: Fact }) {
  return (
    <li data-label={fact.label}>
      <span class={`tw-label tw-label-${fact.label}`}>{ctx.t(readerFactLabelKey(fact.label))}</span>{' '}
      {fact.by ? (
        <span class="tw-reader-by" lang={DIGEST_LANG}>
          {ctx.t('reader_fact_by', fact.by)}
        </span>
      ) : null}{' '}
      <ReaderCited cited={fact} ctx={ctx} />
    </li>
  );
}

function QuoteFigure({ ctx, quote }: { ctx: ReaderContext; quote: Quote }) {
  return (
    <figure class="tw-reader-quote">
      <blockquote lang={DIGEST_LANG}>“{quote.text}”</blockquote>
      <figcaption>
        <span lang={DIGEST_LANG}>
          — <cite>{quote.speaker}</cite>
          {quote.context ? `, ${quote.context}` : null}
        </span>{' '}
        <SourceBadges sources={[ctx.lookup.source(quote.source)]} t={ctx.t} />
      </figcaption>
    </figure>
  );
}

/** A titled part of the entry page, left out when it would be empty. */
function Part({
  id,
  title,
  children,
  show,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
  show: boolean;
}) {
  if (!show) return null;
  return (
    <section class="tw-reader-part" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function EntryNotFound({ ctx, entryId }: { ctx: ReaderContext; entryId: string }) {
  return (
    <div class="tw-reader-view">
      <ReaderViewHeader title={ctx.t('reader_entry_missing', entryId)} intro={ctx.t('reader_entry_missing_hint')} />
    </div>
  );
}

/** Everything the digest holds about one entry. */
export function ReaderEntry({ ctx, entryId }: { ctx: ReaderContext; entryId: string }) {
  const { lookup, t } = ctx;
  const entry = lookup.entry(entryId);
  if (!entry) return <EntryNotFound ctx={ctx} entryId={entryId} />;

  const topics = entry.topics.map((id) => lookup.topic(id)).filter((topic): topic is Topic => topic !== undefined);
  const aliases = [
    ...new Set(entry.aliases.map((a) => (typeof a === 'string' ? a : a.text)).filter((a) => a !== entry.name)),
  ];
  const disputes = lookup.disputesOf(entry.id);
  const events = lookup.eventsOf(entry.id);
  const sources = lookup.sourcesOf(entry.id);

  return (
    <article class="tw-reader-view tw-reader-entry" data-entry-id={entry.id}>
      <ReaderViewHeader kicker={t(`card_kind_${entry.kind}`)} title={entry.name} lang={DIGEST_LANG} />
      <ul class="tw-reader-chips" aria-label={t('reader_entry_topics')}>
        {topics.map((topic) => (
          <li key={topic.id}>
            <TopicChip topic={topic} theme={ctx.theme} />
          </li>
        ))}
      </ul>
      {aliases.length > 0 ? (
        <p class="tw-reader-aliases">
          {t('reader_entry_aliases')} <span lang={DIGEST_LANG}>{aliases.join(' · ')}</span>
        </p>
      ) : null}

      <p class="tw-reader-summary">
        <ReaderCited cited={entry.summary} ctx={ctx} />
      </p>

      <Part id="tw-reader-facts" title={t('reader_entry_facts')} show={entry.facts.length > 0}>
        <ul class="tw-reader-facts">
          {entry.facts.map((fact) => (
            <FactItem key={fact.text} ctx={ctx} fact={fact} />
          ))}
        </ul>
      </Part>

      <Part id="tw-reader-quotes" title={t('reader_entry_quotes')} show={entry.quotes.length > 0}>
        {entry.quotes.map((quote) => (
          <QuoteFigure key={quote.text} ctx={ctx} quote={quote} />
        ))}
      </Part>

      <Part id="tw-reader-disputes" title={t('reader_entry_disputes')} show={disputes.length > 0}>
        {disputes.map((dispute) => (
          <ReaderDispute key={dispute.id} ctx={ctx} dispute={dispute} headingLevel={3} entryId={entry.id} />
        ))}
      </Part>

      <Part id="tw-reader-events" title={t('reader_entry_events')} show={events.length > 0}>
        <ol class="tw-reader-timeline">
          {events.map((event) => (
            <ReaderEvent key={event.id} ctx={ctx} event={event} entryId={entry.id} />
          ))}
        </ol>
      </Part>

      <Part id="tw-reader-related" title={t('reader_entry_related')} show={entry.related.length > 0}>
        <ReaderEntryLinks ctx={ctx} ids={entry.related} label={t('reader_entry_related')} />
      </Part>

      <Part id="tw-reader-cited" title={t('reader_entry_sources')} show={sources.length > 0}>
        <p>
          {t('reader_entry_sources_count', [String(sources.length), String(lookup.digest.sources.length)])}{' '}
          <SourceBadges sources={sources} t={t} />
        </p>
      </Part>
    </article>
  );
}
