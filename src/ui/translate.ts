/**
 * Looks up a UI string by its `_locales` key. Components take it as a prop so they never call the
 * browser themselves; entries pass the browser's i18n, tests pass a plain map.
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;
