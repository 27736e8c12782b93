import { useId } from 'preact/hooks';
import { formatDigestDate } from '../digest/lookup';
import type { Evidence, Source } from '../digest/schema';
import type { Translate } from './translate';

/** "Paragraph 4 of Explainer", "Paragraphs 4, 11 of Explainer": where in the seed the claim rests. */
export function paragraphsText(paragraphs: readonly number[], source: Source, t: Translate): string {
  const key = paragraphs.length === 1 ? 'badge_paragraph' : 'badge_paragraphs';
  return t(key, [paragraphs.join(', '), source.short]);
}

/**
 * The outlet's short name. Hover or keyboard focus shows what the source is and when it was
 * written, and which of its paragraphs support the claim; the same text is the badge's accessible
 * description.
 */
export function SourceBadge({
  source,
  paragraphs,
  t,
}: {
  source: Source;
  paragraphs?: readonly number[] | undefined;
  t: Translate;
}) {
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
        {paragraphs && paragraphs.length > 0 ? (
          <>
            <br />
            <span class="tw-badge-where">{paragraphsText(paragraphs, source, t)}</span>
          </>
        ) : null}
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

/** The badges of a claim's sources; with the claim's evidence, each tip names the paragraphs it rests on. */
export function SourceBadges({
  sources,
  evidence,
  t,
}: {
  sources: readonly (Source | undefined)[];
  evidence?: Evidence | undefined;
  t: Translate;
}) {
  return (
    <span class="tw-badges">
      {sources.map((s) => (s ? <SourceBadge key={s.id} source={s} paragraphs={evidence?.[s.id]} t={t} /> : null))}
    </span>
  );
}
