import type { Topic } from '../digest/schema';
import {
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  type Settings,
} from '../settings/defaults';
import { PopupTopicSwitches } from '../ui/PopupTopicSwitches';
import { Switch } from '../ui/Switch';
import type { Translate } from '../ui/translate';
import { ResetSection } from './ResetSection';
import { type Shortcut, ShortcutList } from './ShortcutList';
import { SiteList } from './SiteList';

const HOVER_DELAY_STEP_MS = 50;

export type OptionsNotice = 'save-error' | 'reset-done';

export interface OptionsProps {
  t: Translate;
  topics: readonly Topic[];
  settings: Settings;
  /** The slider's value, ahead of settings while a debounced save is pending. */
  hoverDelayMs: number;
  shortcuts: readonly Shortcut[];
  browserFamily: 'chrome' | 'firefox';
  theme: 'light' | 'dark';
  notice?: OptionsNotice;
  onSave: (patch: Partial<Settings>) => void;
  onHoverDelay: (ms: number) => void;
  onRemovePausedSite: (hostname: string) => void;
  onRemoveEnabledSite: (origin: string) => void;
  onOpenShortcuts: () => void;
  onReset: () => void;
}

export function App(props: OptionsProps) {
  const { t, settings, theme } = props;
  return (
    <main class={`tw-options tw-${theme}`}>
      <header>
        <h1>{t('options_title')}</h1>
        <p class="tw-hint">{t('options_intro')}</p>
        {props.notice === 'save-error' ? (
          <p class="tw-notice" role="alert">
            {t('options_saveError')}
          </p>
        ) : null}
        {props.notice === 'reset-done' ? (
          <p class="tw-done" role="status">
            {t('options_resetDone')}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="tw-highlighting">
        <h2 id="tw-highlighting">{t('options_highlighting')}</h2>
        <div class="tw-field">
          <Switch
            label={t('popup_masterSwitch')}
            checked={settings.enabled}
            describedBy="tw-master-hint"
            onChange={(enabled) => props.onSave({ enabled })}
          />
          <p id="tw-master-hint" class="tw-hint tw-switch-hint">
            {t('options_masterHint')}
          </p>
        </div>

        <fieldset class="tw-field" aria-describedby="tw-style-hint">
          <legend>{t('options_style')}</legend>
          <p id="tw-style-hint" class="tw-hint">
            {t('options_styleHint')}
          </p>
          <div class="tw-radios">
            {HIGHLIGHT_STYLES.map((style) => (
              <label key={style} class={`tw-radio tw-style-${style}`}>
                <input
                  type="radio"
                  name="highlight-style"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => props.onSave({ highlightStyle: style as HighlightStyle })}
                />
                <span class="tw-style-sample">{t(`options_style_${style}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div class="tw-field">
          <Switch
            label={t('options_firstMention')}
            checked={settings.firstMentionOnly}
            describedBy="tw-first-hint"
            onChange={(firstMentionOnly) => props.onSave({ firstMentionOnly })}
          />
          <p id="tw-first-hint" class="tw-hint tw-switch-hint">
            {t('options_firstMentionHint')}
          </p>
        </div>

        <div class="tw-field">
          <Switch
            label={t('options_tapOpensCard')}
            checked={settings.tapOpensCardInLinks}
            describedBy="tw-tap-hint"
            onChange={(tapOpensCardInLinks) => props.onSave({ tapOpensCardInLinks })}
          />
          <p id="tw-tap-hint" class="tw-hint tw-switch-hint">
            {t('options_tapOpensCardHint')}
          </p>
        </div>

        <div class="tw-field">
          <label for="tw-hover-delay" class="tw-label-text">
            {t('options_hoverDelay')}
          </label>
          <div class="tw-row">
            <input
              id="tw-hover-delay"
              type="range"
              min={HOVER_DELAY_MIN_MS}
              max={HOVER_DELAY_MAX_MS}
              step={HOVER_DELAY_STEP_MS}
              value={props.hoverDelayMs}
              aria-describedby="tw-hover-hint"
              aria-valuetext={t('options_ms', String(props.hoverDelayMs))}
              onInput={(event) => props.onHoverDelay(Number(event.currentTarget.value))}
            />
            <output for="tw-hover-delay">{t('options_ms', String(props.hoverDelayMs))}</output>
          </div>
          <p id="tw-hover-hint" class="tw-hint">
            {t('options_hoverDelayHint')}
          </p>
        </div>
      </section>

      <section aria-labelledby="tw-topics">
        <h2 id="tw-topics">{t('options_topics')}</h2>
        <p class="tw-hint">{t('options_topicsHint')}</p>
        <PopupTopicSwitches
          t={t}
          topics={props.topics}
          disabledTopics={settings.disabledTopics}
          theme={theme}
          withDescriptions
          onChange={(disabledTopics) => props.onSave({ disabledTopics })}
        />
      </section>

      <section aria-labelledby="tw-sites">
        <h2 id="tw-sites">{t('options_sites')}</h2>
        <SiteList
          t={t}
          heading={t('options_pausedSites')}
          hint={t('options_pausedHint')}
          empty={t('options_noPausedSites')}
          sites={settings.pausedSites}
          onRemove={props.onRemovePausedSite}
        />
        <SiteList
          t={t}
          heading={t('options_enabledSites')}
          hint={t('options_enabledHint')}
          empty={t('options_noEnabledSites')}
          sites={settings.enabledSites}
          onRemove={props.onRemoveEnabledSite}
        />
      </section>

      <section aria-labelledby="tw-shortcuts">
        <h2 id="tw-shortcuts">{t('options_shortcuts')}</h2>
        <ShortcutList
          t={t}
          shortcuts={props.shortcuts}
          browserFamily={props.browserFamily}
          onOpenShortcuts={props.onOpenShortcuts}
        />
      </section>

      <section aria-labelledby="tw-reset">
        <h2 id="tw-reset">{t('options_reset')}</h2>
        <ResetSection t={t} onReset={props.onReset} />
      </section>
    </main>
  );
}
