// The browser's `_locales` lookup as a Translate function for UI components.
import browser from 'webextension-polyfill';
import type { Translate } from '../ui/translate';

/** A missing key shows as the key itself, so a gap is visible rather than blank. */
export const translate: Translate = (key, substitutions) => browser.i18n.getMessage(key, substitutions) || key;
