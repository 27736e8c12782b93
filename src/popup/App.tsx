import type { DigestLookup } from '../digest/lookup';
import type { Settings } from '../settings/defaults';
import { PopupTopicSwitches } from '../ui/PopupTopicSwitches';
import { Switch } from '../ui/Switch';
import type { Translate } from '../ui/translate';
import { FoundEntries } from './FoundEntries';
import { OffBeatNotice } from './OffBeatNotice';
import type { PageStatus } from './page-status';
import { SiteSection } from './SiteSection';
import { UnsaidList } from './UnsaidList';
import { unsaidOnPage } from './unsaid';

export type PopupNotice = 'error' | 'denied';

export interface PopupProps {
  t: Translate;
  lookup: DigestLookup;
  settings: Settings;
  status: PageStatus;
  theme: 'light' | 'dark';
  /** A save or site action failed, or the browser did not grant a site's permission. */
  notice?: PopupNotice;
  onSetEnabled: (enabled: boolean) => void;
  onSetDisabledTopics: (disabledTopics: string[]) => void;
  onJumpTo: (entryId: string) => void;
  /** Shows (true) or holds back again (false) the terms of a page off the beat. */
  onShowAll: (on: boolean) => void;
  onReload: () => void;
  onPauseSite: () => void;
  onResumeSite: () => void;
  onEnableSite: () => void;
  onDisableSite: () => void;
  onOpenOptions: () => void;
  onOpenReader: () => void;
}

export function App(props: PopupProps) {
  const { t, lookup, settings, status, theme } = props;
  const unsaid = status.view === 'found' ? unsaidOnPage(lookup, status.entries) : [];

  return (
    <main class={`tw-popup tw-${theme}`}>
      <header class="tw-popup-head">
        <h1>{t('extName')}</h1>
        <Switch label={t('popup_masterSwitch')} checked={settings.enabled} onChange={props.onSetEnabled} />
      </header>
      {props.notice === 'error' ? (
        <p class="tw-notice" role="alert">
          {t('popup_error')}
        </p>
      ) : null}

      <section aria-labelledby="tw-on-page">
        <h2 id="tw-on-page">{t('popup_onThisPage')}</h2>
        <FoundEntries
          t={t}
          lookup={lookup}
          theme={theme}
          view={status.view}
          entries={status.entries}
          disabledTopics={settings.disabledTopics}
          onJumpTo={props.onJumpTo}
          onReload={props.onReload}
        />
        {status.offBeat ? <OffBeatNotice t={t} offBeat={status.offBeat} onShowAll={props.onShowAll} /> : null}
      </section>

      {unsaid.length > 0 ? (
        <section aria-labelledby="tw-unsaid">
          <h2 id="tw-unsaid">{t('popup_unsaid')}</h2>
          <p class="tw-hint">{t('popup_unsaidIntro')}</p>
          <UnsaidList t={t} lookup={lookup} items={unsaid} />
        </section>
      ) : null}

      {status.site ? (
        <section aria-labelledby="tw-this-site">
          <h2 id="tw-this-site">{t('popup_thisSite')}</h2>
          <SiteSection
            t={t}
            site={status.site}
            denied={props.notice === 'denied'}
            onPause={props.onPauseSite}
            onResume={props.onResumeSite}
            onEnable={props.onEnableSite}
            onDisable={props.onDisableSite}
          />
        </section>
      ) : null}

      <section aria-labelledby="tw-topics">
        <h2 id="tw-topics">{t('popup_topics')}</h2>
        <PopupTopicSwitches
          t={t}
          topics={lookup.digest.topics}
          disabledTopics={settings.disabledTopics}
          theme={theme}
          onChange={props.onSetDisabledTopics}
        />
      </section>

      <footer class="tw-popup-foot">
        <button type="button" class="tw-link" onClick={props.onOpenOptions}>
          {t('popup_openOptions')}
        </button>
        <button type="button" class="tw-link" onClick={props.onOpenReader}>
          {t('popup_openReader')}
        </button>
      </footer>
    </main>
  );
}
