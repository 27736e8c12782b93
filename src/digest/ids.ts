// The one rule for ids: the digest's own, and the entry and topic ids that messages and settings carry.
// Pure.

/** kebab-case: groups of a–z and 0–9 joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Room above the longest id in the digest (35 characters); caps what a message may carry. */
export const ID_MAX_LENGTH = 64;

export function isKebabId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
