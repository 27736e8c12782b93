import type { Translate } from '../ui/translate';

export interface Shortcut {
  name: string;
  /** Empty or undefined when the user (or a clash) left the command without a key. */
  shortcut?: string;
}

/** Our own words for each manifest command; the browser's descriptions can be empty. */
const COMMAND_KEYS: Record<string, string> = {
  _execute_action: 'cmdOpenPopup',
  'toggle-highlights': 'cmdToggleHighlights',
  'next-term': 'cmdNextTerm',
  'previous-term': 'cmdPreviousTerm',
};

export interface ShortcutListProps {
  t: Translate;
  shortcuts: readonly Shortcut[];
  browserFamily: 'chrome' | 'firefox';
  onOpenShortcuts: () => void;
}

/** The current shortcuts and where the browser lets you change them. */
export function ShortcutList({ t, shortcuts, browserFamily, onOpenShortcuts }: ShortcutListProps) {
  return (
    <>
      <dl class="tw-shortcuts">
        {shortcuts.map(({ name, shortcut }) => (
          <div key={name} class="tw-shortcut" data-command={name}>
            <dt>{COMMAND_KEYS[name] ? t(COMMAND_KEYS[name]) : name}</dt>
            <dd>{shortcut ? <kbd>{shortcut}</kbd> : <span class="tw-hint">{t('options_shortcutNotSet')}</span>}</dd>
          </div>
        ))}
      </dl>
      {browserFamily === 'firefox' ? (
        <p class="tw-hint">{t('options_shortcutsFirefox')}</p>
      ) : (
        <p class="tw-hint tw-row">
          <span>{t('options_shortcutsChrome')}</span>
          <button type="button" class="tw-button" onClick={onOpenShortcuts}>
            {t('options_openShortcuts')}
          </button>
        </p>
      )}
    </>
  );
}
