import type { DigestLookup } from '../digest/lookup';
import type { Fact } from '../digest/schema';
import { digestDateText } from './digestDateText';
import { SourceBadges } from './SourceBadge';
import { TopicChip } from './TopicChip';
import type { Translate } from './translate';

export const CARD_MAX_FACTS = 4;
const CARD_MAX_EVENTS = 3;

export interface CardProps {
  lookup: DigestLookup;
  entryId: string;
  t: Translate;
  theme: 'light' | 'dark';
  pinned: boolean;
  canGoBack: boolean;
  onOpenEntry: (entryId: string) => void;
  onBack: () => void;
  onOpenReader: (entryId: string) => void;
  onClose: () => void;
}

function factLabel(fact: Fact, t: Translate): string | null {
  if (fact.label === 'reported') return null;
  const word = t(`card_label_${fact.label}`);
  return fact.by ? `${word} · ${fact.by}` : word;
}

/** The context card: what the entry is, what the sources say about it, and where they differ. */
export function Card(props: CardProps) {
  const { lookup, entryId, t, theme, pinned, canGoBack, onOpenEntry, onBack, onOpenReader, onClose } = props;
  const entry = lookup.entry(entryId);
  if (!entry) return null;
  const topic = lookup.topic(entry.topics[0] ?? '');
  const titleId = `tw-card-title-${entry.id}`;
  const sourcesOf = (ids: readonly string[]) => ids.map((id) => lookup.source(id));
  const disputes = lookup.disputesOf(entry.id);
  const events = lookup.eventsOf(entry.id).slice(0, CARD_MAX_EVENTS);
  const cited = lookup.sourcesOf(entry.id).length;
  const total = lookup.digest.sources.length;

  return (
    <section
      class={`tw-card tw-${theme}`}
      data-testid="techwar-card"
      data-entry-id={entry.id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <div class="tw-head">
        <div class="tw-head-text">
          <h2 id={titleId} class="tw-name">
            {entry.name}
          </h2>
          <div class="tw-meta">
            <span class="tw-kind">{t(`card_kind_${entry.kind}`)}</span>
            {topic ? <TopicChip topic={topic} theme={theme} /> : null}
          </div>
        </div>
        {pinned ? (
          <button type="button" class="tw-icon-button" aria-label={t('card_close')} onClick={onClose}>
            ×
          </button>
        ) : null}
      </div>

      <p class="tw-summary">
        {entry.summary.text}{' '}
        <SourceBadges sources={sourcesOf(entry.summary.sources)} evidence={entry.summary.evidence} t={t} />
      </p>

      {entry.facts.length > 0 ? (
        <ul class="tw-facts" aria-label={t('card_keyFacts')}>
          {entry.facts.slice(0, CARD_MAX_FACTS).map((fact) => {
            const label = factLabel(fact, t);
            return (
              <li key={fact.text}>
                {label ? <span class={`tw-label tw-label-${fact.label}`}>{label}</span> : null}
                {fact.text} <SourceBadges sources={sourcesOf(fact.sources)} evidence={fact.evidence} t={t} />
              </li>
            );
          })}
        </ul>
      ) : null}

      {entry.quotes[0] ? (
        <figure class="tw-quote">
          <blockquote>“{entry.quotes[0].text}”</blockquote>
          <figcaption>
            — {entry.quotes[0].speaker} <SourceBadges sources={sourcesOf([entry.quotes[0].source])} t={t} />
          </figcaption>
        </figure>
      ) : null}

      {disputes.length > 0 ? (
        <section class="tw-disputes" aria-label={t('card_sourcesDisagree')}>
          <h3>{t('card_sourcesDisagree')}</h3>
          {disputes.map((d) => (
            <div key={d.id} class="tw-dispute">
              <p class="tw-question">{d.question}</p>
              <ul>
                {d.sides.map((side) => (
                  <li key={side.text}>
                    {side.text} <SourceBadges sources={sourcesOf(side.sources)} evidence={side.evidence} t={t} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      {events.length > 0 ? (
        <section class="tw-events" aria-label={t('card_timeline')}>
          <h3>{t('card_timeline')}</h3>
          <ol>
            {events.map((ev) => (
              <li key={ev.id}>
                <time dateTime={ev.date.date}>{digestDateText(ev.date, t)}</time> {ev.text}{' '}
                <SourceBadges sources={sourcesOf(ev.sources)} evidence={ev.evidence} t={t} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {entry.related.length > 0 ? (
        <nav class="tw-related" aria-label={t('card_related')}>
          {entry.related.map((id) => {
            const rel = lookup.entry(id);
            return rel ? (
              <button key={id} type="button" class="tw-related-chip" onClick={() => onOpenEntry(id)}>
                {rel.name}
              </button>
            ) : null;
          })}
        </nav>
      ) : null}

      <div class="tw-foot">
        {canGoBack ? (
          <button type="button" class="tw-back" onClick={onBack}>
            ← {t('card_back')}
          </button>
        ) : null}
        <span class="tw-count">{t('card_inSources', [String(cited), String(total)])}</span>
        <button type="button" class="tw-reader-link" onClick={() => onOpenReader(entry.id)}>
          {t('card_openReader')}
        </button>
      </div>
    </section>
  );
}
