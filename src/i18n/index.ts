// The browser's `_locales` lookup, in the shape of ui's Translate prop (it needs no import from ui:
// entries hand it to components, and the types match by shape).
import browser from 'webextension-polyfill';

/** A missing key shows as the key itself, so a gap is visible rather than blank. */
export function translate(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
