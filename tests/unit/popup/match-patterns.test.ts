import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { matchesAnyPattern, matchesPattern } from '../../../src/popup/match-patterns';

const url = (href: string) => new URL(href);

describe('matchesPattern', () => {
  it('matches a host and its subdomains with *.', () => {
    expect(matchesPattern(url('https://www.reuters.com/world/'), 'https://*.reuters.com/*')).toBe(true);
    expect(matchesPattern(url('https://reuters.com/'), 'https://*.reuters.com/*')).toBe(true);
    expect(matchesPattern(url('https://notreuters.com/'), 'https://*.reuters.com/*')).toBe(false);
    expect(matchesPattern(url('https://reuters.com.evil.test/'), 'https://*.reuters.com/*')).toBe(false);
  });

  it('matches an exact host only without *.', () => {
    expect(matchesPattern(url('https://asia.nikkei.com/x'), 'https://asia.nikkei.com/*')).toBe(true);
    expect(matchesPattern(url('https://www.nikkei.com/x'), 'https://asia.nikkei.com/*')).toBe(false);
  });

  it('keeps to the scheme, and reads * as http or https', () => {
    expect(matchesPattern(url('http://www.reuters.com/'), 'https://*.reuters.com/*')).toBe(false);
    expect(matchesPattern(url('http://example.org/'), '*://example.org/*')).toBe(true);
    expect(matchesPattern(url('ftp://example.org/'), '*://example.org/*')).toBe(false);
  });

  it('ignores ports and matches paths as globs', () => {
    expect(matchesPattern(url('https://example.org:8443/a'), 'https://example.org/*')).toBe(true);
    expect(matchesPattern(url('https://example.org/news/a'), 'https://example.org/news/*')).toBe(true);
    expect(matchesPattern(url('https://example.org/sport/a'), 'https://example.org/news/*')).toBe(false);
  });

  it('reads <all_urls> and rejects malformed patterns', () => {
    expect(matchesPattern(url('https://example.org/'), '<all_urls>')).toBe(true);
    expect(matchesPattern(url('chrome://settings/'), '<all_urls>')).toBe(false);
    expect(matchesPattern(url('https://example.org/'), 'example.org')).toBe(false);
  });
});

describe('the curated list', () => {
  const curated = manifest.content_scripts.flatMap((c) => c.matches);

  it('covers the news sites and nothing else', () => {
    expect(matchesAnyPattern(url('https://www.theguardian.com/technology/x'), curated)).toBe(true);
    expect(matchesAnyPattern(url('https://www.scmp.com/tech/x'), curated)).toBe(true);
    expect(matchesAnyPattern(url('https://example.org/'), curated)).toBe(false);
  });
});
