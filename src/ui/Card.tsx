import type { ComponentChildren } from 'preact';
import type { DigestLookup } from '../digest/lookup';
import { formatDigestDate } from '../digest/lookup';
import type { CitedText, Entry, Fact } from '../digest/schema';
import { SourceBadges } from './SourceBadge';
import { TopicChip } from './TopicChip';
import type { Translate } from './translate';

const CARD_MAX_EVENTS = 3;
/** At rest the card shows at most this many facts; More shows the rest. */
export const CARD_REST_FACTS = 2;

export interface CardProps {
  lookup: DigestLookup;
  entryId: string;
  t: Translate;
  theme: 'light' | 'dark';
  pinned: boolean;
  /** "More" pressed: facts beyond the chosen ones, quotes, disputes, timeline and related entries. */
  expanded: boolean;
  /** A bottom sheet on a narrow screen: drag handle, close button and previous/next term buttons. */
  sheet: boolean;
  canGoBack: boolean;
  onOpenEntry: (entryId: string) => void;
  onBack: () => void;
  onOpenReader: (entryId: string) => void;
  onClose: () => void;
  onToggleMore: () => void;
  onStep: (direction: 1 | -1) => void;
}

/**
 * Only a person's click acts: a page script can dispatch clicks into our shadow root, and must not
 * be able to open reader tabs or steer the card.
 */
function trusted(action: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) action();
  };
}

function factLabel(fact: Fact, t: Translate): string | null {
  if (fact.label === 'reported') return null;
  const word = t(`card_label_${fact.label}`);
  return fact.by ? `${word} · ${fact.by}` : word;
}

/** The facts the digest chose for the card's resting state, then the rest, each in digest order. */
export function splitFacts(entry: Entry): { rest: Fact[]; more: Fact[] } {
  const chosen = new Set(((entry as PendingEntry).cardFacts ?? [0, 1]).slice(0, CARD_REST_FACTS));
  return {
    rest: entry.facts.filter((_, i) => chosen.has(i)),
    more: entry.facts.filter((_, i) => !chosen.has(i)),
  };
}

// TEMPORARY until the digest branch lands gist and cardFacts in the schema.
type PendingEntry = Entry & { gist?: CitedText; cardFacts?: number[] };

interface Parts {
  lookup: DigestLookup;
  entry: Entry;
  t: Translate;
}

function FactList({ facts, lookup, t, label }: { facts: Fact[]; label: string } & Omit<Parts, 'entry'>) {
  if (facts.length === 0) return null;
  return (
    <ul class="tw-facts" aria-label={label}>
      {facts.map((fact) => {
        const factTag = factLabel(fact, t);
        return (
          <li key={fact.text}>
            {factTag ? <span class={`tw-label tw-label-${fact.label}`}>{factTag}</span> : null}
            {fact.text} <SourceBadges sources={fact.sources.map((id) => lookup.source(id))} t={t} />
          </li>
        );
      })}
    </ul>
  );
}

function Quotes({ lookup, entry, t }: Parts) {
  return (
    <>
      {entry.quotes.map((quote) => (
        <figure key={quote.text} class="tw-quote">
          <blockquote>“{quote.text}”</blockquote>
          <figcaption>
            — {quote.speaker} <SourceBadges sources={[lookup.source(quote.source)]} t={t} />
          </figcaption>
        </figure>
      ))}
    </>
  );
}

function Disputes({ lookup, entry, t }: Parts) {
  const disputes = lookup.disputesOf(entry.id);
  if (disputes.length === 0) return null;
  return (
    <section class="tw-disputes" aria-label={t('card_sourcesDisagree')}>
      <h3>{t('card_sourcesDisagree')}</h3>
      {disputes.map((d) => (
        <div key={d.id} class="tw-dispute">
          <p class="tw-question">{d.question}</p>
          <ul>
            {d.sides.map((side) => (
              <li key={side.text}>
                {side.text} <SourceBadges sources={side.sources.map((id) => lookup.source(id))} t={t} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Timeline({ lookup, entry, t }: Parts) {
  const events = lookup.eventsOf(entry.id).slice(0, CARD_MAX_EVENTS);
  if (events.length === 0) return null;
  return (
    <section class="tw-events" aria-label={t('card_timeline')}>
      <h3>{t('card_timeline')}</h3>
      <ol>
        {events.map((ev) => (
          <li key={ev.id}>
            <time dateTime={ev.date.date}>{formatDigestDate(ev.date)}</time> {ev.text}{' '}
            <SourceBadges sources={ev.sources.map((id) => lookup.source(id))} t={t} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function Related({ lookup, entry, t, onOpenEntry }: Parts & { onOpenEntry: (id: string) => void }) {
  if (entry.related.length === 0) return null;
  return (
    <nav class="tw-related" aria-label={t('card_related')}>
      {entry.related.map((id) => {
        const rel = lookup.entry(id);
        return rel ? (
          <button key={id} type="button" class="tw-related-chip" onClick={trusted(() => onOpenEntry(id))}>
            {rel.name}
          </button>
        ) : null;
      })}
    </nav>
  );
}

/** Everything "More" reveals, in reading order. */
function MoreDetails(props: Parts & { id: string; facts: Fact[]; onOpenEntry: (id: string) => void }) {
  const { lookup, entry, t, id, facts } = props;
  const cited = lookup.sourcesOf(entry.id).length;
  return (
    <div id={id} class="tw-more">
      <FactList facts={facts} lookup={lookup} t={t} label={t('card_keyFacts')} />
      <Quotes {...props} />
      <Disputes {...props} />
      <Timeline {...props} />
      <Related {...props} />
      <p class="tw-count">{t('card_inSources', [String(cited), String(lookup.digest.sources.length)])}</p>
    </div>
  );
}

function IconButton({ label, onClick, children }: { label: string; onClick: () => void; children: ComponentChildren }) {
  return (
    <button type="button" class="tw-icon-button" aria-label={label} onClick={trusted(onClick)}>
      {children}
    </button>
  );
}

/**
 * The context card. At rest it answers "what is this?" at a glance: name, kind, topic, the gist,
 * at most two chosen facts and a one-line note when the sources disagree. "More" expands it in
 * place with everything else; the reader page has it all.
 */
export function Card(props: CardProps) {
  const { lookup, entryId, t, theme, pinned, expanded, sheet, canGoBack, onBack, onOpenReader, onClose } = props;
  const entry = lookup.entry(entryId);
  if (!entry) return null;
  const topic = lookup.topic(entry.topics[0] ?? '');
  const titleId = `tw-card-title-${entry.id}`;
  const moreId = `tw-card-more-${entry.id}`;
  const facts = splitFacts(entry);
  const dispute = lookup.disputesOf(entry.id)[0];
  const gist = (entry as PendingEntry).gist ?? entry.summary;

  return (
    <section
      class={`tw-card tw-${theme}${sheet ? ' tw-sheet' : ''}${expanded ? ' tw-expanded' : ''}`}
      data-testid="techwar-card"
      data-entry-id={entry.id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      {sheet ? <div class="tw-handle" aria-hidden="true" /> : null}
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
        {pinned || sheet ? (
          <IconButton label={t('card_close')} onClick={onClose}>
            ×
          </IconButton>
        ) : null}
      </div>

      <p class="tw-gist">
        {gist.text} <SourceBadges sources={gist.sources.map((id) => lookup.source(id))} t={t} />
      </p>
      <FactList facts={facts.rest} lookup={lookup} t={t} label={t('card_keyFacts')} />
      {dispute && !expanded ? <p class="tw-disagree">{t('card_disagreeLine', dispute.question)}</p> : null}
      {expanded ? <MoreDetails {...props} entry={entry} id={moreId} facts={facts.more} /> : null}

      <div class="tw-foot">
        {canGoBack ? (
          <button type="button" class="tw-back" onClick={trusted(onBack)}>
            ← {t('card_back')}
          </button>
        ) : null}
        <button
          type="button"
          class="tw-more-button"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={expanded ? moreId : undefined}
          onClick={trusted(props.onToggleMore)}
        >
          {expanded ? t('card_less') : t('card_more')}
        </button>
        {sheet ? <StepButtons t={t} onStep={props.onStep} /> : null}
        <button type="button" class="tw-reader-link" onClick={trusted(() => onOpenReader(entry.id))}>
          {t('card_openReader')}
        </button>
      </div>
    </section>
  );
}

function StepButtons({ t, onStep }: { t: Translate; onStep: (direction: 1 | -1) => void }) {
  return (
    <span class="tw-steps">
      <IconButton label={t('card_previousTerm')} onClick={() => onStep(-1)}>
        ‹
      </IconButton>
      <IconButton label={t('card_nextTerm')} onClick={() => onStep(1)}>
        ›
      </IconButton>
    </span>
  );
}
