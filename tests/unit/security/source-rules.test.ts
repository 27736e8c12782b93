// Security rules for everything in src/: no HTML injection sinks, no string-to-code, no remote URL;
// the extension keeps the browser's default CSP; the built manifests expose no resources to pages.
// (Tests may use these sinks inside page-evaluate strings: only src/ is scanned.)
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutsideComments, REPO, type SourceFile, sourceFiles, withoutComments } from './source-scan';

interface Rule {
  name: string;
  pattern: RegExp;
  /** Code the rule must catch, and code it must let through: the pattern's own test. */
  catches: string[];
  allows: string[];
}

const RULES: Rule[] = [
  {
    name: 'innerHTML/outerHTML assignment',
    pattern:
      /\.\s*(innerHTML|outerHTML)\s*(\+|\|\||&&|\?\?)?=(?!=)|\[\s*['"`](innerHTML|outerHTML)['"`]\s*\]\s*=(?!=)/g,
    catches: ['el.innerHTML = html;', 'el.outerHTML += x', "el['innerHTML'] = x", 'a.innerHTML ||= b'],
    allows: ['const s = el.innerHTML;', 'if (el.innerHTML === x) {}', '// el.innerHTML = x'],
  },
  {
    name: 'insertAdjacentHTML',
    pattern: /\binsertAdjacentHTML\b/g,
    catches: ["el.insertAdjacentHTML('beforeend', x)"],
    allows: ["el.insertAdjacentText('beforeend', x)"],
  },
  {
    name: 'document.write',
    pattern: /\bdocument\s*\.\s*(write|writeln)\s*\(/g,
    catches: ['document.write(x)', 'document.writeln(x)'],
    allows: ['doc.written = 1', '/* document.write(x) */'],
  },
  {
    name: 'eval(',
    pattern: /(^|[^\w$.])eval\s*\(|\.\s*eval\s*\(/g,
    catches: ['eval(code)', 'window.eval(code)', 'x = eval (code)'],
    allows: ['retrieval(code)', 'evaluate(code)', "const s = 'no eval here';"],
  },
  {
    name: 'new Function',
    pattern: /\bnew\s+Function\s*\(|(^|[^\w$.])Function\s*\(\s*['"`]/g,
    catches: ["new Function('return 1')", "Function('return 1')()"],
    allows: ['new FunctionCall()', 'function f() {}', 'isFunction(x)'],
  },
  {
    name: 'dangerouslySetInnerHTML',
    pattern: /\bdangerouslySetInnerHTML\b/g,
    catches: ['<div dangerouslySetInnerHTML={{ __html: x }} />'],
    allows: ['<div>{text}</div>'],
  },
  {
    name: 'setTimeout/setInterval with a string',
    pattern: /\bset(Timeout|Interval)\s*\(\s*['"`]/g,
    catches: ["setTimeout('tick()', 10)", 'setInterval("tick()")', 'setTimeout(`go()`)'],
    allows: ['setTimeout(() => tick(), 10)', 'setInterval(tick, 10)'],
  },
  {
    name: 'remote URL',
    // Match patterns with a wildcard host (https://*/*, https://*.example.com/*) name no server.
    pattern: /\b(https?|wss?):\/\/(?!\*[./])/gi,
    catches: ["fetch('https://example.com/x')", 'const u = "http://" + host', "new WebSocket('wss://x')"],
    allows: [
      '// see https://example.com',
      '/** `https://example.com` */',
      "const p = 'https://*/*';",
      "const q = 'https://*.example.com/*';",
    ],
  },
];

const asFile = (text: string): SourceFile => ({ path: 'probe.ts', text });
const FILES = sourceFiles();

describe('the rules catch what they should (their own test)', () => {
  it.each(RULES)('$name', ({ pattern, catches, allows }) => {
    for (const code of catches) expect(findOutsideComments(asFile(code), pattern), code).toHaveLength(1);
    for (const code of allows) expect(findOutsideComments(asFile(code), pattern), code).toEqual([]);
  });

  it('blanks comments but not strings, templates or regular expressions that look like them', () => {
    // In the probe every comment says GONE and every piece of code that looks like one says KEEPn.
    const probe = readFileSync(resolve(import.meta.dirname, 'comment-probe.txt'), 'utf8');
    const kept = withoutComments(probe, '.ts');
    expect(kept.split('\n')).toHaveLength(probe.split('\n').length);
    expect(kept).not.toContain('GONE');
    expect(kept.match(/KEEP\d/g)).toEqual(probe.match(/KEEP\d/g));
  });
});

describe('src/ is free of injection sinks, string-to-code and remote URLs', () => {
  it('found the sources', () => {
    expect(FILES.length).toBeGreaterThan(20);
  });

  it.each(RULES)('no $name', ({ pattern }) => {
    const hits = FILES.flatMap((f) => findOutsideComments(f, pattern)).map((h) => `${h.path}:${h.line}: ${h.text}`);
    expect(hits).toEqual([]);
  });
});

/** Sources a CSP may allow for scripts in extension pages without loosening the default. */
const STRICT_SCRIPT_SOURCES = new Set(["'self'", "'none'", "'wasm-unsafe-eval'"]);

describe('content security policy of the extension pages', () => {
  const manifest = JSON.parse(readFileSync(resolve(REPO, 'manifest.json'), 'utf8')) as {
    content_security_policy?: { extension_pages?: string; sandbox?: string };
  };

  it('keeps the default (no content_security_policy) or a stricter one', () => {
    const policy = manifest.content_security_policy?.extension_pages;
    if (policy === undefined) {
      expect(manifest.content_security_policy?.sandbox).toBeUndefined();
      return;
    }
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0] as string, d.slice(1)]),
    );
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => !STRICT_SCRIPT_SOURCES.has(s))).toEqual([]);
    expect(directives.get('object-src') ?? directives.get('default-src') ?? []).not.toContain('*');
  });
});

describe('built manifests expose nothing to pages', () => {
  for (const dir of ['dist', 'dist-firefox']) {
    const path = resolve(REPO, dir, 'manifest.json');
    const built = existsSync(path);
    const name = `${dir}/manifest.json has no web_accessible_resources${built ? '' : ` (skipped: ${dir}/ not built)`}`;
    it.skipIf(!built)(name, () => {
      const built = JSON.parse(readFileSync(path, 'utf8')) as { web_accessible_resources?: unknown[] };
      expect(built.web_accessible_resources ?? []).toEqual([]);
    });
  }
});
