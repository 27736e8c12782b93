// Says that the page is not about the beat and that everyday terms are held back (src/matcher/beat.ts),
// with the reader's way to show them anyway on this page.
import type { Translate } from '../ui/translate';
import type { OffBeat } from './page-status';

export interface OffBeatNoticeProps {
  t: Translate;
  offBeat: OffBeat;
  onShowAll: (on: boolean) => void;
}

export function OffBeatNotice({ t, offBeat, onShowAll }: OffBeatNoticeProps) {
  return (
    <div class="tw-off-beat" role="status" data-testid="off-beat">
      <p class="tw-hint">{offBeat.showAll ? t('popup_offBeatShowing') : t('popup_offBeat', String(offBeat.hidden))}</p>
      <button type="button" class="tw-button" onClick={() => onShowAll(!offBeat.showAll)}>
        {offBeat.showAll ? t('popup_hideOffBeat') : t('popup_showAll')}
      </button>
    </div>
  );
}
