import type { ComponentChildren } from 'preact';
import type { DigestLookup } from '../digest/lookup';
import type { Entry, Fact } from '../digest/schema';
import { digestDateText } from './digestDateText';
import { factLabelKey } from './fact-label';
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
  const word = t(factLabelKey(fact.label));
  return fact.by ? `${word} · ${fact.by}` : word;
}

/**
 * Characters of gist and facts (with their attributions) a card at rest holds. A chosen fact that
 * would pass it waits behind More, so every card at rest stays within about 600 characters and
 * 300 px without a scrollbar.
 */
export const REST_TEXT_BUDGET = 290;

/** The facts the digest chose for the card at rest that fit its budget, then all the others in digest order. */
export function splitFacts(entry: Entry): { rest: Fact[]; more: Fact[] } {
  let used = entry.gist.text.length;
  const shown = new Set<number>();
  for (const i of entry.cardFacts.slice(0, CARD_REST_FACTS)) {
    const fact = entry.facts[i];
    if (!fact) continue;
    used += fact.text.length + (fact.by?.length ?? 0);
    if (used > REST_TEXT_BUDGET) break;
    shown.add(i);
  }
  return {
    rest: [...shown].map((i) => entry.facts[i] as Fact),
    more: entry.facts.filter((_, i) => !shown.has(i)),
  };
}

/** Each source once, in the order the statements cite them. */
function sourcesOnce(statements: readonly { sources: readonly string[] }[]): string[] {
  return [...new Set(statements.flatMap((s) => s.sources))];
}

interface Parts {
  lookup: DigestLookup;
  entry: Entry;
  t: Translate;
}

function FactList(props: { facts: Fact[]; label: string; badges: boolean } & Omit<Parts, 'entry'>) {
  const { facts, lookup, t, label, badges } = props;
  if (facts.length === 0) return null;
  return (
    <ul class="tw-facts" aria-label={label}>
      {facts.map((fact) => {
        const factTag = factLabel(fact, t);
        return (
          <li key={fact.text}>
            {factTag ? <span class={`tw-label tw-label-${fact.label}`}>{factTag}</span> : null}
            {fact.text}
            {badges ? (
              <>
                {' '}
                <SourceBadges sources={fact.sources.map((id) => lookup.source(id))} evidence={fact.evidence} t={t} />
              </>
            ) : null}
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
                {side.text}{' '}
                <SourceBadges sources={side.sources.map((id) => lookup.source(id))} evidence={side.evidence} t={t} />
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
            <time dateTime={ev.date.date}>{digestDateText(ev.date, t)}</time> {ev.text}{' '}
            <SourceBadges sources={ev.sources.map((id) => lookup.source(id))} evidence={ev.evidence} t={t} />
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
      <FactList facts={facts} lookup={lookup} t={t} label={t('card_keyFacts')} badges />
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
  const { lookup, entryId, t, theme, pinned, expanded, sheet, onClose } = props;
  const entry = lookup.entry(entryId);
  if (!entry) return null;
  const topic = lookup.topic(entry.topics[0] ?? '');
  const titleId = `tw-card-title-${entry.id}`;
  const moreId = `tw-card-more-${entry.id}`;
  const facts = splitFacts(entry);
  const dispute = lookup.disputesOf(entry.id)[0];

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

      {/* At rest one row of badges cites the lot; expanded, each statement carries its own. */}
      <p class="tw-gist">
        {entry.gist.text}
        {expanded ? (
          <>
            {' '}
            <SourceBadges
              sources={entry.gist.sources.map((id) => lookup.source(id))}
              evidence={entry.gist.evidence}
              t={t}
            />
          </>
        ) : null}
      </p>
      <FactList facts={facts.rest} lookup={lookup} t={t} label={t('card_keyFacts')} badges={expanded} />
      {dispute && !expanded ? <p class="tw-disagree">{t('card_disagreeLine', dispute.question)}</p> : null}
      {expanded ? <MoreDetails {...props} entry={entry} id={moreId} facts={facts.more} /> : null}

      <CardFoot {...props} entry={entry} restFacts={facts.rest} moreId={moreId} />
    </section>
  );
}

/** Back, the sources at rest, More, the sheet's steps and the way to the reader. */
function CardFoot(props: CardProps & { entry: Entry; restFacts: Fact[]; moreId: string }) {
  const { entry, lookup, t, expanded, sheet, canGoBack, onBack, onOpenReader, restFacts, moreId } = props;
  return (
    <div class="tw-foot">
      {canGoBack ? (
        <button type="button" class="tw-back" onClick={trusted(onBack)}>
          ← {t('card_back')}
        </button>
      ) : null}
      {expanded ? null : (
        <span class="tw-sources">
          <SourceBadges sources={sourcesOnce([entry.gist, ...restFacts]).map((id) => lookup.source(id))} t={t} />
        </span>
      )}
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
