import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import sourceManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { highlightCss } from './src/content/highlight-css';
import { type PageDigest, pageDigestOf } from './src/digest/page-digest';
import type { Digest } from './src/digest/schema';
import { formatDigestErrors, validateDigest } from './src/digest/validate';

/** One source, three targets: `vite build` (Chrome), `--mode firefox`, `--mode profile`. */
type Target = 'chrome' | 'firefox' | 'profile';

const OUT_DIRS: Record<Target, string> = {
  chrome: 'dist',
  firefox: 'dist-firefox',
  profile: 'dist-profile',
};

export const FIREFOX_GECKO = {
  id: 'techwar-lens@techwar-lens.dev',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

export const FIREFOX_GECKO_ANDROID = { strict_min_version: '142.0' };

function targetOf(mode: string): Target {
  return mode === 'firefox' || mode === 'profile' ? mode : 'chrome';
}

/** The version lives in package.json only; every built manifest takes it from there. */
const baseManifest = { ...sourceManifest, version: packageJson.version };

export function manifestFor(target: Target): ManifestV3Export {
  if (target !== 'firefox') return baseManifest as ManifestV3Export;
  const { service_worker, ...background } = baseManifest.background;
  return {
    ...baseManifest,
    // Firefox runs MV3 backgrounds as event pages, not service workers.
    background: { ...background, scripts: [service_worker] },
    // Firefox for Android: 142 is its first version that knows data_collection_permissions.
    browser_specific_settings: { gecko: FIREFOX_GECKO, gecko_android: FIREFOX_GECKO_ANDROID },
  } as ManifestV3Export;
}

const DIGEST_PATH = resolve(import.meta.dirname, 'src/digest/digest.json');
const HIGHLIGHT_CSS_FILE = 'src/content/highlights.css';

/**
 * The digest as the bundles import it: one minified JSON string parsed at run time. V8 reads a JSON
 * string several times faster than it compiles the same data as an object literal, and the content
 * script pays that on every page. The content script takes only its slice (src/digest/page-slice.ts),
 * computed here. Aliases (not a plugin) so crxjs's separate content-script build, which takes the
 * aliases but no plugins, uses them too. Node tools and tests import the modules themselves.
 */
function digestAsJsonParse(): { find: RegExp; replacement: string }[] {
  let data: Digest;
  let slice: PageDigest;
  try {
    data = JSON.parse(readFileSync(DIGEST_PATH, 'utf8'));
    slice = pageDigestOf(data);
  } catch {
    return []; // digestPlugin reports the error, naming the entry and field
  }
  const dir = resolve(import.meta.dirname, 'node_modules/.techwar');
  mkdirSync(dir, { recursive: true });
  const parsed = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
  writeFileSync(resolve(dir, 'digest.js'), `export default ${parsed(data)};\n`);
  writeFileSync(resolve(dir, 'page-slice.js'), `export const pageDigest = ${parsed(slice)};\n`);
  return [
    { find: /^\.\/digest\.json$/, replacement: resolve(dir, 'digest.js') },
    { find: /^.*\/page-slice$/, replacement: resolve(dir, 'page-slice.js') },
  ];
}

/**
 * A malformed digest fails the build, naming the entry and field. The highlight stylesheet the
 * manifest declares is generated from the validated topics.
 */
function digestPlugin(): Plugin {
  let css = '';
  return {
    name: 'techwar:digest',
    enforce: 'pre',
    buildStart() {
      this.addWatchFile(DIGEST_PATH);
      const result = validateDigest(JSON.parse(readFileSync(DIGEST_PATH, 'utf8')));
      if (!result.ok) this.error(`src/digest/digest.json is invalid:\n${formatDigestErrors(result.errors)}`);
      css = highlightCss(result.digest.topics);
    },
    // crxjs copies manifest-declared CSS as it is on disk (an empty placeholder), so the
    // generated rules are written over the copy.
    writeBundle(output) {
      const copy = resolve(output.dir ?? '', HIGHLIGHT_CSS_FILE);
      const written = JSON.parse(readFileSync(resolve(output.dir ?? '', 'manifest.json'), 'utf8'));
      const declared = written.content_scripts?.some((c: { css?: string[] }) => c.css?.includes(HIGHLIGHT_CSS_FILE));
      if (!declared) this.error(`${HIGHLIGHT_CSS_FILE} is not declared in the built manifest`);
      writeFileSync(copy, css);
    },
  };
}

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  return {
    plugins: [
      digestPlugin(),
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target === 'firefox' ? 'firefox' : 'chrome',
        // A self-contained content script: no loader, no web_accessible_resources for pages to probe.
        contentScripts: { standaloneFiles: ['src/content/main.ts'] },
      }),
    ],
    resolve: { alias: digestAsJsonParse() },
    define: {
      __TECHWAR_PROFILE__: JSON.stringify(target === 'profile'),
    },
    build: {
      outDir: OUT_DIRS[target],
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // TECHWAR_NO_MINIFY=1 keeps function names readable in CPU profiles of the profile build.
      minify: process.env.TECHWAR_NO_MINIFY ? false : 'oxc',
      // Extension pages the manifest does not name (the manifest's own are added by crxjs).
      rollupOptions: { input: { reader: 'src/reader/index.html' } },
    },
  };
});
