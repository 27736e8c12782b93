import type { Translate } from '../ui/translate';

export interface SiteListProps {
  t: Translate;
  heading: string;
  hint: string;
  empty: string;
  sites: readonly string[];
  onRemove: (site: string) => void;
}

/** A list of sites, each with a remove button. */
export function SiteList({ t, heading, hint, empty, sites, onRemove }: SiteListProps) {
  return (
    <div class="tw-site-list">
      <h3>{heading}</h3>
      <p class="tw-hint">{hint}</p>
      {sites.length === 0 ? (
        <p class="tw-empty-list">{empty}</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site} data-site={site}>
              <span class="tw-host">{site}</span>
              <button
                type="button"
                class="tw-button"
                aria-label={t('options_removeSite', site)}
                onClick={() => onRemove(site)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
