import { describe, expect, it } from 'vitest';
import { pausedSitesWith, pausedSitesWithout, siteOf, sitePermission } from '../../../src/popup/site';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/defaults';

const CURATED = ['https://*.reuters.com/*'];
const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('siteOf', () => {
  it('knows no site on browser pages and extension stores', () => {
    for (const href of [
      'chrome://extensions/',
      'about:addons',
      'chrome-extension://abc/popup.html',
      'file:///tmp/a.html',
      'https://chromewebstore.google.com/detail/x',
      'https://chrome.google.com/webstore/detail/x',
      'https://addons.mozilla.org/en-US/firefox/',
    ]) {
      expect(siteOf(new URL(href), settings(), CURATED, false), href).toBeUndefined();
    }
  });

  it('tells curated, enabled and other sites apart', () => {
    const enabled = settings({ enabledSites: ['https://example.org'] });
    expect(siteOf(new URL('https://www.reuters.com/a'), enabled, CURATED, false)?.access).toBe('curated');
    expect(siteOf(new URL('https://example.org/a'), enabled, CURATED, true)?.access).toBe('enabled');
    expect(siteOf(new URL('https://example.net/a'), enabled, CURATED, true)?.access).toBe('not-enabled');
    // Another browser enabled it (settings sync), but this one holds no permission yet.
    expect(siteOf(new URL('https://example.org/a'), enabled, CURATED, false)?.access).toBe('not-enabled');
  });

  it('reports pauses, a parent domain included', () => {
    const site = siteOf(
      new URL('https://www.reuters.com/a'),
      settings({ pausedSites: ['reuters.com'] }),
      CURATED,
      false,
    );
    expect(site).toEqual({
      hostname: 'www.reuters.com',
      origin: 'https://www.reuters.com',
      access: 'curated',
      paused: true,
    });
  });
});

describe('paused site lists', () => {
  it('adds a hostname once', () => {
    expect(pausedSitesWith(['a.com'], 'b.com')).toEqual(['a.com', 'b.com']);
    expect(pausedSitesWith(['b.com', 'a.com'], 'b.com')).toEqual(['a.com', 'b.com']);
  });

  it('resumes by removing every entry that pauses the hostname', () => {
    expect(pausedSitesWithout(['reuters.com', 'www.reuters.com', 'other.com'], 'www.reuters.com')).toEqual([
      'other.com',
    ]);
    expect(pausedSitesWithout(['ters.com'], 'www.reuters.com')).toEqual(['ters.com']);
  });
});

describe('sitePermission', () => {
  it('asks for every page of the origin', () => {
    expect(sitePermission('https://example.org')).toEqual({ origins: ['https://example.org/*'] });
  });
});
