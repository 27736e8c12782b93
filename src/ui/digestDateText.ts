import { digestDatePrecision, formatDigestDate } from '../digest/lookup';
import type { DigestDate } from '../digest/schema';
import type { Translate } from './translate';

/** A digest date as text: "25 Apr 2025", "~Apr 2025", and for a year alone "2025, date not given". */
export function digestDateText(date: DigestDate, t: Translate, locale = 'en'): string {
  const text = formatDigestDate(date, locale);
  return digestDatePrecision(date) === 'year' ? t('date_year_only', text) : text;
}
