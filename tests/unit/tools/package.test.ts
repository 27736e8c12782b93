// Packaging refuses the profile build, which answers a page-dispatched benchmark event.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNotProfileBuild, filesUnder } from '../../tools/package';

const REPO = resolve(import.meta.dirname, '../../..');
const built = (dir: string) => existsSync(resolve(REPO, dir, 'manifest.json'));
const name = (text: string, dir: string) => (built(dir) ? text : `${text} (skipped: ${dir}/ not built)`);

describe('assertNotProfileBuild', () => {
  it.skipIf(!built('dist-profile'))(name('refuses the profile build', 'dist-profile'), () => {
    expect(() => assertNotProfileBuild(filesUnder(resolve(REPO, 'dist-profile')))).toThrow(
      /refusing to package a profile build: src\/content\/main\.js/,
    );
  });

  it.skipIf(!built('dist') || !built('dist-firefox'))(name('accepts the store builds', 'dist and dist-firefox'), () => {
    expect(() => assertNotProfileBuild(filesUnder(resolve(REPO, 'dist')))).not.toThrow();
    expect(() => assertNotProfileBuild(filesUnder(resolve(REPO, 'dist-firefox')))).not.toThrow();
  });
});
