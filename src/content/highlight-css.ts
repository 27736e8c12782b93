// The ::highlight() stylesheet, generated at build time from the digest's topic colours so the
// colours live in one place. Pure: used by vite.config.ts, which declares the result in the manifest.
import type { Topic } from '../digest/schema';
import { FOCUS_HIGHLIGHT, topicHighlightName } from './topic-highlights';

/** Background tint as a hex alpha suffix: faint enough to keep text contrast, visible on any page. */
const LIGHT_TINT = '24';
const DARK_TINT = '3d';

export function highlightCss(topics: readonly Topic[]): string {
  const rules = topics.map((t) => {
    const sel = `::highlight(${topicHighlightName(t.id)})`;
    return {
      light: `${sel} { text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-color: ${t.color.light}; background-color: ${t.color.light}${LIGHT_TINT}; }`,
      dark: `  ${sel} { text-decoration-color: ${t.color.dark}; background-color: ${t.color.dark}${DARK_TINT}; }`,
      forced: `  ${sel} { text-decoration-color: Highlight; background-color: transparent; }`,
    };
  });
  const focus = `::highlight(${FOCUS_HIGHLIGHT})`;
  return [
    '/* Generated from src/digest/digest.json topics by vite.config.ts. */',
    ...rules.map((r) => r.light),
    // The focused term must stand out from every topic colour, on light and dark pages alike.
    `${focus} { background-color: #ffd84d; color: #111111; text-decoration-line: underline; text-decoration-thickness: 3px; text-decoration-color: #111111; }`,
    '@media (prefers-color-scheme: dark) {',
    ...rules.map((r) => r.dark),
    '}',
    '@media (forced-colors: active) {',
    ...rules.map((r) => r.forced),
    `  ${focus} { background-color: Highlight; color: HighlightText; }`,
    '}',
    '',
  ].join('\n');
}

/**
 * The reader's highlight style on top of the manifest's stylesheet (which draws both underline and
 * tint): an empty string for 'both', else rules that switch one of the two off.
 */
export function highlightStyleOverride(
  topicIds: readonly string[],
  style: 'underline' | 'background' | 'both',
): string {
  if (style === 'both') return '';
  const selectors = topicIds.map((id) => `::highlight(${topicHighlightName(id)})`).join(', ');
  return style === 'underline'
    ? `${selectors} { background-color: transparent; }`
    : `${selectors} { text-decoration-line: none; }`;
}
