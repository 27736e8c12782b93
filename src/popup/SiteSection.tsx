import type { Translate } from '../ui/translate';
import type { SiteInfo } from './site';

export interface SiteSectionProps {
  t: Translate;
  site: SiteInfo;
  /** The browser did not grant the permission "Enable on this site" asked for. */
  denied?: boolean;
  onPause: () => void;
  onResume: () => void;
  onEnable: () => void;
  onDisable: () => void;
}

const ACCESS_KEYS: Record<SiteInfo['access'], string> = {
  curated: 'popup_siteCurated',
  enabled: 'popup_siteEnabled',
  'not-enabled': 'popup_siteNotEnabled',
};

/** Pause or resume on the tab's site; enable or disable a site outside the curated list. */
export function SiteSection({ t, site, denied, onPause, onResume, onEnable, onDisable }: SiteSectionProps) {
  const runs = site.access !== 'not-enabled';
  return (
    <div class="tw-site">
      <p class="tw-site-name">
        <span class="tw-host">{site.hostname}</span>
        <span class="tw-hint">{t(ACCESS_KEYS[site.access])}</span>
      </p>
      <div class="tw-actions">
        {runs ? (
          <button type="button" class="tw-button" onClick={site.paused ? onResume : onPause}>
            {t(site.paused ? 'popup_resumeSite' : 'popup_pauseSite')}
          </button>
        ) : (
          <button type="button" class="tw-button tw-button-primary" onClick={onEnable}>
            {t('popup_enableSite')}
          </button>
        )}
        {site.access === 'enabled' ? (
          <button type="button" class="tw-button" onClick={onDisable}>
            {t('popup_disableSite')}
          </button>
        ) : null}
      </div>
      {runs ? null : <p class="tw-hint">{t('popup_enableSiteHint', site.origin)}</p>}
      {denied ? (
        <p class="tw-notice" role="alert">
          {t('popup_enableDenied')}
        </p>
      ) : null}
    </div>
  );
}
