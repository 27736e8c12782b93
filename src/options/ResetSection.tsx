import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../ui/translate';

export interface ResetSectionProps {
  t: Translate;
  onReset: () => void;
}

/** Reset to defaults behind an inline confirmation; focus moves to the safe choice and back. */
export function ResetSection({ t, onReset }: ResetSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  useLayoutEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) resetRef.current?.focus();
  }, [confirming]);

  const answer = (reset: boolean) => {
    asked.current = true;
    setConfirming(false);
    if (reset) onReset();
  };

  return confirming ? (
    <fieldset class="tw-confirm">
      <legend>{t('options_resetConfirm')}</legend>
      <div class="tw-actions">
        <button type="button" class="tw-button tw-button-danger" onClick={() => answer(true)}>
          {t('options_resetYes')}
        </button>
        <button ref={cancelRef} type="button" class="tw-button" onClick={() => answer(false)}>
          {t('options_cancel')}
        </button>
      </div>
    </fieldset>
  ) : (
    <div class="tw-row">
      <button
        ref={resetRef}
        type="button"
        class="tw-button"
        aria-describedby="tw-reset-hint"
        onClick={() => setConfirming(true)}
      >
        {t('options_reset')}
      </button>
      <p id="tw-reset-hint" class="tw-hint">
        {t('options_resetHint')}
      </p>
    </div>
  );
}
