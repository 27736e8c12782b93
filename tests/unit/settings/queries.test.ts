import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/defaults';
import { isSitePaused, isTopicEnabled } from '../../../src/settings/queries';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  disabledTopics: ['people'],
  pausedSites: ['example.com', 'blog.test.org'],
};

describe('isSitePaused', () => {
  it.each([
    ['example.com', true],
    ['www.example.com', true],
    ['news.example.com', true],
    ['a.b.example.com', true],
    ['WWW.Example.COM.', true],
    ['blog.test.org', true],
    ['x.blog.test.org', true],
    ['test.org', false],
    ['notexample.com', false],
    ['example.com.evil.net', false],
    ['com', false],
    ['', false],
  ])('%s → %s', (hostname, paused) => {
    expect(isSitePaused(settings, hostname)).toBe(paused);
  });

  it('pauses nothing by default', () => {
    expect(isSitePaused(DEFAULT_SETTINGS, 'example.com')).toBe(false);
  });
});

describe('isTopicEnabled', () => {
  it('is on unless the topic is listed as disabled, so new topics are on', () => {
    expect(isTopicEnabled(settings, 'people')).toBe(false);
    expect(isTopicEnabled(settings, 'chips')).toBe(true);
    expect(isTopicEnabled(settings, 'a-topic-added-later')).toBe(true);
  });
});
