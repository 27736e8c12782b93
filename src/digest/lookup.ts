// Read-side views of the digest that the card, popup and reader share. Pure.
import { once } from './once';
import type { Digest, Dispute, Entry, Source, TimelineEvent, Topic } from './schema';

export interface DigestLookup {
  readonly digest: Digest;
  entry(id: string): Entry | undefined;
  topic(id: string): Topic | undefined;
  source(id: string): Source | undefined;
  /** The entry's primary topic id. */
  primaryTopic(entryId: string): string | undefined;
  disputesOf(entryId: string): readonly Dispute[];
  eventsOf(entryId: string): readonly TimelineEvent[];
  /** Distinct sources the entry's summary, gist, facts, quotes, events and disputes cite, in digest order. */
  sourcesOf(entryId: string): readonly Source[];
}

function groupByEntry<T extends { entries: readonly string[] }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const id of item.entries) {
      const list = map.get(id);
      if (list) list.push(item);
      else map.set(id, [item]);
    }
  }
  return map;
}

/** Every source id an entry's own text, its events and its disputes cite. */
function citedSourceIds(
  entry: Entry,
  events: readonly TimelineEvent[],
  disputes: readonly Dispute[],
): ReadonlySet<string> {
  return new Set([
    ...entry.summary.sources,
    ...entry.gist.sources,
    ...entry.facts.flatMap((f) => f.sources),
    ...entry.quotes.map((q) => q.source),
    ...events.flatMap((ev) => ev.sources),
    ...disputes.flatMap((d) => d.sides.flatMap((side) => side.sources)),
  ]);
}

/**
 * Indexes are built on first use, not here: the content script creates its lookup at injection,
 * where every millisecond is a task on the page, and most pages never open a card.
 */
export function createDigestLookup(digest: Digest): DigestLookup {
  const entries = once(() => new Map(digest.entries.map((e) => [e.id, e])));
  const topics = once(() => new Map(digest.topics.map((t) => [t.id, t])));
  const sources = once(() => new Map(digest.sources.map((s) => [s.id, s])));
  const disputes = once(() => groupByEntry(digest.disputes));
  const events = once(() => groupByEntry(timelineInDateOrder(digest.timeline)));

  const disputesOf = (id: string) => disputes().get(id) ?? [];
  const eventsOf = (id: string) => events().get(id) ?? [];

  return {
    digest,
    entry: (id) => entries().get(id),
    topic: (id) => topics().get(id),
    source: (id) => sources().get(id),
    primaryTopic: (id) => entries().get(id)?.topics[0],
    disputesOf,
    eventsOf,
    sourcesOf(id) {
      const entry = entries().get(id);
      if (!entry) return [];
      const cited = citedSourceIds(entry, eventsOf(id), disputesOf(id));
      return digest.sources.filter((s) => cited.has(s.id));
    },
  };
}

/** In English "2025-04-25" → "Apr 25, 2025", "2025-04" → "Apr 2025", "2025" → "2025"; "~" marks approximate. */
export function formatDigestDate(date: { date: string; approximate?: boolean }, locale = 'en'): string {
  const [y, m, d] = date.date.split('-').map(Number);
  let text: string;
  if (d !== undefined && m !== undefined) {
    text = new Date(Date.UTC(y as number, m - 1, d)).toLocaleDateString(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  } else if (m !== undefined) {
    text = new Date(Date.UTC(y as number, m - 1, 1)).toLocaleDateString(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  } else text = String(y);
  return date.approximate ? `~${text}` : text;
}

export type DatePrecision = 'year' | 'month' | 'day';

/** How much of the date the sources give: "2025" → year, "2025-04" → month, "2025-04-25" → day. */
export function digestDatePrecision(date: { date: string }): DatePrecision {
  const parts = date.date.split('-').length;
  return parts === 3 ? 'day' : parts === 2 ? 'month' : 'year';
}

type OrderKey = { date: string; depth: number; index: number };

/**
 * Where an event sorts: its own date, or the latest sort date of the events it follows (`after`),
 * one step deeper so it comes right after them. Guards against a circle the validation rejects.
 */
function orderKeys(events: readonly TimelineEvent[]): Map<string, OrderKey> {
  const byId = new Map(events.map((e, index) => [e.id, { event: e, index }]));
  const keys = new Map<string, OrderKey>();
  const keyOf = (id: string, visiting: Set<string>): OrderKey | undefined => {
    const known = keys.get(id);
    const item = byId.get(id);
    if (known || !item || visiting.has(id)) return known;
    visiting.add(id);
    let key: OrderKey = { date: item.event.date.date, depth: 0, index: item.index };
    for (const before of item.event.after ?? []) {
      const target = keyOf(before, visiting);
      if (target && (target.date > key.date || (target.date === key.date && target.depth >= key.depth))) {
        key = { date: target.date, depth: target.depth + 1, index: item.index };
      }
    }
    keys.set(id, key);
    return key;
  };
  for (const e of events) keyOf(e.id, new Set());
  return keys;
}

/**
 * Earliest first, the order eventsOf and the reader's timeline use. A date known only to the year
 * or month sorts at the start of that period ("2025" before "2025-04" before "2025-04-25"), unless
 * the event names events it follows (`after`): then it sorts right after the latest of them.
 * Otherwise equal dates keep digest order.
 */
export function timelineInDateOrder(events: readonly TimelineEvent[]): TimelineEvent[] {
  const keys = orderKeys(events);
  const compare = (a: OrderKey, b: OrderKey) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.depth - b.depth || a.index - b.index;
  return [...events].sort((a, b) => compare(keys.get(a.id) as OrderKey, keys.get(b.id) as OrderKey));
}
