// The card's digest, asked of the background once per page, on the first sign that a card is
// wanted (the pointer resting on a term, a tap, a key). Until then the content script holds only
// the matcher's slice (src/digest/page-digest.ts).
import { createDigestLookup, type DigestLookup } from '../digest/lookup';
import type { Digest } from '../digest/schema';

export class CardDigest {
  private lookup: DigestLookup | undefined;
  private pending: Promise<DigestLookup | undefined> | undefined;

  constructor(private readonly fetchDigest: () => Promise<Digest>) {}

  /** The lookup once loaded. */
  get ready(): DigestLookup | undefined {
    return this.lookup;
  }

  /** Loads once; a failed load (the background restarting) is tried again on the next call. */
  load(): Promise<DigestLookup | undefined> {
    if (this.lookup) return Promise.resolve(this.lookup);
    this.pending ??= this.fetchDigest().then(
      (digest) => {
        this.lookup = createDigestLookup(digest);
        return this.lookup;
      },
      (error: unknown) => {
        this.pending = undefined;
        console.debug('[TechWar Lens] card digest', error);
        return undefined;
      },
    );
    return this.pending;
  }
}
