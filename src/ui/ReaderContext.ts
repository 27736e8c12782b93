import type { DigestLookup } from '../digest/lookup';
import type { Translate } from './translate';

/** What every reader view needs from its page; the page entry builds it once per render. */
export interface ReaderContext {
  lookup: DigestLookup;
  t: Translate;
  /** BCP 47 tag of the UI language, for dates ("en", "zh-CN"). */
  locale: string;
  /** Picks each topic's light or dark colour. */
  theme: 'light' | 'dark';
  /** The reader's address of an entry; the page owns the URL scheme. */
  entryHref: (entryId: string) => string;
}

/**
 * The digest is written in English. Marking its text lets a screen reader switch voice when the
 * UI around it is Chinese.
 */
export const DIGEST_LANG = 'en';
