// The part of the digest a content script carries: what the matcher reads and each entry's
// topics. The card's text stays in the background until a card is opened (content/card-digest.ts):
// every page compiles the content script, and most never open a card. Pure.
import type { Digest, Entry } from './schema';

export type PageEntry = Pick<Entry, 'id' | 'kind' | 'scope' | 'policyOf' | 'topics' | 'aliases'>;

export interface PageDigest {
  topicIds: readonly string[];
  entries: readonly PageEntry[];
}

export function pageDigestOf(digest: Digest): PageDigest {
  return {
    topicIds: digest.topics.map((t) => t.id),
    // An absent scope or owner stays absent in the built JSON, which drops undefined values.
    entries: digest.entries.map(({ id, kind, scope, policyOf, topics, aliases }) => ({
      id,
      kind,
      scope,
      policyOf,
      topics,
      aliases,
    })),
  };
}
