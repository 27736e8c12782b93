// Every cited claim in the digest, in digest order, for the review tool and the seed tests. Pure.
import type { Digest, Evidence } from './schema';

export type ClaimKind = 'summary' | 'gist' | 'fact' | 'event' | 'dispute side' | 'briefing';

export interface Claim {
  /** Where it is, e.g. `entries[3] (huawei).facts[2]`. */
  readonly path: string;
  readonly kind: ClaimKind;
  readonly text: string;
  /** The fact's label, for facts only. */
  readonly label?: string;
  readonly sources: readonly string[];
  readonly evidence: Evidence;
}

/** Summaries, gists, facts, timeline events, dispute sides and briefing paragraphs (quotes are checked verbatim instead). */
export function digestClaims(digest: Digest): Claim[] {
  const claims: Claim[] = [];
  digest.entries.forEach((entry, i) => {
    const at = `entries[${i}] (${entry.id})`;
    claims.push({ path: `${at}.summary`, kind: 'summary', ...entry.summary });
    claims.push({ path: `${at}.gist`, kind: 'gist', ...entry.gist });
    entry.facts.forEach((fact, k) => {
      claims.push({ path: `${at}.facts[${k}]`, kind: 'fact', ...fact });
    });
  });
  digest.timeline.forEach((event, i) => {
    claims.push({ path: `timeline[${i}] (${event.id})`, kind: 'event', ...event });
  });
  digest.disputes.forEach((dispute, i) => {
    dispute.sides.forEach((side, k) => {
      claims.push({ path: `disputes[${i}] (${dispute.id}).sides[${k}]`, kind: 'dispute side', ...side });
    });
  });
  digest.briefing.forEach((section, i) => {
    section.paragraphs.forEach((paragraph, k) => {
      claims.push({ path: `briefing[${i}] (${section.id}).paragraphs[${k}]`, kind: 'briefing', ...paragraph });
    });
  });
  return claims;
}
