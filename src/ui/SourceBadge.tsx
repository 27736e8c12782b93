import { useId } from 'preact/hooks';
import { formatDigestDate } from '../digest/lookup';
import type { Source } from '../digest/schema';
import type { Translate } from './translate';

/**
 * The outlet's short name. Hover or keyboard focus shows what the source is and when it was
 * written; the same text is the badge's accessible description.
 */
export function SourceBadge({ source, t }: { source: Source; t: Translate }) {
  const tipId = useId();
  const when = formatDigestDate(source.date);
  return (
    <span class="tw-badge-wrap">
      <button
        type="button"
        class="tw-badge"
        onMouseEnter={keepTipInside}
        onFocus={keepTipInside}
        aria-label={t('badge_source', [source.outlet, when])}
        aria-describedby={tipId}
      >
        {source.short}
      </button>
      <span class="tw-badge-tip" role="tooltip" id={tipId}>
        <strong>{source.outlet}</strong> · {t(`badge_kind_${source.kind}`)} · {when}
        <br />
        {source.description}
      </span>
    </span>
  );
}

/** Shifts a shown tip left so it stays inside the card (or the window) instead of widening it. */
function keepTipInside(event: Event): void {
  const tip = (event.currentTarget as HTMLElement).nextElementSibling as HTMLElement | null;
  if (!tip) return;
  tip.style.translate = '';
  const box = tip.closest('.tw-card')?.getBoundingClientRect();
  const right = (box?.right ?? document.documentElement.clientWidth) - 8;
  const overflow = tip.getBoundingClientRect().right - right;
  if (overflow > 0) tip.style.translate = `${-Math.ceil(overflow)}px 0`;
}

export function SourceBadges({ sources, t }: { sources: readonly (Source | undefined)[]; t: Translate }) {
  return <span class="tw-badges">{sources.map((s) => (s ? <SourceBadge key={s.id} source={s} t={t} /> : null))}</span>;
}
