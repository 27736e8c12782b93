// The permissions the extension asks for are exactly the intended ones (README "Permissions, and
// why"), in the source manifest, the Firefox variant vite.config.ts derives from it, and the built
// manifests when they exist.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import packageJson from '../../package.json' with { type: 'json' };
import { manifestFor } from '../../vite.config';

const REPO = resolve(import.meta.dirname, '../..');

/** README's table: the only sites the content script runs on (HTTPS, subdomains included). */
const CURATED_HOSTS = [
  'reuters.com',
  'apnews.com',
  'bloomberg.com',
  'ft.com',
  'wsj.com',
  'nytimes.com',
  'washingtonpost.com',
  'theguardian.com',
  'bbc.com',
  'bbc.co.uk',
  'cnn.com',
  'cnbc.com',
  'economist.com',
  'politico.com',
  'axios.com',
  'scmp.com',
  'asia.nikkei.com',
  'caixinglobal.com',
  'globaltimes.cn',
  'chinadaily.com.cn',
  'xinhuanet.com',
  'people.com.cn',
  'techcrunch.com',
  'theverge.com',
  'arstechnica.com',
  'wired.com',
  'tomshardware.com',
  'theregister.com',
  'restofworld.org',
  'insidetelecom.com',
  'worldcrunch.com',
  'semafor.com',
];

interface ManifestShape {
  permissions?: string[];
  optional_host_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: { strict_min_version?: string };
  };
}

function builtManifest(dir: string): ManifestShape | undefined {
  const path = resolve(REPO, dir, 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ManifestShape) : undefined;
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

/** The host a match pattern stands for: `https://*.bbc.co.uk/*` → bbc.co.uk. */
function hostOf(pattern: string): string {
  return pattern
    .replace(/^https:\/\//, '')
    .replace(/\/\*$/, '')
    .replace(/^\*\./, '');
}

function expectIntendedPermissions(manifest: ManifestShape): void {
  // activeTab: the popup reads the tab's address after a toolbar click (no install warning).
  expect(sorted(manifest.permissions)).toEqual(sorted(['storage', 'activeTab', 'contextMenus', 'scripting']));
  expect(sorted(manifest.optional_host_permissions)).toEqual(sorted(['https://*/*', 'http://*/*']));
  expect(manifest).not.toHaveProperty('host_permissions');
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []);
  expect(matches.filter((m) => !m.startsWith('https://'))).toEqual([]);
  // Exactly the curated list: a site added here without README (and review) is permission creep.
  expect(sorted(matches.map(hostOf))).toEqual(sorted(CURATED_HOSTS));
}

const firefoxBuilt = builtManifest('dist-firefox');
const chromeBuilt = builtManifest('dist');
/** A test name that says when the build it reads is missing, so the skip explains itself. */
const ifBuilt = (name: string, dir: string, built: unknown) => (built ? name : `${name} (skipped: ${dir}/ not built)`);

describe('permissions', () => {
  it('the source manifest asks for exactly the intended permissions and sites', () => {
    expectIntendedPermissions(sourceManifest as ManifestShape);
  });

  it('the Firefox manifest vite.config.ts derives asks for the same', () => {
    expectIntendedPermissions(manifestFor('firefox') as ManifestShape);
  });

  it.skipIf(!chromeBuilt)(ifBuilt('the built dist/manifest.json asks for the same', 'dist', chromeBuilt), () => {
    expectIntendedPermissions(chromeBuilt as ManifestShape);
  });

  it.skipIf(!firefoxBuilt)(
    ifBuilt('the built dist-firefox/manifest.json asks for the same', 'dist-firefox', firefoxBuilt),
    () => {
      expectIntendedPermissions(firefoxBuilt as ManifestShape);
    },
  );
});

/** What Firefox needs (TOOLCHAIN.md): an event page, a gecko id, a minimum version, no data collection. */
function expectFirefoxReady(manifest: ManifestShape): void {
  expect(manifest.background?.scripts?.length).toBeGreaterThan(0);
  expect(manifest.background).not.toHaveProperty('service_worker');
  const gecko = manifest.browser_specific_settings?.gecko;
  expect(gecko?.id).toMatch(/^[^@\s]+@[^@\s]+$/);
  expect(gecko?.strict_min_version).toMatch(/^\d+(\.\d+)*$/);
  // 142 is the first version that knows data_collection_permissions on Android too.
  expect(Number.parseInt(gecko?.strict_min_version ?? '0', 10)).toBeGreaterThanOrEqual(142);
  expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  // Firefox for Android is declared, from the version that knows data_collection_permissions.
  expect(manifest.browser_specific_settings?.gecko_android).toEqual({ strict_min_version: '142.0' });
}

describe('Firefox variant', () => {
  it('manifestFor("firefox") has an event page, a gecko id, a minimum version and no data collection', () => {
    expectFirefoxReady(manifestFor('firefox') as ManifestShape);
  });

  it.skipIf(!firefoxBuilt)(
    ifBuilt('so does the built dist-firefox/manifest.json', 'dist-firefox', firefoxBuilt),
    () => {
      expectFirefoxReady(firefoxBuilt as ManifestShape);
    },
  );

  it('the Chrome manifest keeps its service worker', () => {
    const chrome = manifestFor('chrome') as ManifestShape;
    expect(chrome.background?.service_worker).toBeTruthy();
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });
});

describe('version', () => {
  it('lives in package.json only; every built manifest takes it from there', () => {
    expect(sourceManifest).not.toHaveProperty('version');
    expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const target of ['chrome', 'firefox', 'profile'] as const) {
      expect((manifestFor(target) as { version?: string }).version).toBe(packageJson.version);
    }
  });

  it.skipIf(!chromeBuilt || !firefoxBuilt)(
    ifBuilt('the built manifests carry it', 'dist and dist-firefox', chromeBuilt && firefoxBuilt),
    () => {
      expect((chromeBuilt as { version?: string }).version).toBe(packageJson.version);
      expect((firefoxBuilt as { version?: string }).version).toBe(packageJson.version);
    },
  );
});

describe('PRIVACY.md', () => {
  const privacy = readFileSync(resolve(REPO, 'PRIVACY.md'), 'utf8');

  it('declares the data collection the Firefox manifest declares', () => {
    const stated = /data_collection_permissions: \{ required: (\[[^\]]*\]) \}/.exec(privacy)?.[1];
    expect(stated, 'PRIVACY.md quotes data_collection_permissions').toBeDefined();
    const gecko = (manifestFor('firefox') as ManifestShape).browser_specific_settings?.gecko;
    expect({ required: JSON.parse(stated ?? 'null') }).toEqual(gecko?.data_collection_permissions);
  });

  it('quotes directives the extension pages really run under, connections to the extension only', () => {
    const quoted = /`(default-src [^`]+)`/.exec(privacy)?.[1];
    expect(quoted, 'PRIVACY.md quotes the content security policy').toBeDefined();
    const directives = (csp: string) => csp.split(';').map((d) => d.trim().replace(/\s+/g, ' '));
    const actual = directives(sourceManifest.content_security_policy.extension_pages);
    for (const directive of directives(quoted ?? '')) expect(actual).toContain(directive);
    expect(directives(quoted ?? '')).toContain("connect-src 'self'");
  });

  it('names exactly the permissions the manifest asks for', () => {
    const sentence = /^See the README's table[\s\S]*?\n\n/m.exec(privacy)?.[0] ?? '';
    const named = [...sentence.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
    expect(named.sort()).toEqual([...sourceManifest.permissions].sort());
  });
});
