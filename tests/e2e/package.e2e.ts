// `npm run package` end to end: the three store archives, and the sources archive rebuilds the
// Firefox package's files byte for byte in a folder of its own (what addons.mozilla.org checks).
// Packaging itself refuses a Firefox package with web-ext lint errors, so it passing here is that check.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, sha256 } from '../tools/package';
import { createZip, readZip, type ZipEntry } from '../tools/zip';
import { REPO, tempDir } from './support/paths';

const { version } = JSON.parse(readFileSync(resolve(REPO, 'package.json'), 'utf8')) as { version: string };
const archive = (kind: string) => `techwar-lens-${version}-${kind}.zip`;
const digests = (files: readonly ZipEntry[]) => Object.fromEntries(files.map((f) => [f.path, sha256(f.data)]));

let work: string;
let out: string;

beforeAll(() => {
  work = tempDir('package');
  out = resolve(work, 'out');
  execFileSync(resolve(REPO, 'node_modules/.bin/tsx'), ['tests/tools/package.ts', '--out', out], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 300_000);

afterAll(() => {
  if (work) execFileSync('rm', ['-rf', work]);
});

describe('npm run package', () => {
  it('writes the Chrome, Firefox and sources archives, named with the package.json version', () => {
    for (const kind of ['chrome', 'firefox']) {
      const files = readZip(readFileSync(resolve(out, archive(kind))));
      const manifest = files.find((f) => f.path === 'manifest.json');
      expect(JSON.parse(Buffer.from(manifest?.data ?? '').toString()).version).toBe(version);
    }
    const sources = readZip(readFileSync(resolve(out, archive('sources')))).map((f) => f.path);
    expect(sources).toEqual(
      expect.arrayContaining(['BUILDING.md', 'package-lock.json', 'vite.config.ts', 'manifest.json']),
    );
    // Sources only: no tests, no build output, nothing ignored.
    expect(sources.filter((p) => /^(tests|dist[^/]*|node_modules|release)\//.test(p))).toEqual([]);
  });

  it('rebuilds the Firefox package from the unpacked sources alone', () => {
    const firefox = readZip(readFileSync(resolve(out, archive('firefox'))));
    const unpacked = resolve(work, 'sources');
    for (const { path, data } of readZip(readFileSync(resolve(out, archive('sources'))))) {
      mkdirSync(dirname(resolve(unpacked, path)), { recursive: true });
      writeFileSync(resolve(unpacked, path), data);
    }
    // BUILDING.md's commands, with the dependencies `npm ci` would install (no network here).
    const notes = readFileSync(resolve(unpacked, 'BUILDING.md'), 'utf8');
    expect(notes).toContain('npm ci\nnpm run build:firefox');
    expect(notes).toContain(`Node.js ${process.versions.node}`);
    symlinkSync(resolve(REPO, 'node_modules'), resolve(unpacked, 'node_modules'));
    // A clean shell: vitest's NODE_ENV=test would give a development build.
    const env = { ...process.env };
    delete env.NODE_ENV;
    execFileSync('npm', ['run', 'build:firefox'], { cwd: unpacked, env, stdio: 'ignore' });
    const rebuilt = filesUnder(resolve(unpacked, 'dist-firefox'));
    expect(digests(rebuilt)).toEqual(digests(firefox));
    // A second build, packed as the packager packs: the same bytes as the first run's archive.
    expect(sha256(createZip(rebuilt))).toBe(sha256(readFileSync(resolve(out, archive('firefox')))));
  }, 300_000);
});
