import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  disableSite,
  enableGrantedSites,
  enableSite,
  originOfPattern,
  siteScriptId,
  syncSiteScripts,
} from '../../../src/background/site-scripts';
import { loadSettings, MAX_ENABLED_SITES, saveSettings } from '../../../src/settings';
import { CONTENT_SCRIPT, type FakeExtension, installFakeExtension, stubTabsQuery } from './fake-extension';

vi.mock('webextension-polyfill', () => import('../setup/fake-polyfill'));

const ORIGIN = 'https://example.org';
const PATTERN = 'https://example.org/*';

let fake: FakeExtension;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  fake = installFakeExtension();
  // The fake's tabs.query knows no URL filter; the real one returns the origin's tabs.
  stubTabsQuery();
});

describe('syncSiteScripts', () => {
  it('registers the content script for each enabled origin this browser granted', async () => {
    fake.granted.add(PATTERN);
    await saveSettings({ enabledSites: [ORIGIN, 'https://not-granted.test'] });
    await syncSiteScripts();
    expect([...fake.registered.values()]).toEqual([
      {
        id: siteScriptId(ORIGIN),
        matches: [PATTERN],
        ...CONTENT_SCRIPT,
        runAt: 'document_idle',
        allFrames: true,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('registers relative paths when the manifest gives absolute URLs, as Firefox does', async () => {
    const root = fakeBrowser.runtime.getURL('');
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'TechWar Lens',
      version: '0.1.0',
      content_scripts: [
        {
          matches: ['https://*.reuters.com/*'],
          js: CONTENT_SCRIPT.js.map((f) => root + f),
          css: CONTENT_SCRIPT.css.map((f) => root + f),
        },
      ],
    });
    fake.granted.add(PATTERN);
    await saveSettings({ enabledSites: [ORIGIN] });
    await syncSiteScripts();
    expect(fake.registered.get(siteScriptId(ORIGIN))).toMatchObject(CONTENT_SCRIPT);
    // Firefox lists them back as absolute URLs: still current, so nothing is registered again.
    const registered = fake.registered.get(siteScriptId(ORIGIN));
    if (registered) registered.js = registered.js?.map((f) => root + f);
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts');
    register.mockClear();
    await syncSiteScripts();
    expect(register).not.toHaveBeenCalled();
  });

  it('is idempotent, and safe to call many times at once', async () => {
    fake.granted.add(PATTERN);
    await saveSettings({ enabledSites: [ORIGIN] });
    await Promise.all([syncSiteScripts(), syncSiteScripts(), syncSiteScripts()]);
    await syncSiteScripts();
    expect(fake.registered.size).toBe(1);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('unregisters what the settings or permissions no longer allow, and leaves other scripts alone', async () => {
    fake.registered.set(siteScriptId('https://gone.test'), { id: siteScriptId('https://gone.test') });
    fake.registered.set('someone-else', { id: 'someone-else' });
    fake.granted.add(PATTERN);
    await saveSettings({ enabledSites: [ORIGIN] });
    await syncSiteScripts();
    fake.granted.delete(PATTERN);
    await syncSiteScripts();
    expect([...fake.registered.keys()]).toEqual(['someone-else']);
  });

  it('registers again when an update renamed the files', async () => {
    fake.granted.add(PATTERN);
    await saveSettings({ enabledSites: [ORIGIN] });
    fake.registered.set(siteScriptId(ORIGIN), { id: siteScriptId(ORIGIN), matches: [PATTERN], js: ['old.js'] });
    await syncSiteScripts();
    expect(fake.registered.get(siteScriptId(ORIGIN))?.js).toEqual(CONTENT_SCRIPT.js);
  });
});

describe('enableSite', () => {
  it('records, registers and starts the script in the origin’s open tabs', async () => {
    fake.granted.add(PATTERN);
    stubTabsQuery([await fakeBrowser.tabs.create({ url: `${ORIGIN}/a` })]);
    expect(await enableSite('HTTPS://Example.org:443')).toBe(true);
    expect((await loadSettings()).enabledSites).toEqual([ORIGIN]);
    expect(fake.registered.has(siteScriptId(ORIGIN))).toBe(true);
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ url: PATTERN });
    expect(fake.injected.map((i) => i.files)).toEqual([CONTENT_SCRIPT.css, CONTENT_SCRIPT.js]);
  });

  it('refuses without the permission, or for something that is not an origin', async () => {
    expect(await enableSite(ORIGIN)).toBe(false);
    fake.granted.add('https://example.org/path/*');
    expect(await enableSite('https://example.org/path')).toBe(false);
    expect((await loadSettings()).enabledSites).toEqual([]);
    expect(fake.registered.size).toBe(0);
  });

  it('refuses past the cap rather than dropping another site', async () => {
    const full = Array.from({ length: MAX_ENABLED_SITES }, (_, i) => `https://site${i}.test`);
    await saveSettings({ enabledSites: full });
    fake.granted.add(PATTERN);
    expect(await enableSite(ORIGIN)).toBe(false);
    expect((await loadSettings()).enabledSites).toEqual(full);
  });

  it('still registers an origin another browser already listed', async () => {
    await saveSettings({ enabledSites: [ORIGIN] });
    fake.granted.add(PATTERN);
    expect(await enableSite(ORIGIN)).toBe(true);
    expect(fake.registered.has(siteScriptId(ORIGIN))).toBe(true);
  });

  it('starts the script in open tabs once when the popup and the permission grant both ask', async () => {
    fake.granted.add(PATTERN);
    stubTabsQuery([await fakeBrowser.tabs.create({ url: `${ORIGIN}/a` })]);
    expect(await Promise.all([enableSite(ORIGIN), enableGrantedSites([PATTERN]).then(() => true)])).toEqual([
      true,
      true,
    ]);
    expect(fake.injected.map((i) => i.files)).toEqual([CONTENT_SCRIPT.css, CONTENT_SCRIPT.js]);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('survives a tab it cannot start in', async () => {
    fake.granted.add(PATTERN);
    stubTabsQuery([await fakeBrowser.tabs.create({ url: `${ORIGIN}/a` })]);
    vi.mocked(fakeBrowser.scripting.executeScript).mockRejectedValue(new Error('Frame was removed'));
    expect(await enableSite(ORIGIN)).toBe(true);
  });
});

describe('disableSite', () => {
  it('forgets the origin, unregisters it and gives the permission back', async () => {
    fake.granted.add(PATTERN).add('https://other.test/*');
    await enableSite(ORIGIN);
    await enableSite('https://other.test');
    expect(await disableSite(ORIGIN)).toBe(true);
    expect((await loadSettings()).enabledSites).toEqual(['https://other.test']);
    expect([...fake.registered.keys()]).toEqual([siteScriptId('https://other.test')]);
    expect([...fake.granted]).toEqual(['https://other.test/*']);
  });

  it('refuses something that is not an origin', async () => {
    expect(await disableSite('example.org')).toBe(false);
  });
});

describe('permissions granted from elsewhere', () => {
  it('reads the origin of a host pattern, and nothing from a wildcard', () => {
    expect(originOfPattern(PATTERN)).toBe(ORIGIN);
    expect(originOfPattern('http://localhost:8080/*')).toBe('http://localhost:8080');
    expect(originOfPattern('https://*/*')).toBeUndefined();
    expect(originOfPattern('https://*.example.org/*')).toBeUndefined();
    expect(originOfPattern('<all_urls>')).toBeUndefined();
  });

  it('completes the enabling the popup started (Firefox closes the popup at the prompt)', async () => {
    fake.granted.add(PATTERN);
    await enableGrantedSites([PATTERN, 'https://*/*']);
    expect((await loadSettings()).enabledSites).toEqual([ORIGIN]);
    expect(fake.registered.has(siteScriptId(ORIGIN))).toBe(true);
  });
});
