// Whether a page is about the beat (the US–China technology contest), decided from what the matcher
// found on it. Broad entries (Trump, Apple, Taiwan, publications…) and generic aliases ("tariffs",
// "sanctions", "supply chains") are highlighted only on such a page; core entries named by their
// specific aliases (Huawei, CloudMatrix 384, the Entity List…) everywhere.
//
// The rule: a page is about the beat when its specific matches (core entry, alias not generic)
// name at least BEAT_MIN_ENTRIES distinct entries, or number at least BEAT_MIN_MATCHES in all.
// One passing mention of Huawei in a phone review does not make the review about the beat; two
// different core subjects, or one discussed at length, do. The decision follows the page as it
// scans and changes: gated matches are kept and shown as soon as the page qualifies.

export const BEAT_MIN_ENTRIES = 2;
export const BEAT_MIN_MATCHES = 3;

/**
 * The rule, from the page's specific matches (core entry, alias not generic): how many distinct
 * entries they name, and how many there are.
 */
export function isOnBeat(distinctEntries: number, matches: number): boolean {
  return distinctEntries >= BEAT_MIN_ENTRIES || matches >= BEAT_MIN_MATCHES;
}
