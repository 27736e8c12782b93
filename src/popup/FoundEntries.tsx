import type { DigestLookup } from '../digest/lookup';
import { topicLabel } from '../ui/PopupTopicSwitches';
import { DIGEST_LANG } from '../ui/ReaderContext';
import type { Translate } from '../ui/translate';
import type { EntryCount, PageView } from './page-status';

const EMPTY_MESSAGES: Record<Exclude<PageView, 'found'>, string> = {
  loading: 'popup_empty_loading',
  'browser-page': 'popup_empty_browserPage',
  unknown: 'popup_empty_unknown',
  'not-enabled': 'popup_empty_notEnabled',
  reload: 'popup_empty_reload',
  off: 'popup_empty_off',
  paused: 'popup_empty_paused',
  'no-terms': 'popup_empty_noTerms',
};

export interface FoundEntriesProps {
  t: Translate;
  lookup: DigestLookup;
  theme: 'light' | 'dark';
  view: PageView;
  entries: readonly EntryCount[];
  disabledTopics: readonly string[];
  onJumpTo: (entryId: string) => void;
  onReload: () => void;
}

/** The page's entries grouped by topic, most mentioned first, or why there are none. */
export function FoundEntries({
  t,
  lookup,
  theme,
  view,
  entries,
  disabledTopics,
  onJumpTo,
  onReload,
}: FoundEntriesProps) {
  if (view !== 'found') {
    return (
      <div class="tw-empty" role="status">
        <p>{t(EMPTY_MESSAGES[view])}</p>
        {view === 'reload' ? (
          <button type="button" class="tw-button" onClick={onReload}>
            {t('popup_reloadPage')}
          </button>
        ) : null}
      </div>
    );
  }
  const groups = lookup.digest.topics
    .map((topic) => ({
      topic,
      entries: entries.filter((e) => lookup.primaryTopic(e.id) === topic.id).sort((a, b) => b.count - a.count),
    }))
    .filter((group) => group.entries.length > 0);

  return (
    <div class="tw-groups">
      <p id="tw-jump-hint" hidden>
        {t('popup_jumpHint')}
      </p>
      {groups.map(({ topic, entries: inTopic }) => {
        const off = disabledTopics.includes(topic.id);
        const headingId = `tw-group-${topic.id}`;
        return (
          <section key={topic.id} class={off ? 'tw-group tw-group-off' : 'tw-group'} aria-labelledby={headingId}>
            <h3 id={headingId} style={{ '--tw-topic': topic.color[theme] }}>
              {topicLabel(t, topic)}
              {off ? <span class="tw-tag">{t('popup_topicOff')}</span> : null}
            </h3>
            <ul>
              {inTopic.map((e) => {
                return (
                  <li key={e.id}>
                    <button
                      type="button"
                      class="tw-entry"
                      data-entry-id={e.id}
                      aria-describedby="tw-jump-hint"
                      title={t('popup_jumpHint')}
                      onClick={() => onJumpTo(e.id)}
                    >
                      <span class="tw-entry-name" lang={DIGEST_LANG}>
                        {lookup.entry(e.id)?.name ?? e.id}
                      </span>
                      <span class="tw-entry-count">{e.count}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
