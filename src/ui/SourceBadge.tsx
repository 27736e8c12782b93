import { formatDigestDate } from '../digest/lookup';
import type { Source } from '../digest/schema';

/** The outlet's short name; hover or focus tells what the source is and when it was written. */
export function SourceBadge({ source }: { source: Source }) {
  const when = formatDigestDate(source.date);
  return (
    <button
      type="button"
      class="tw-badge"
      title={`${source.outlet} (${source.kind}, ${when}): ${source.description}`}
      aria-label={`Source: ${source.outlet}, ${when}`}
    >
      {source.short}
    </button>
  );
}

export function SourceBadges({ sources }: { sources: readonly (Source | undefined)[] }) {
  return <span class="tw-badges">{sources.map((s) => (s ? <SourceBadge key={s.id} source={s} /> : null))}</span>;
}
