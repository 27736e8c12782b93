import type { DigestLookup } from '../digest/lookup';
import type { Fact } from '../digest/schema';
import { factLabelKey } from '../ui/fact-label';
import { DIGEST_LANG } from '../ui/ReaderContext';
import { SourceBadges } from '../ui/SourceBadge';
import type { Translate } from '../ui/translate';
import type { UnsaidItem } from './unsaid';

function FactLabel({ t, fact }: { t: Translate; fact: Fact }) {
  if (fact.label === 'reported') return null;
  const word = t(factLabelKey(fact.label));
  return (
    <span class={`tw-label tw-label-${fact.label}`}>
      {word}
      {fact.by ? <span lang={DIGEST_LANG}> · {fact.by}</span> : null}
    </span>
  );
}

export interface UnsaidListProps {
  t: Translate;
  lookup: DigestLookup;
  items: readonly UnsaidItem[];
}

/** Disputes and related facts from the digest that the page leaves out, each with its sources. */
export function UnsaidList({ t, lookup, items }: UnsaidListProps) {
  const sources = (ids: readonly string[]) => ids.map((id) => lookup.source(id));
  const names = (ids: readonly string[]) => ids.map((id) => lookup.entry(id)?.name ?? id).join(', ');
  return (
    <ul class="tw-unsaid">
      {items.map((item) =>
        item.kind === 'dispute' ? (
          <li key={`dispute-${item.id}`} class="tw-unsaid-item">
            <p class="tw-unsaid-head">
              <span class="tw-tag tw-tag-dispute">{t('popup_unsaidDispute')}</span>
            </p>
            <p>
              <span lang={DIGEST_LANG}>{item.question}</span> <SourceBadges sources={sources(item.sources)} t={t} />
            </p>
            <p class="tw-hint">{t('popup_unsaidInvolves', names(item.missing))}</p>
          </li>
        ) : (
          <li key={`fact-${item.entryId}`} class="tw-unsaid-item">
            <p class="tw-unsaid-head">
              <strong lang={DIGEST_LANG}>{lookup.entry(item.entryId)?.name ?? item.entryId}</strong>{' '}
              <span class="tw-hint">{t('popup_unsaidVia', names([item.via]))}</span>
            </p>
            <p>
              <FactLabel t={t} fact={item.fact} /> <span lang={DIGEST_LANG}>{item.fact.text}</span>{' '}
              <SourceBadges sources={sources(item.fact.sources)} t={t} />
            </p>
          </li>
        ),
      )}
    </ul>
  );
}
