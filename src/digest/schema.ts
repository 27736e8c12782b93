// The digest's shape. Pure: the build validates digest.json with it; the runtime imports only its types.
// No defaults are filled in, so the validated JSON is exactly the Digest type.
import * as v from 'valibot';
import { ID_PATTERN } from './ids';

const Id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be kebab-case (a-z, 0-9, -)'));
const Text = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.check((s) => s.trim() === s, 'must not start or end with white space'),
);
const SourceIds = v.pipe(v.array(Id), v.minLength(1, 'needs at least one source id'));

/** "2025", "2025-04" or "2025-04-25"; precision follows from the length. */
export const DigestDateSchema = v.strictObject({
  date: v.pipe(
    v.string(),
    v.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  /** The sources only let us infer the date (e.g. "last month" in an undated article). */
  approximate: v.optional(v.boolean()),
});

/**
 * Where each cited source supports a claim: source id → paragraph numbers in that seed. A seed's
 * paragraphs are its non-empty lines (after trimming white space), numbered from 1 in file order;
 * blank lines are not counted. The keys must be exactly the claim's sources.
 */
export const EvidenceSchema = v.record(
  Id,
  v.pipe(
    v.array(v.pipe(v.number(), v.integer('must be a whole paragraph number'), v.minValue(1, 'must be 1 or more'))),
    v.minLength(1, 'needs at least one paragraph number'),
  ),
);

/** A statement in our own words with the sources that support it. */
export const CitedTextSchema = v.strictObject({
  text: Text,
  sources: SourceIds,
  evidence: EvidenceSchema,
});

/**
 * Who says it. "reported": the sources report it as news (never a claim resting only on an opinion
 * column or a company's word); "claim": a person, company or outlet asserts it; "opinion" and
 * "forecast": a judgement or prediction; "background": a short identifying phrase from outside the
 * seeds, which cites no source.
 */
export const FactLabelSchema = v.picklist(['reported', 'claim', 'opinion', 'forecast', 'background']);

export const FactSchema = v.strictObject({
  text: Text,
  /** Empty only for a "background" fact, which must cite nothing. */
  sources: v.array(Id),
  evidence: EvidenceSchema,
  label: FactLabelSchema,
  /** Who claims, opines or forecasts; required for every label but "reported". */
  by: v.optional(Text),
});

export const QuoteSchema = v.strictObject({
  speaker: Text,
  /** Exact words as they appear in the cited source. */
  text: Text,
  source: Id,
  /** Our words: when and about what it was said. */
  context: v.optional(Text),
});

export const AliasRuleSchema = v.strictObject({
  text: Text,
  /** Match only with exactly this capitalisation. */
  caseSensitive: v.optional(v.boolean()),
  /** Counts only after the entry was already matched earlier on the page by an alias without this flag. */
  afterEntry: v.optional(v.boolean()),
  /** Counts only when one of these words occurs in the same block (whole word, any case). */
  near: v.optional(v.array(Text)),
  /** Never counts when one of these words occurs in the same block (whole word, any case). */
  notNear: v.optional(v.array(Text)),
  /**
   * A word of everyday news ("tariffs", "sanctions", "supply chains"): highlighted only on a page
   * about the beat (src/matcher/beat.ts), wherever the entry itself is core.
   */
  generic: v.optional(v.boolean()),
});

/** A plain string is an alias that matches in any case, anywhere. */
export const AliasSchema = v.union([Text, AliasRuleSchema]);

export const EntryKindSchema = v.picklist([
  'company',
  'product',
  'person',
  'organisation',
  'policy',
  'programme',
  'place',
  'event',
  'concept',
  'publication',
]);

/**
 * core: exists mainly in this beat (Huawei, the Entity List), highlighted wherever it is named.
 * broad: everywhere in the news (Trump, Apple, Taiwan), highlighted only on a page about the beat.
 */
export const EntryScopeSchema = v.picklist(['core', 'broad']);

/** Whose policy an entry is: the same words naming another country's policy do not count. */
export const PolicyOwnerSchema = v.picklist(['us', 'china']);

export const EntrySchema = v.strictObject({
  id: Id,
  name: Text,
  kind: EntryKindSchema,
  /** Absent means core; digest.json states it for every entry. */
  scope: v.optional(EntryScopeSchema),
  policyOf: v.optional(PolicyOwnerSchema),
  /** Primary topic first. */
  topics: v.pipe(v.array(Id), v.minLength(1, 'needs at least one topic')),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1, 'needs at least one alias')),
  summary: CitedTextSchema,
  /** One or two sentences written for the card at rest (at most GIST_MAX_CHARS), cited like the summary. */
  gist: CitedTextSchema,
  facts: v.array(FactSchema),
  /** Indexes into facts of the (at most two) most telling facts, which the card shows at rest. */
  cardFacts: v.array(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'))),
  quotes: v.array(QuoteSchema),
  related: v.array(Id),
});

export const SourceKindSchema = v.picklist(['news', 'analysis', 'opinion', 'briefing', 'explainer']);

export const SourceSchema = v.strictObject({
  id: Id,
  /** The seed file this source is, e.g. "000_62b0fb2c9c56fe83.txt". */
  file: v.pipe(v.string(), v.regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name')),
  outlet: Text,
  /** Badge text, at most 14 characters. */
  short: v.pipe(Text, v.maxLength(14, 'must be at most 14 characters')),
  kind: SourceKindSchema,
  date: DigestDateSchema,
  description: Text,
  contributes: Text,
});

const HexColor = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/, 'must be a lower-case #rrggbb colour'));

export const TopicSchema = v.strictObject({
  id: Id,
  label: Text,
  description: Text,
  /** Light is drawn on light pages, dark on dark pages. */
  color: v.strictObject({ light: HexColor, dark: HexColor }),
});

export const TimelineEventSchema = v.strictObject({
  id: Id,
  date: DigestDateSchema,
  /**
   * Events that the sources put before this one. Orders dates known only to the year or month
   * ("2025") after the events they follow instead of at the start of the period.
   */
  after: v.optional(v.pipe(v.array(Id), v.minLength(1, 'needs at least one event id'))),
  text: Text,
  sources: SourceIds,
  evidence: EvidenceSchema,
  entries: v.pipe(v.array(Id), v.minLength(1, 'needs at least one entry id')),
});

export const DisputeSchema = v.strictObject({
  id: Id,
  question: Text,
  entries: v.pipe(v.array(Id), v.minLength(1, 'needs at least one entry id')),
  sides: v.pipe(v.array(CitedTextSchema), v.minLength(2, 'needs at least two sides')),
});

export const BriefingSectionSchema = v.strictObject({
  id: Id,
  title: Text,
  paragraphs: v.pipe(v.array(CitedTextSchema), v.minLength(1, 'needs at least one paragraph')),
});

export const DigestSchema = v.strictObject({
  version: v.literal(1),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
  topics: v.pipe(v.array(TopicSchema), v.minLength(1)),
  entries: v.pipe(v.array(EntrySchema), v.minLength(1)),
  timeline: v.array(TimelineEventSchema),
  disputes: v.array(DisputeSchema),
  briefing: v.array(BriefingSectionSchema),
});

export type Digest = v.InferOutput<typeof DigestSchema>;
export type DigestDate = v.InferOutput<typeof DigestDateSchema>;
export type CitedText = v.InferOutput<typeof CitedTextSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type FactLabel = v.InferOutput<typeof FactLabelSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type EntryScope = v.InferOutput<typeof EntryScopeSchema>;
export type PolicyOwner = v.InferOutput<typeof PolicyOwnerSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type AliasRule = v.InferOutput<typeof AliasRuleSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type EntryKind = v.InferOutput<typeof EntryKindSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;
export type Dispute = v.InferOutput<typeof DisputeSchema>;
export type BriefingSection = v.InferOutput<typeof BriefingSectionSchema>;
