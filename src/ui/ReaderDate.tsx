import { digestDatePrecision } from '../digest/lookup';
import type { DigestDate } from '../digest/schema';
import { digestDateText } from './digestDateText';
import type { Translate } from './translate';

/**
 * A digest date only as precise as the sources allow (day, month or year). An inferred date shows
 * "~", read out as "about"; the tooltip says how precise it is.
 */
export function ReaderDate({ date, locale, t }: { date: DigestDate; locale: string; t: Translate }) {
  const precision = t(`reader_date_${digestDatePrecision(date)}`);
  return (
    <time
      class="tw-reader-date"
      dateTime={date.date}
      title={date.approximate ? t('reader_date_approximate', precision) : precision}
    >
      {date.approximate ? (
        <>
          <span aria-hidden="true">~</span>
          <span class="tw-reader-sr">{t('reader_date_about')} </span>
        </>
      ) : null}
      {digestDateText({ date: date.date }, t, locale)}
    </time>
  );
}
