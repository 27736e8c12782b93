// The layering rules of ARCHITECTURE.md, read from the imports themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const ENTRY_FOLDERS = ['content', 'background', 'popup', 'options', 'reader'];
const BROWSER_MODULES = ['webextension-polyfill'];
const UI_MODULES = ['preact', 'preact/hooks', 'preact/compat'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(d.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, resolved to a src folder when relative. */
function importsOf(file: string): { spec: string; folder: string | null }[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g),
  ].map((m) => (m[1] ?? m[2]) as string);
  return specs.map((spec) => {
    if (!spec.startsWith('.')) return { spec, folder: null };
    const target = relative(SRC, resolve(file, '..', spec));
    return { spec, folder: target.startsWith('..') ? '..' : (target.split('/')[0] as string) };
  });
}

const files = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  folder: relative(SRC, path).split('/')[0] as string,
  imports: importsOf(path),
}));

describe('layering', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.folder === 'matcher')).toBe(true);
  });

  it.each(['digest', 'matcher'])(
    '%s imports nothing outside itself but digest types, no DOM or browser API',
    (folder) => {
      for (const f of files.filter((x) => x.folder === folder)) {
        for (const imp of f.imports) {
          if (imp.folder === null) {
            expect([...BROWSER_MODULES, ...UI_MODULES], `${f.path} imports ${imp.spec}`).not.toContain(imp.spec);
          } else expect(['digest', folder], `${f.path} imports ${imp.spec}`).toContain(imp.folder);
        }
      }
    },
  );

  it.each(['settings', 'messages'])('%s imports no UI', (folder) => {
    for (const f of files.filter((x) => x.folder === folder)) {
      for (const imp of f.imports) {
        expect(UI_MODULES, `${f.path} imports ${imp.spec}`).not.toContain(imp.spec);
        expect(['ui', ...ENTRY_FOLDERS], `${f.path} imports ${imp.spec}`).not.toContain(imp.folder);
      }
    }
  });

  it('ui never calls the browser API', () => {
    for (const f of files.filter((x) => x.folder === 'ui')) {
      for (const imp of f.imports) expect(BROWSER_MODULES, `${f.path} imports ${imp.spec}`).not.toContain(imp.spec);
    }
  });

  it('nothing imports an entry folder from outside it', () => {
    for (const f of files) {
      for (const imp of f.imports) {
        if (imp.folder && ENTRY_FOLDERS.includes(imp.folder)) {
          expect(imp.folder, `${f.path} imports ${imp.spec}`).toBe(f.folder);
        }
      }
    }
  });
});
