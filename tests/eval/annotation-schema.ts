// The shape of one evaluation annotation (tests/eval/README.md). Offsets count Unicode code points, not
// UTF-16 units, so a span is checked against its surface with Array.from.
import * as v from 'valibot';

export const ANNOTATION_CLASSES = [
  'interrupted',
  'defined-abbreviation',
  'variant-form',
  'surname-title',
  'inside-longer-name',
  'whose-policy',
  'generic-word',
  'off-beat',
] as const;

const Offset = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must not be negative'));
const Why = v.pipe(v.string(), v.minLength(1, 'must say why'));
const ClassName = v.picklist(ANNOTATION_CLASSES, `must be one of ${ANNOTATION_CLASSES.join(', ')}`);

/** Code-point length, the unit every offset uses. */
const codePoints = (s: string): number => Array.from(s).length;

const spanFits = (span: { start: number; end: number; surface: string }): boolean =>
  span.start < span.end && codePoints(span.surface) === span.end - span.start;
const SPAN_MESSAGE = 'needs start < end and a surface exactly end - start code points long';

const MentionSchema = v.pipe(
  v.strictObject({
    entry: v.pipe(v.string(), v.minLength(1)),
    start: Offset,
    end: Offset,
    surface: v.string(),
    class: v.optional(ClassName),
  }),
  v.check((span) => spanFits(span), SPAN_MESSAGE),
);

const TrapSchema = v.pipe(
  v.strictObject({ start: Offset, end: Offset, surface: v.string(), why: Why, class: v.optional(ClassName) }),
  v.check((span) => spanFits(span), SPAN_MESSAGE),
);

const IgnoreSchema = v.pipe(
  v.strictObject({ start: Offset, end: Offset, surface: v.string(), why: Why }),
  v.check((span) => spanFits(span), SPAN_MESSAGE),
);

export const AnnotationSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Z]-\d{2}-[a-z0-9-]+$/, 'must look like A-01-some-name')),
  lang: v.picklist(['en', 'zh-Hans', 'zh-Hant']),
  kind: v.picklist(['topic', 'negative', 'look-alike']),
  chars: v.pipe(Offset, v.minValue(1, 'must be positive')),
  mentions: v.array(MentionSchema),
  traps: v.array(TrapSchema),
  ignore: v.array(IgnoreSchema),
});

export type Annotation = v.InferOutput<typeof AnnotationSchema>;
