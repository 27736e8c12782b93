// Seed fidelity: quotes are verbatim, and nothing else in the digest copies the seeds' sentences.
import { describe, expect, it } from 'vitest';
import { digestClaims } from '../../../src/digest/claims';
import { seedParagraphs } from '../../../src/digest/paragraphs';
import type { Digest } from '../../../src/digest/schema';
import { nGrams, readDigestJson, readSeed, SEEDS_DIR, seedFiles, seedsPresent, stringsWithPaths } from './helpers';

const RUN = 10;

if (!seedsPresent) {
  console.warn(`[digest seeds] ${SEEDS_DIR} is absent: the seed fidelity tests are skipped.`);
}

const digest = readDigestJson() as Digest;

describe('digest against the seed articles', () => {
  it.skipIf(!seedsPresent)('has one source per seed file, and every source file exists', () => {
    expect(digest.sources.map((s) => s.file).sort()).toEqual(seedFiles());
  });

  it.skipIf(!seedsPresent)('quotes every speaker verbatim from the cited seed', () => {
    const fileOf = new Map(digest.sources.map((s) => [s.id, s.file]));
    const missing: string[] = [];
    digest.entries.forEach((entry) => {
      entry.quotes.forEach((quote, k) => {
        const file = fileOf.get(quote.source);
        const seed = file ? readSeed(file) : '';
        if (!seed.includes(quote.text))
          missing.push(`${entry.id}.quotes[${k}] ${JSON.stringify(quote.text)} not in ${quote.source}`);
        const surname = quote.speaker.split(/\s+/).pop() ?? '';
        if (!seed.includes(surname))
          missing.push(`${entry.id}.quotes[${k}] speaker ${quote.speaker} not named in ${quote.source}`);
      });
    });
    expect(missing).toEqual([]);
  });

  it.skipIf(!seedsPresent)(`shares no run of ${RUN} words with any seed outside quotes and aliases`, () => {
    const seedRuns = new Map<string, string>();
    for (const file of seedFiles()) for (const gram of nGrams(readSeed(file), RUN)) seedRuns.set(gram, file);
    const exempt = /^entries\[\d+\]\.(aliases(\[|$)|quotes\[\d+\]\.text$)/;
    const copied = stringsWithPaths(digest)
      .filter(({ path }) => !exempt.test(path))
      .flatMap(({ path, text }) =>
        nGrams(text, RUN)
          .filter((gram) => seedRuns.has(gram))
          .map((gram) => `${path}: "${gram}" (${seedRuns.get(gram)})`),
      );
    expect(copied).toEqual([]);
  });

  it.skipIf(!seedsPresent)('every evidence pointer names a paragraph that exists in its seed', () => {
    const paragraphCount = new Map(digest.sources.map((s) => [s.id, seedParagraphs(readSeed(s.file)).length]));
    const claims = digestClaims(digest);
    const dangling: string[] = [];
    let pointers = 0;
    for (const claim of claims) {
      for (const [id, paragraphs] of Object.entries(claim.evidence)) {
        const count = paragraphCount.get(id) ?? 0;
        for (const n of paragraphs) {
          pointers++;
          if (n > count) dangling.push(`${claim.path}: ${id} has ${count} paragraphs, not ${n}`);
        }
      }
    }
    expect(dangling).toEqual([]);
    // Every claim but the background phrases points somewhere.
    expect(pointers).toBeGreaterThanOrEqual(claims.filter((c) => c.sources.length > 0).length);
  });

  it('puts quotation marks only around words a named person said (a registered quote)', () => {
    const quoted = digest.entries.flatMap((e) => e.quotes.map((q) => q.text));
    const exempt = /^entries\[\d+\]\.(name|aliases(\[|$)|quotes\[\d+\]\.text$)/;
    const stray = stringsWithPaths(digest)
      .filter(({ path }) => !exempt.test(path))
      .flatMap(({ path, text }) =>
        [...text.matchAll(/["“]([^"”]+)["”]/g)].map((m) => ({ path, words: m[1] as string })),
      )
      .filter(({ words }) => !quoted.some((q) => q.includes(words)))
      .map(({ path, words }) => `${path}: "${words}"`);
    expect(stray).toEqual([]);
  });

  it('the word-run check itself catches a copied sentence and normalises apostrophes and punctuation', () => {
    const seed = 'Xi has vowed that China will no longer rely on “anyone’s gifts.” Then more.';
    const copy = "xi has vowed, that China will no longer rely on anyone's gifts";
    const seedGrams = new Set(nGrams(seed, RUN));
    expect(nGrams(copy, RUN).some((g) => seedGrams.has(g))).toBe(true);
    expect(
      nGrams('Xi promised China would stop depending on what others give it', RUN).some((g) => seedGrams.has(g)),
    ).toBe(false);
  });
});
