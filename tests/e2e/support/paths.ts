import { mkdirSync, mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const DIST = resolve(REPO, 'dist');
export const DIST_FIREFOX = resolve(REPO, 'dist-firefox');
export const DIST_PROFILE = resolve(REPO, 'dist-profile');
export const FIXTURES = resolve(REPO, 'tests/e2e/fixtures');
/** ../shared beside the checkout; absent on a machine without it. */
export const SHARED = resolve(REPO, '../shared');
export const SCREENSHOTS = resolve(REPO, 'test-output/screenshots');

/** A fresh folder inside the repo's ignored temp folder. */
export function tempDir(prefix: string): string {
  const base = resolve(REPO, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(resolve(base, `${prefix}-`));
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${name}.png`);
}
