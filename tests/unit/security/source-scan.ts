// Reading src/ for the security rules: every source file, with its comments blanked out so a rule
// sees only code. TypeScript 7 has no JS API to parse with, so a small scanner does it: strings,
// template literals (with nested ${…}), regular expression literals and both comment forms. The
// rules' own tests pin it down.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const SRC = resolve(REPO, 'src');

export interface SourceFile {
  /** Path relative to the repository, for messages. */
  path: string;
  text: string;
}

export function sourceFiles(dir = SRC): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = resolve(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else out.push({ path: relative(REPO, full), text: readFileSync(full, 'utf8') });
  }
  return out;
}

export interface Hit {
  path: string;
  line: number;
  text: string;
}

/** Matches of `pattern` (global) outside comments, as file:line hits. */
export function findOutsideComments(file: SourceFile, pattern: RegExp): Hit[] {
  const lines = file.text.split('\n');
  const hits: Hit[] = [];
  withoutComments(file.text, extname(file.path))
    .split('\n')
    .forEach((code, i) => {
      for (const _ of code.matchAll(pattern))
        hits.push({ path: file.path, line: i + 1, text: (lines[i] ?? '').trim() });
    });
  return hits;
}

/** `text` with every comment replaced by spaces (line breaks kept, so line numbers hold). */
export function withoutComments(text: string, kind: string): string {
  if (kind === '.json') return text;
  if (kind === '.html') return blank(text, /<!--[\s\S]*?-->/g);
  if (kind === '.css') return blank(text, /\/\*[\s\S]*?\*\//g);
  return withoutScriptComments(text);
}

function blank(text: string, comment: RegExp): string {
  return text.replace(comment, (c) => c.replace(/[^\n]/g, ' '));
}

/** Characters after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set([...'(,=:[!&|?{};+-*%<>~^']);
const KEYWORDS_BEFORE_REGEX = /\b(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

function withoutScriptComments(text: string): string {
  let out = '';
  let i = 0;
  /** Brace depth of each template literal's ${…} we are inside. */
  const templates: number[] = [];
  let braces = 0;
  let lastSignificant = '';
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? n : end;
      out += ' '.repeat(stop - i);
      i = stop;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      const stop = endOfQuoted(text, i, c);
      out += text.slice(i, stop);
      i = stop;
      lastSignificant = c;
      continue;
    }
    if (c === '`' || (c === '}' && templates.length > 0 && templates[templates.length - 1] === braces)) {
      // A template literal's text, from its start or from the end of a ${…}, to its end or next ${.
      if (c === '}') templates.pop();
      let j = i + 1;
      while (j < n && text[j] !== '`' && !(text[j] === '$' && text[j + 1] === '{')) j += text[j] === '\\' ? 2 : 1;
      if (text[j] === '$') {
        templates.push(braces);
        j += 2;
      } else j += 1;
      out += text.slice(i, j);
      i = j;
      lastSignificant = '`';
      continue;
    }
    if (
      c === '/' &&
      (lastSignificant === '' || BEFORE_REGEX.has(lastSignificant) || KEYWORDS_BEFORE_REGEX.test(out.trimEnd()))
    ) {
      const stop = endOfRegex(text, i);
      out += text.slice(i, stop);
      i = stop;
      lastSignificant = '/';
      continue;
    }
    if (c === '{') braces++;
    else if (c === '}') braces--;
    if (!/\s/.test(c)) lastSignificant = c;
    out += c;
    i++;
  }
  return out;
}

/** Index after a '…' or "…" string starting at `start`; a line break ends a broken one. */
function endOfQuoted(text: string, start: number, quote: string): number {
  let j = start + 1;
  while (j < text.length && text[j] !== quote && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

/** Index after a /regex/flags literal starting at `start` (character classes may hold a slash). */
function endOfRegex(text: string, start: number): number {
  let j = start + 1;
  let inClass = false;
  while (j < text.length && text[j] !== '\n') {
    const c = text[j];
    if (c === '\\') j += 2;
    else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      j++;
    }
  }
  j++;
  while (j < text.length && /[a-z]/i.test(text[j] as string)) j++;
  return j;
}
