// The layering rules of ARCHITECTURE.md for runtime imports are checked by dependency-cruiser
// (.dependency-cruiser.cjs, `npm run lint:deps`). It reads the code after babel has erased the types, so this test keeps the
// same folder rules for type-only imports (`import type`, `import { type X }`).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const ENTRY_FOLDERS = ['content', 'background', 'popup', 'options', 'reader'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(d.name) ? [path] : [];
  });
}

/** The src folders a file's type-only imports point at. */
function typeImportFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*import\s+type\b[^;]*?from\s*'([^']+)'|^\s*import\s*\{\s*type\b[^;]*?from\s*'([^']+)'/gm),
  ].map((m) => (m[1] ?? m[2]) as string);
  return specs
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(SRC, resolve(file, '..', spec)).split('/')[0] as string);
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  folder: relative(SRC, path).split('/')[0] as string,
  types: typeImportFolders(path),
}));

describe('type-only imports follow the layering too', () => {
  it('finds type imports to check', () => {
    expect(files.find((f) => f.path === 'matcher/index.ts')?.types).toContain('digest');
  });

  it.each([
    ['digest', ['digest']],
    ['matcher', ['matcher', 'digest']],
  ])('%s takes types only from %j', (folder, allowed) => {
    for (const f of files.filter((x) => x.folder === folder)) {
      for (const to of f.types) expect(allowed, `${f.path} imports types from ${to}`).toContain(to);
    }
  });

  it('ui takes no types from settings, messages, i18n or an entry folder', () => {
    for (const f of files.filter((x) => x.folder === 'ui')) {
      for (const to of f.types) {
        expect(['settings', 'messages', 'i18n', ...ENTRY_FOLDERS], `${f.path} imports types from ${to}`).not.toContain(
          to,
        );
      }
    }
  });

  it('nothing takes types from an entry folder outside it', () => {
    for (const f of files) {
      for (const to of f.types) {
        if (ENTRY_FOLDERS.includes(to)) expect(to, `${f.path} imports types from ${to}`).toBe(f.folder);
      }
    }
  });

  it('i18n takes no types from ui (ui depends on nothing but the digest)', () => {
    for (const f of files.filter((x) => x.folder === 'i18n')) expect(f.types).not.toContain('ui');
  });
});
