// The evaluation corpus on disk: INDEX.tsv of ../shared/eval, the fetched texts in eval-texts/
// (git-ignored), and our annotations in tests/eval/annotations/. Texts become pages of paragraphs,
// one per line of the text, each tagged with the code-point offset where it starts, so a highlight's
// position in the page maps back to the annotation's offsets.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO, SHARED } from '../e2e/support/paths';
import { readTsv } from '../e2e/support/realpages';

/** ../shared beside the checkout, or TECHWAR_SHARED (a worktree has no ../shared of its own). */
export const SHARED_DIR = process.env.TECHWAR_SHARED ?? SHARED;
export const TEXTS_DIR = resolve(REPO, 'eval-texts');
export const ANNOTATIONS_DIR = resolve(REPO, 'tests/eval/annotations');

export interface Span {
  start: number;
  end: number;
  surface: string;
  class?: string;
}

export interface Mention extends Span {
  entry: string;
}

export interface Annotation {
  id: string;
  lang: string;
  kind: string;
  chars: number;
  mentions: Mention[];
  traps: (Span & { why?: string })[];
  ignore: (Span & { why?: string })[];
}

export interface EvalText {
  id: string;
  lang: string;
  kind: string;
  text: string;
  annotation: Annotation;
}

export interface IndexRow {
  id: string;
  lang: string;
  kind: string;
  chars: number;
}

export function readIndex(): IndexRow[] | undefined {
  return readTsv(resolve(SHARED_DIR, 'eval/INDEX.tsv'))?.map((row) => ({
    id: row.id ?? '',
    lang: row.lang ?? '',
    kind: row.kind ?? '',
    chars: Number(row.chars),
  }));
}

/** What could not be used, and why, for the report. */
export interface Skipped {
  id: string;
  why: string;
}

/** Every indexed text that is fetched, of the right length, and annotated. */
export function loadTexts(index: readonly IndexRow[]): { texts: EvalText[]; skipped: Skipped[] } {
  const texts: EvalText[] = [];
  const skipped: Skipped[] = [];
  for (const row of index) {
    const textFile = resolve(TEXTS_DIR, `${row.id}.txt`);
    const annotationFile = resolve(ANNOTATIONS_DIR, `${row.id}.json`);
    if (!existsSync(textFile)) {
      skipped.push({ id: row.id, why: 'not fetched' });
      continue;
    }
    const text = readFileSync(textFile, 'utf8');
    const length = Array.from(text).length;
    if (length !== row.chars) {
      skipped.push({ id: row.id, why: `fetched text has ${length} code points, INDEX.tsv says ${row.chars}` });
      continue;
    }
    if (!existsSync(annotationFile)) {
      skipped.push({ id: row.id, why: 'not annotated' });
      continue;
    }
    const annotation = JSON.parse(readFileSync(annotationFile, 'utf8')) as Annotation;
    texts.push({ id: row.id, lang: row.lang, kind: row.kind, text, annotation });
  }
  return { texts, skipped };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The text as a page: one <p data-start> per non-empty line (split on the text's own newlines),
 * the line's text as the paragraph's only text node, so page offsets map back to code points.
 */
export function textPage(t: EvalText): string {
  const paragraphs: string[] = [];
  let start = 0;
  for (const line of t.text.split('\n')) {
    if (line.trim() !== '') paragraphs.push(`<p data-start="${start}">${escapeHtml(line)}</p>`);
    start += Array.from(line).length + 1;
  }
  const lang = t.lang === 'en' ? 'en' : t.lang === 'zh-Hans' ? 'zh-CN' : 'zh-TW';
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.id}</title></head><body><main><article>\n${paragraphs.join('\n')}\n</article></main></body></html>`;
}

/** Up to `width` code points either side of [start, end), the span in brackets, on one line. */
export function context(text: string, start: number, end: number, width = 40): string {
  const cps = Array.from(text);
  const clean = (s: string[]) => s.join('').replace(/\s+/g, ' ');
  return `…${clean(cps.slice(Math.max(0, start - width), start))}[${clean(cps.slice(start, end))}]${clean(cps.slice(end, end + width))}…`;
}
