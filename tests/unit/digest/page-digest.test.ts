// The content script's slice of the digest: enough for the matcher and the topic colours, none of
// the card's text.
import { beforeEach, describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';
import { pageDigestOf } from '../../../src/digest/page-digest';
import { pageDigest } from '../../../src/digest/page-slice';
import { compileMatcher, createPageContext, type Matcher } from '../../../src/matcher';

const MATCHER_FIELDS = ['aliases', 'id', 'kind', 'policyOf', 'scope', 'topics'];

describe('pageDigestOf', () => {
  it('keeps each entry’s id, kind, scope, owner, topics and aliases, in digest order', () => {
    const slice = pageDigestOf(digest);
    expect(slice.topicIds).toEqual(digest.topics.map((t) => t.id));
    expect(slice.entries.map((e) => e.id)).toEqual(digest.entries.map((e) => e.id));
    slice.entries.forEach((entry, i) => {
      const full = digest.entries[i];
      expect(Object.keys(entry).every((key) => MATCHER_FIELDS.includes(key))).toBe(true);
      expect(entry).toEqual({
        id: full?.id,
        kind: full?.kind,
        ...(full?.scope ? { scope: full.scope } : {}),
        ...(full?.policyOf ? { policyOf: full.policyOf } : {}),
        topics: full?.topics,
        aliases: full?.aliases,
      });
    });
  });

  it('carries none of the card’s text', () => {
    const text = JSON.stringify(pageDigestOf(digest));
    for (const entry of digest.entries) expect(text).not.toContain(JSON.stringify(entry.summary.text));
    for (const source of digest.sources) expect(text).not.toContain(source.description);
    for (const key of ['name', 'summary', 'gist', 'facts', 'quotes', 'related', 'sources', 'timeline']) {
      expect(text).not.toContain(`"${key}":`);
    }
  });

  it('is the slice the content script imports', () => {
    expect(pageDigest).toEqual(pageDigestOf(digest));
  });
});

describe('a matcher compiled from the slice', () => {
  let fromSlice: Matcher;
  let fromDigest: Matcher;
  beforeEach(() => {
    fromSlice = compileMatcher(pageDigestOf(digest).entries);
    fromDigest = compileMatcher(digest.entries);
  });

  it.each([
    'Huawei unveiled the CloudMatrix 384 as Nvidia’s H20 faced US export controls.',
    'China put the firm on its unreliable entity list; Xi Jinping spoke of Eastern Data, Western Computing.',
    'Senator Smith said the Entity List rule, the Commerce Department’s, would hit SMIC and Cambricon.',
    '华为 and DeepSeek, and Taiwan’s TSMC, and Apple in a story about chips and AI.',
  ])('finds what the full digest’s finds in %j', (text) => {
    const found = fromSlice.findMatches(text, createPageContext());
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(fromDigest.findMatches(text, createPageContext()));
  });
});
