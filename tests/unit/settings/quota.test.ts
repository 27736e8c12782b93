// storage.sync holds at most 8,192 bytes per key, and every setting lives under one key: the
// largest settings object the parser accepts must fit, or a user at the caps could never save.
import { describe, expect, it, vi } from 'vitest';
import {
  HOVER_DELAY_MAX_MS,
  MAX_DISABLED_TOPICS,
  MAX_ENABLED_SITES,
  MAX_PAUSED_SITES,
  MAX_SITE_HOSTNAME_LENGTH,
  MAX_TOPIC_ID_LENGTH,
} from '../../../src/settings/defaults';
import { parseSettings } from '../../../src/settings/parse';
import { SETTINGS_STORAGE_KEY, SYNC_QUOTA_BYTES_PER_ITEM } from '../../../src/settings/storage';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

/** A valid hostname of exactly `length` characters, distinct per `index`: labels of at most 63. */
function hostnameOf(length: number, index: number): string {
  const labels: string[] = [`s${index}`];
  let used = labels[0]?.length ?? 0;
  while (used < length) {
    const label = 'x'.repeat(Math.min(63, length - used - 1));
    labels.push(label);
    used += label.length + 1;
  }
  const hostname = labels.join('.');
  if (hostname.length !== length) throw new Error(`could not build a ${length}-character hostname`);
  return hostname;
}

/** Topic ids of exactly the longest accepted length, distinct per index. */
function topicIdOf(index: number): string {
  return `t${index}-${'x'.repeat(MAX_TOPIC_ID_LENGTH - String(index).length - 2)}`;
}

function bytesInSync(value: unknown): number {
  return new TextEncoder().encode(SETTINGS_STORAGE_KEY + JSON.stringify(value)).length;
}

describe('settings at every cap', () => {
  const worst = parseSettings({
    version: 1,
    enabled: false,
    disabledTopics: Array.from({ length: MAX_DISABLED_TOPICS }, (_, i) => topicIdOf(i)),
    hoverDelayMs: HOVER_DELAY_MAX_MS,
    highlightStyle: 'background',
    firstMentionOnly: false,
    tapOpensCardInLinks: false,
    pausedSites: Array.from({ length: MAX_PAUSED_SITES }, (_, i) => hostnameOf(MAX_SITE_HOSTNAME_LENGTH, i)),
    // The longest origin: https, the longest hostname and a five-digit port.
    enabledSites: Array.from(
      { length: MAX_ENABLED_SITES },
      (_, i) => `https://${hostnameOf(MAX_SITE_HOSTNAME_LENGTH, i)}:65535`,
    ),
  });

  it('keeps every item of full lists of the longest values', () => {
    expect(worst.disabledTopics).toHaveLength(MAX_DISABLED_TOPICS);
    expect(worst.pausedSites).toHaveLength(MAX_PAUSED_SITES);
    expect(worst.enabledSites).toHaveLength(MAX_ENABLED_SITES);
    expect(worst.disabledTopics.every((id) => id.length === MAX_TOPIC_ID_LENGTH)).toBe(true);
  });

  it(`serialises within storage.sync's ${SYNC_QUOTA_BYTES_PER_ITEM} bytes per item`, () => {
    expect(bytesInSync(worst)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
  });

  it('rejects anything longer, so no stored value can grow past that', () => {
    const longer = parseSettings({
      version: 1,
      disabledTopics: [`${topicIdOf(0)}x`],
      pausedSites: [hostnameOf(MAX_SITE_HOSTNAME_LENGTH + 1, 0)],
      enabledSites: [`https://${hostnameOf(MAX_SITE_HOSTNAME_LENGTH + 1, 0)}`],
    });
    expect(longer.disabledTopics).toEqual([]);
    expect(longer.pausedSites).toEqual([]);
    expect(longer.enabledSites).toEqual([]);
  });
});
