// "What this article doesn't say": digest context the page leaves out. Two kinds, both reached
// from the entries the page mentions:
//   - disputes about those entries that also involve entries the page never names (the page is
//     unlikely to give every side), and
//   - a fact about each related entry the page never names ("Huawei is here; SMIC is not").
// Most-mentioned entries lead; each found entry gets a turn before any gets a second. Pure.
import type { DigestLookup } from '../digest/lookup';
import type { Fact } from '../digest/schema';
import type { EntryCount } from './page-status';

export const UNSAID_MAX_ITEMS = 5;
/** Disputes are the strongest "other side" signal, but facts keep the list concrete. */
const UNSAID_MAX_DISPUTES = 2;

export type UnsaidItem =
  | {
      kind: 'dispute';
      id: string;
      question: string;
      /** Every source any side cites, in digest order of first citation. */
      sources: readonly string[];
      /** The dispute's entries that are not on the page. */
      missing: readonly string[];
    }
  | {
      kind: 'fact';
      /** The related entry the page does not name. */
      entryId: string;
      /** The entry on the page that it is related to. */
      via: string;
      fact: Fact;
    };

/** Found entries, most mentioned first; ties keep page order. */
function byMentions(found: readonly EntryCount[]): string[] {
  return found
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map((entry) => entry.id);
}

function disputesLeftOut(lookup: DigestLookup, found: readonly EntryCount[], onPage: ReadonlySet<string>) {
  const weight = new Map(found.map((e) => [e.id, e.count]));
  return lookup.digest.disputes
    .map((dispute, order) => ({
      dispute,
      order,
      score: dispute.entries.reduce((sum, id) => sum + (weight.get(id) ?? 0), 0),
      missing: dispute.entries.filter((id) => !onPage.has(id) && lookup.entry(id)),
    }))
    .filter(({ score, missing }) => score > 0 && missing.length > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, UNSAID_MAX_DISPUTES)
    .map(
      ({ dispute, missing }): UnsaidItem => ({
        kind: 'dispute',
        id: dispute.id,
        question: dispute.question,
        sources: [...new Set(dispute.sides.flatMap((side) => side.sources))],
        missing,
      }),
    );
}

/** The fact that best stands for an entry: reported facts before claims, opinions and forecasts. */
function leadFact(facts: readonly Fact[]): Fact | undefined {
  return facts.find((f) => f.label === 'reported') ?? facts[0];
}

function relatedFactsLeftOut(
  lookup: DigestLookup,
  found: readonly EntryCount[],
  onPage: ReadonlySet<string>,
  room: number,
): UnsaidItem[] {
  const queues = byMentions(found).map((via) => ({
    via,
    related: (lookup.entry(via)?.related ?? []).filter((id) => !onPage.has(id)),
  }));
  const items: UnsaidItem[] = [];
  const used = new Set<string>();
  // Round-robin: every found entry offers its next related entry before any offers a second.
  while (items.length < room && queues.some((q) => q.related.length > 0)) {
    for (const queue of queues) {
      if (items.length >= room) break;
      const item = nextFactFrom(queue, used, lookup);
      if (item) items.push(item);
    }
  }
  return items;
}

/** The queue's next related entry not yet used that has a fact to show, taken off the queue. */
function nextFactFrom(
  queue: { via: string; related: string[] },
  used: Set<string>,
  lookup: DigestLookup,
): UnsaidItem | undefined {
  for (let next = queue.related.shift(); next !== undefined; next = queue.related.shift()) {
    const fact = used.has(next) ? undefined : leadFact(lookup.entry(next)?.facts ?? []);
    if (fact) {
      used.add(next);
      return { kind: 'fact', entryId: next, via: queue.via, fact };
    }
  }
  return undefined;
}

export function unsaidOnPage(
  lookup: DigestLookup,
  found: readonly EntryCount[],
  max: number = UNSAID_MAX_ITEMS,
): UnsaidItem[] {
  const onPage = new Set(found.map((e) => e.id));
  const disputes = disputesLeftOut(lookup, found, onPage).slice(0, max);
  return [...disputes, ...relatedFactsLeftOut(lookup, found, onPage, max - disputes.length)];
}
