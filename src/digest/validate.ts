// Runtime validation of the digest: the valibot shape plus the rules the shape cannot express
// (cross references, alias rules, dates, attribution). Pure: imports only valibot and ./schema.
// The build calls validateDigest(JSON.parse(file)) and fails with formatDigestErrors(errors).
import * as v from 'valibot';
import {
  type Alias,
  type Digest,
  DigestSchema,
  type Entry,
  type Evidence,
  type Fact,
  type TimelineEvent,
} from './schema';

export type DigestValidation = { ok: true; digest: Digest } | { ok: false; errors: string[] };

/** The longest summary a card shows, in characters. */
export const SUMMARY_MAX_CHARS = 300;

/** The longest gist, in characters: the card at rest must answer "what is this?" at a glance. */
export const GIST_MAX_CHARS = 200;

/** How many facts the card shows at rest. */
export const CARD_FACTS_MAX = 2;

/** A "background" fact is an identifying phrase from outside the seeds, not a claim: keep it short. */
export const BACKGROUND_MAX_CHARS = 80;

/** Aliases that would light up half of any page about the rivalry (compared in lower case). */
export const GENERIC_ALIASES: ReadonlySet<string> = new Set([
  'ai',
  'a.i.',
  'artificial intelligence',
  'us',
  'u.s.',
  'u.s',
  'usa',
  'u.s.a.',
  'the us',
  'the u.s.',
  'united states',
  'america',
  'american',
  'americans',
  'china',
  'chinese',
  'prc',
  'west',
  'the west',
  'western',
  'chip',
  'chips',
  'microchip',
  'microchips',
  'tech',
  'technology',
  'technologies',
  'semiconductor',
  'semiconductors',
  'company',
  'companies',
  'government',
  'trade',
  'market',
  'markets',
  '中国',
  '中國',
  '美国',
  '美國',
  '芯片',
  '晶片',
  '人工智能',
  '科技',
  '技术',
  '技術',
  '半导体',
  '半導體',
]);

/** Aliases of at most this many letters/digits need caseSensitive or a context rule (Latin script). */
export const SHORT_ALIAS_MAX = 4;

type Collection = 'sources' | 'topics' | 'entries' | 'timeline' | 'disputes' | 'briefing';
const COLLECTIONS: readonly Collection[] = ['sources', 'topics', 'entries', 'timeline', 'disputes', 'briefing'];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `entries[12] (id "nvidia-h20")` — the id is added when the item has a string id. */
function itemLabel(collection: string, index: number, id: unknown): string {
  return typeof id === 'string' && id !== ''
    ? `${collection}[${index}] (id ${JSON.stringify(id)})`
    : `${collection}[${index}]`;
}

function fieldPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) out += typeof key === 'number' ? `[${key}]` : `.${key}`;
  return out;
}

/** Turns a valibot issue path into `entries[3] (id "huawei").facts[2].by`. */
function locateIssue(raw: unknown, path: v.BaseIssue<unknown>['path']): string {
  if (!path || path.length === 0) return 'digest';
  const keys = path.map((item) => item.key as string | number);
  const [first, second, ...rest] = keys;
  if (typeof first === 'string' && typeof second === 'number' && isRecord(raw)) {
    const list = raw[first];
    const item = Array.isArray(list) ? list[second] : undefined;
    return `${itemLabel(first, second, isRecord(item) ? item.id : undefined)}${fieldPath(rest)}`;
  }
  return fieldPath(keys).replace(/^\./, '');
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  const isObjectKey = last !== undefined && last.type === 'object';
  // Object schemas report both a missing key (input undefined) and, for strict objects, an
  // unknown key (expected "never") with the object's own type and the key as the last path item.
  if (isObjectKey && issue.input === undefined) return 'is missing';
  if (isObjectKey && issue.type === 'strict_object' && issue.expected === 'never') {
    return `unknown field ${JSON.stringify(String(last.key))} (not in the schema)`;
  }
  if (issue.kind === 'schema' && issue.input === undefined)
    return `is missing (expected ${issue.expected ?? 'a value'})`;
  return issue.message;
}

function shapeErrors(raw: unknown, issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const location = issue.path?.length ? locateIssue(raw, issue.path) : 'digest';
    return `${location}: ${describeIssue(issue)}`;
  });
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The shape already guarantees YYYY, YYYY-MM or YYYY-MM-DD with a month 01–12 and a day 01–31. */
function calendarProblem(date: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const max = daysInMonth(y, m);
  return d > max ? `${date} is not a real calendar date (month ${m} of ${y} has ${max} days)` : undefined;
}

type AliasInfo = {
  entryIndex: number;
  entryId: string;
  aliasIndex: number;
  text: string;
  caseSensitive: boolean;
  afterEntry: boolean;
  near: string[];
  notNear: string[];
};

function aliasInfo(alias: Alias, entryIndex: number, entryId: string, aliasIndex: number): AliasInfo {
  const rule = typeof alias === 'string' ? { text: alias } : alias;
  return {
    entryIndex,
    entryId,
    aliasIndex,
    text: rule.text,
    caseSensitive: rule.caseSensitive === true,
    afterEntry: rule.afterEntry === true,
    near: rule.near ?? [],
    notNear: rule.notNear ?? [],
  };
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ');
const fold = (s: string) => squash(s).toLowerCase();

/**
 * Two aliases with the same text are separated when one of them requires context words that the
 * other forbids: whenever `b` can count (one of its near words is present), `a` is ruled out.
 */
function separated(a: AliasInfo, b: AliasInfo): boolean {
  const covers = (requires: AliasInfo, forbids: AliasInfo) => {
    if (requires.near.length === 0) return false;
    const banned = new Set(forbids.notNear.map(fold));
    return requires.near.every((w) => banned.has(fold(w)));
  };
  return covers(a, b) || covers(b, a);
}

/** For two aliases that fold alike: whether they also read the same, case included when both are case-sensitive. */
function sameText(a: AliasInfo, b: AliasInfo): boolean {
  return !(a.caseSensitive && b.caseSensitive) || squash(a.text) === squash(b.text);
}

/** The rules for one alias on its own: not generic, no empty near list, short ones need a rule. */
function aliasProblems(a: AliasInfo, raw: Alias | undefined, at: string): string[] {
  const problems: string[] = [];
  const folded = fold(a.text);
  const generic = GENERIC_ALIASES.has(folded);
  if (generic) problems.push(`${at}: alias ${JSON.stringify(a.text)} is too generic to highlight alone`);
  if (typeof raw === 'object' && raw.near !== undefined && raw.near.length === 0) {
    problems.push(`${at}.near: alias ${JSON.stringify(a.text)} has an empty near list; remove it or add words`);
  }
  const core = a.text.replace(/[^\p{L}\p{N}]/gu, '');
  const hasRule = a.caseSensitive || a.near.length > 0 || a.afterEntry;
  if (!generic && !CJK.test(a.text) && core.length <= SHORT_ALIAS_MAX && !hasRule) {
    problems.push(
      `${at}: short alias ${JSON.stringify(a.text)} (${core.length} letters or digits) must be caseSensitive or carry a context rule (near or afterEntry)`,
    );
  }
  return problems;
}

/** Two aliases with the same text: a plain duplicate within an entry, or an unseparated clash across entries. */
function clashProblem(a: AliasInfo, b: AliasInfo): string | undefined {
  const at = `${itemLabel('entries', b.entryIndex, b.entryId)}.aliases[${b.aliasIndex}]`;
  if (a.entryIndex === b.entryIndex) {
    const plain = (x: AliasInfo) => !x.afterEntry && x.near.length === 0 && x.notNear.length === 0;
    return plain(a) && plain(b)
      ? `${at}: alias ${JSON.stringify(b.text)} is listed twice in this entry (also aliases[${a.aliasIndex}])`
      : undefined;
  }
  return separated(a, b)
    ? undefined
    : `${at}: alias ${JSON.stringify(b.text)} is also an alias of entry ${JSON.stringify(a.entryId)} (entries[${a.entryIndex}].aliases[${a.aliasIndex}]); give them near/notNear rules that separate them`;
}

function checkAliasClashes(all: readonly AliasInfo[], errors: string[]): void {
  const groups = new Map<string, AliasInfo[]>();
  for (const a of all) {
    const key = fold(a.text);
    const group = groups.get(key);
    if (group) group.push(a);
    else groups.set(key, [a]);
  }
  for (const group of groups.values()) {
    group.forEach((b, j) => {
      errors.push(...clashesWithEarlier(group.slice(0, j), b));
    });
  }
}

/** b against the aliases listed before it with the same text; one clash across entries is enough. */
function clashesWithEarlier(earlier: readonly AliasInfo[], b: AliasInfo): string[] {
  const problems: string[] = [];
  for (const a of earlier) {
    const problem = sameText(a, b) ? clashProblem(a, b) : undefined;
    if (!problem) continue;
    problems.push(problem);
    if (a.entryIndex !== b.entryIndex) break;
  }
  return problems;
}

/**
 * The matching-rule fields of issue 11: `generic` only means something on a core entry (a broad
 * one is gated as a whole), and `policyOf` only on a policy.
 */
function checkScopeRules(digest: Digest, errors: string[]): void {
  digest.entries.forEach((entry, ei) => {
    const where = itemLabel('entries', ei, entry.id);
    if (entry.policyOf !== undefined && entry.kind !== 'policy') {
      errors.push(`${where}.policyOf: only a policy has an owner; this entry is a ${entry.kind}`);
    }
    if (entry.scope !== 'broad') return;
    entry.aliases.forEach((alias, ai) => {
      if (typeof alias === 'object' && alias.generic !== undefined) {
        errors.push(
          `${where}.aliases[${ai}].generic: alias ${JSON.stringify(alias.text)} is on a broad entry, which is gated as a whole; remove generic`,
        );
      }
    });
  });
}

function checkAliases(digest: Digest, errors: string[]): void {
  checkScopeRules(digest, errors);
  const all: AliasInfo[] = [];
  digest.entries.forEach((entry, ei) => {
    const where = itemLabel('entries', ei, entry.id);
    const infos = entry.aliases.map((alias, ai) => aliasInfo(alias, ei, entry.id, ai));
    // The schema guarantees at least one alias, so every() is never vacuously true here.
    if (infos.every((a) => a.afterEntry)) {
      errors.push(
        `${where}.aliases: every alias has afterEntry, so the entry can never be matched first; give at least one alias without it`,
      );
    }
    for (const a of infos) {
      errors.push(...aliasProblems(a, entry.aliases[a.aliasIndex], `${where}.aliases[${a.aliasIndex}]`));
      all.push(a);
    }
  });
  checkAliasClashes(all, errors);
}

/** The gist's length and the card-fact indexes: in range and each fact at most once. */
function checkCardText(entry: Entry, where: string, errors: string[]): void {
  const length = [...entry.gist.text].length;
  if (length > GIST_MAX_CHARS) {
    errors.push(`${where}.gist.text: gist is ${length} characters; the limit is ${GIST_MAX_CHARS}`);
  }
  if (entry.cardFacts.length > CARD_FACTS_MAX) {
    errors.push(`${where}.cardFacts: lists ${entry.cardFacts.length} facts; the card shows at most ${CARD_FACTS_MAX}`);
  }
  const seen = new Set<number>();
  entry.cardFacts.forEach((index, k) => {
    if (index >= entry.facts.length) {
      errors.push(
        `${where}.cardFacts[${k}]: fact index ${index} is out of range (the entry has ${entry.facts.length} facts)`,
      );
    } else if (seen.has(index)) {
      errors.push(`${where}.cardFacts[${k}]: fact index ${index} is listed twice`);
    }
    seen.add(index);
  });
}

type Cited = { readonly sources: readonly string[]; readonly evidence: Evidence };

/** Evidence names exactly the cited sources, each with distinct paragraph numbers. */
function checkEvidence(where: string, claim: Cited, errors: string[]): void {
  for (const id of claim.sources) {
    if (!Object.hasOwn(claim.evidence, id)) {
      errors.push(`${where}.evidence: no paragraph numbers for the cited source ${JSON.stringify(id)}`);
    }
  }
  const cited = new Set(claim.sources);
  for (const [id, paragraphs] of Object.entries(claim.evidence)) {
    if (!cited.has(id)) {
      errors.push(`${where}.evidence.${id}: ${JSON.stringify(id)} is not one of the claim's sources`);
    }
    const seen = new Set<number>();
    paragraphs.forEach((n, k) => {
      if (seen.has(n)) errors.push(`${where}.evidence.${id}[${k}]: paragraph ${n} is listed twice`);
      seen.add(n);
    });
  }
}

/** Who says it: background cites nothing and stays short; a report needs more than opinion sources. */
function checkFactLabel(where: string, fact: Fact, opinionSources: ReadonlySet<string>, errors: string[]): void {
  if (fact.label === 'background') {
    if (fact.sources.length > 0) {
      errors.push(`${where}.sources: a "background" fact comes from outside the seeds and cites no source`);
    }
    const length = [...fact.text].length;
    if (length > BACKGROUND_MAX_CHARS) {
      errors.push(
        `${where}.text: a "background" fact is ${length} characters; it must be an identifying phrase of at most ${BACKGROUND_MAX_CHARS}`,
      );
    }
    return;
  }
  if (fact.sources.length === 0) errors.push(`${where}.sources: needs at least one source id`);
  if (fact.label !== 'reported') {
    if (fact.by === undefined) errors.push(`${where}.by: a "${fact.label}" fact must say who makes it (by)`);
    return;
  }
  if (fact.sources.length > 0 && fact.sources.every((id) => opinionSources.has(id))) {
    errors.push(
      `${where}.label: rests only on opinion sources (${fact.sources.join(', ')}), so it cannot be "reported"; label it "opinion" or "claim" and say by whom`,
    );
  }
}

/** Compared at the precision both have: "2025" is not before "2025-09", "2025-04" is before "2025-09". */
function isDatedBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** The first event that can reach itself through `after`, as a path of ids, if any. */
function orderCycle(timeline: readonly TimelineEvent[]): string[] | undefined {
  const after = new Map(timeline.map((e) => [e.id, e.after ?? []]));
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id)) return undefined;
    for (const next of after.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const event of timeline) {
    const cycle = visit(event.id, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/** `after` names other, known events that are not dated later than this one. */
function checkTimelineOrder(timeline: readonly TimelineEvent[], errors: string[]): void {
  const byId = new Map(timeline.map((e) => [e.id, e]));
  timeline.forEach((event, i) => {
    const where = itemLabel('timeline', i, event.id);
    (event.after ?? []).forEach((id, k) => {
      const target = byId.get(id);
      const at = `${where}.after[${k}]`;
      if (target === undefined) errors.push(`${at}: unknown event id ${JSON.stringify(id)}`);
      else if (target === event) errors.push(`${at}: an event cannot follow itself`);
      else if (isDatedBefore(event.date.date, target.date.date)) {
        errors.push(
          `${at}: dated ${event.date.date}, it cannot follow ${JSON.stringify(id)} dated ${target.date.date}`,
        );
      }
    });
  });
  const cycle = orderCycle(timeline);
  if (cycle) errors.push(`timeline: the "after" order goes round in a circle (${cycle.join(' → ')})`);
}

function checkSemantics(digest: Digest): string[] {
  const errors: string[] = [];

  // Duplicate ids within each collection.
  for (const collection of COLLECTIONS) {
    const seen = new Map<string, number>();
    (digest[collection] as readonly { id: string }[]).forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        errors.push(
          `${itemLabel(collection, i, item.id)}.id: duplicate id ${JSON.stringify(item.id)} (first used by ${collection}[${first}])`,
        );
    });
  }

  const sourceIds = new Set(digest.sources.map((s) => s.id));
  const topicIds = new Set(digest.topics.map((t) => t.id));
  const entryIds = new Set(digest.entries.map((e) => e.id));

  const opinionSources = new Set(digest.sources.filter((s) => s.kind === 'opinion').map((s) => s.id));

  const checkSources = (where: string, claim: Cited) => {
    claim.sources.forEach((id, k) => {
      if (!sourceIds.has(id)) errors.push(`${where}.sources[${k}]: unknown source id ${JSON.stringify(id)}`);
    });
    checkEvidence(where, claim, errors);
  };
  const checkEntryRefs = (where: string, field: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, k) => {
      if (!entryIds.has(id)) errors.push(`${where}.${field}[${k}]: unknown entry id ${JSON.stringify(id)}`);
      else if (seen.has(id)) errors.push(`${where}.${field}[${k}]: entry id ${JSON.stringify(id)} is listed twice`);
      seen.add(id);
    });
  };
  const checkDate = (where: string, date: string) => {
    const problem = calendarProblem(date);
    if (problem) errors.push(`${where}.date.date: ${problem}`);
  };

  digest.sources.forEach((source, i) => {
    checkDate(itemLabel('sources', i, source.id), source.date.date);
  });

  digest.entries.forEach((entry, i) => {
    const where = itemLabel('entries', i, entry.id);
    const topicsSeen = new Set<string>();
    entry.topics.forEach((topic, k) => {
      if (!topicIds.has(topic)) errors.push(`${where}.topics[${k}]: unknown topic id ${JSON.stringify(topic)}`);
      else if (topicsSeen.has(topic))
        errors.push(`${where}.topics[${k}]: topic ${JSON.stringify(topic)} is listed twice`);
      topicsSeen.add(topic);
    });
    const length = [...entry.summary.text].length;
    if (length > SUMMARY_MAX_CHARS) {
      errors.push(`${where}.summary.text: summary is ${length} characters; the limit is ${SUMMARY_MAX_CHARS}`);
    }
    checkSources(`${where}.summary`, entry.summary);
    checkCardText(entry, where, errors);
    checkSources(`${where}.gist`, entry.gist);
    entry.facts.forEach((fact, k) => {
      checkSources(`${where}.facts[${k}]`, fact);
      checkFactLabel(`${where}.facts[${k}]`, fact, opinionSources, errors);
    });
    entry.quotes.forEach((quote, k) => {
      if (!sourceIds.has(quote.source)) {
        errors.push(`${where}.quotes[${k}].source: unknown source id ${JSON.stringify(quote.source)} for a quote`);
      }
    });
    checkEntryRefs(where, 'related', entry.related);
    entry.related.forEach((id, k) => {
      if (id === entry.id) errors.push(`${where}.related[${k}]: entry relates to itself`);
    });
  });

  digest.timeline.forEach((event, i) => {
    const where = itemLabel('timeline', i, event.id);
    checkDate(where, event.date.date);
    checkSources(where, event);
    checkEntryRefs(where, 'entries', event.entries);
  });

  digest.disputes.forEach((dispute, i) => {
    const where = itemLabel('disputes', i, dispute.id);
    checkEntryRefs(where, 'entries', dispute.entries);
    dispute.sides.forEach((side, k) => {
      checkSources(`${where}.sides[${k}]`, side);
    });
  });

  digest.briefing.forEach((section, i) => {
    const where = itemLabel('briefing', i, section.id);
    section.paragraphs.forEach((paragraph, k) => {
      checkSources(`${where}.paragraphs[${k}]`, paragraph);
    });
  });

  checkTimelineOrder(digest.timeline, errors);
  checkAliases(digest, errors);
  return errors;
}

/** Validates parsed digest JSON: the shape first, then cross references and content rules. */
export function validateDigest(raw: unknown): DigestValidation {
  const parsed = v.safeParse(DigestSchema, raw, { abortEarly: false });
  if (!parsed.success) return { ok: false, errors: shapeErrors(raw, parsed.issues) };
  const errors = checkSemantics(parsed.output);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, digest: parsed.output };
}

/** One message for a failing build: a count, then one problem per line. */
export function formatDigestErrors(errors: string[]): string {
  if (errors.length === 0) return 'The digest is valid.';
  const noun = errors.length === 1 ? 'problem' : 'problems';
  return [`The digest has ${errors.length} ${noun}:`, ...errors.map((e) => `  - ${e}`)].join('\n');
}
