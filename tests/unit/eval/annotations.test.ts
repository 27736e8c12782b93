// Keeps the evaluation annotations honest: shape, ids, digest entries and spans; and, where the fetched
// texts are present, every surface against the text at its code-point offsets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/digest/schema';
import { type Annotation, AnnotationSchema } from '../../eval/annotation-schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../../..');
const ANNOTATIONS_DIR = path.join(ROOT, 'tests/eval/annotations');
const TEXTS_DIR = path.join(ROOT, 'eval-texts');
const INDEX_FILE = path.resolve(ROOT, '../shared/eval/INDEX.tsv');

type Span = { start: number; end: number; surface: string };
type IndexRow = { lang: string; kind: string; chars: number };

const files = readdirSync(ANNOTATIONS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const parsed = files.map((file) => ({
  file,
  result: v.safeParse(AnnotationSchema, JSON.parse(readFileSync(path.join(ANNOTATIONS_DIR, file), 'utf8'))),
}));
const annotations: { file: string; a: Annotation }[] = parsed.flatMap(({ file, result }) =>
  result.success ? [{ file, a: result.output }] : [],
);

const digest = JSON.parse(readFileSync(path.join(ROOT, 'src/digest/digest.json'), 'utf8')) as Digest;
const entryIds = new Set(digest.entries.map((e) => e.id));

function readIndex(): Map<string, IndexRow> {
  const [header = '', ...lines] = readFileSync(INDEX_FILE, 'utf8').split('\n').filter(Boolean);
  const cols = header.split('\t');
  const cell = (cells: string[], name: string): string => cells[cols.indexOf(name)] ?? '';
  return new Map(
    lines.map((line) => {
      const c = line.split('\t');
      return [cell(c, 'id'), { lang: cell(c, 'lang'), kind: cell(c, 'kind'), chars: Number(cell(c, 'chars')) }];
    }),
  );
}
const index = existsSync(INDEX_FILE) ? readIndex() : undefined;

const textFile = (id: string): string => path.join(TEXTS_DIR, `${id}.txt`);
const withText = annotations.filter(({ a }) => existsSync(textFile(a.id)));

const show = (s: Span): string => `${JSON.stringify(s.surface)}@${s.start}`;
const meets = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

if (!index) console.warn(`[eval annotations] ${INDEX_FILE} is absent: the INDEX.tsv checks are skipped.`);
if (withText.length < annotations.length)
  console.warn(
    `[eval annotations] ${annotations.length - withText.length} of ${annotations.length} texts are not fetched into ` +
      `${TEXTS_DIR} (see ../shared/eval/README.md): their surfaces are not checked against the text.`,
  );

describe('evaluation annotations', () => {
  it('exist, and every file has the documented shape', () => {
    expect(files.length).toBeGreaterThan(0);
    const problems = parsed.flatMap(({ file, result }) =>
      result.success ? [] : result.issues.map((i) => `${file} ${v.getDotPath(i) ?? '(root)'}: ${i.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('are each named after their id', () => {
    expect(annotations.filter(({ file, a }) => file !== `${a.id}.json`).map(({ file }) => file)).toEqual([]);
  });

  it.skipIf(!index)('match their INDEX.tsv rows (id, lang, kind, chars)', () => {
    const wrong = annotations
      .filter(
        ({ a }) => JSON.stringify(index?.get(a.id)) !== JSON.stringify({ lang: a.lang, kind: a.kind, chars: a.chars }),
      )
      .map(({ file }) => file);
    expect(wrong).toEqual([]);
  });

  it('name only entries that exist in the digest', () => {
    const unknown = annotations.flatMap(({ file, a }) =>
      a.mentions.filter((m) => !entryIds.has(m.entry)).map((m) => `${file}: ${m.entry}`),
    );
    expect(unknown).toEqual([]);
  });

  it('give negatives and look-alikes no mentions', () => {
    expect(annotations.filter(({ a }) => a.kind !== 'topic' && a.mentions.length > 0).map(({ file }) => file)).toEqual(
      [],
    );
  });

  it('keep spans inside the text, mentions apart, and traps and ignored spans off the mentions', () => {
    const problems = annotations.flatMap(({ file, a }) => {
      const others = [...a.traps, ...a.ignore];
      const outside = [...a.mentions, ...others].filter((s) => s.end > a.chars).map((s) => `outside: ${show(s)}`);
      const sorted = [...a.mentions].sort((x, y) => x.start - y.start);
      const crowded = sorted.flatMap((m, k) => {
        const next = sorted[k + 1];
        return next && meets(m, next) ? [`mentions overlap: ${show(m)} and ${show(next)}`] : [];
      });
      const onMentions = others.flatMap((o) =>
        a.mentions.filter((m) => meets(o, m)).map((m) => `${show(o)} is not a mention but overlaps ${show(m)}`),
      );
      return [...outside, ...crowded, ...onMentions].map((p) => `${file}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it.skipIf(withText.length === 0)('agree with the fetched texts: length and every surface at its offsets', () => {
    const problems = withText.flatMap(({ file, a }) => {
      const text = Array.from(readFileSync(textFile(a.id), 'utf8'));
      const length = text.length === a.chars ? [] : [`${file}: text has ${text.length} code points, not ${a.chars}`];
      const surfaces = [...a.mentions, ...a.traps, ...a.ignore]
        .filter((s) => text.slice(s.start, s.end).join('') !== s.surface)
        .map(
          (s) =>
            `${file}: ${s.start}-${s.end} is ${JSON.stringify(text.slice(s.start, s.end).join(''))}, not ${show(s)}`,
        );
      return [...length, ...surfaces];
    });
    expect(problems).toEqual([]);
  });
});
