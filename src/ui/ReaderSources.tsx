import type { Source } from '../digest/schema';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { ReaderDate } from './ReaderDate';
import { ReaderEntryLinks } from './ReaderEntryLinks';
import { ReaderViewHeader } from './ReaderViewHeader';

function SourceArticle({ ctx, source }: { ctx: ReaderContext; source: Source }) {
  const { lookup, t } = ctx;
  const headingId = `tw-reader-source-${source.id}`;
  // The same rule as the card's "in N of 5 sources": an entry cites what its summary, facts,
  // quotes, events and disputes cite.
  const citing = lookup.digest.entries.filter((e) => lookup.sourcesOf(e.id).some((s) => s.id === source.id));
  return (
    <article class="tw-reader-source" aria-labelledby={headingId} data-source-id={source.id}>
      <h2 id={headingId} lang={DIGEST_LANG}>
        {source.outlet}
      </h2>
      <dl class="tw-reader-facts-table">
        <dt>{t('reader_source_kind')}</dt>
        <dd>{t(`reader_source_kind_${source.kind}`)}</dd>
        <dt>{t('reader_source_date')}</dt>
        <dd>
          <ReaderDate date={source.date} locale={ctx.locale} t={t} />
        </dd>
        <dt>{t('reader_source_badge')}</dt>
        <dd lang={DIGEST_LANG}>{source.short}</dd>
      </dl>
      <p lang={DIGEST_LANG}>{source.description}</p>
      <h3>{t('reader_source_contributes')}</h3>
      <p lang={DIGEST_LANG}>{source.contributes}</p>
      <h3>{t('reader_source_cited_by', String(citing.length))}</h3>
      <ReaderEntryLinks
        ctx={ctx}
        ids={citing.map((e) => e.id)}
        label={t('reader_source_cited_by', String(citing.length))}
      />
    </article>
  );
}

/** The documents the digest is drawn from, and which entries cite each. */
export function ReaderSources({ ctx }: { ctx: ReaderContext }) {
  return (
    <div class="tw-reader-view">
      <ReaderViewHeader
        title={ctx.t('reader_sources_title')}
        intro={ctx.t('reader_sources_intro', String(ctx.lookup.digest.sources.length))}
      />
      {ctx.lookup.digest.sources.map((source) => (
        <SourceArticle key={source.id} ctx={ctx} source={source} />
      ))}
    </div>
  );
}
