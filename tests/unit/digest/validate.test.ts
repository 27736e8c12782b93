// One broken fixture per class of error: each must fail and name the id and the field.
import { describe, expect, it } from 'vitest';
import { formatDigestErrors, validateDigest } from '../../../src/digest/validate';
import { type MinimalDigest, minimalDigest } from './helpers';

// biome-ignore lint/suspicious/noExplicitAny: fixtures deliberately break the types
type Loose = any;

/** Validates a broken copy of the minimal digest and returns its errors (failing if it passed). */
function errorsOf(mutate: (d: Loose) => void): string[] {
  const d: MinimalDigest = structuredClone(minimalDigest());
  mutate(d);
  const result = validateDigest(d);
  if (result.ok) throw new Error('expected the broken digest to fail validation');
  return result.errors;
}

describe('validateDigest', () => {
  it('accepts the minimal digest and returns it typed', () => {
    const result = validateDigest(minimalDigest());
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.digest.entries[0]?.id).toBe('alpha');
  });

  it('rejects input that is not a digest at all', () => {
    const result = validateDigest('nope');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^digest: /);
  });

  describe('shape errors name the item id and the field', () => {
    it('a missing field', () => {
      const errors = errorsOf((d) => {
        delete (d.entries[1] as Loose).name;
      });
      expect(errors).toEqual([expect.stringMatching(/^entries\[1\] \(id "beta"\)\.name: is missing/)]);
    });

    it('an unknown field', () => {
      const errors = errorsOf((d) => {
        (d.entries[0] as Loose).events = [];
      });
      expect(errors).toEqual(['entries[0] (id "alpha").events: unknown field "events" (not in the schema)']);
    });

    it.each([' A company.', 'A company. ', 'A company.\n'])('text with white space at an end: %j', (text) => {
      const errors = errorsOf((d) => {
        d.entries[0].summary.text = text;
      });
      expect(errors).toEqual(['entries[0] (id "alpha").summary.text: must not start or end with white space']);
    });

    it('an id that is not kebab-case', () => {
      const errors = errorsOf((d) => {
        (d.timeline[0] as Loose).id = 'Launch Day';
      });
      expect(errors).toEqual(['timeline[0] (id "Launch Day").id: must be kebab-case (a-z, 0-9, -)']);
    });

    it('a bad label deep inside an entry', () => {
      const errors = errorsOf((d) => {
        (d.entries[0].facts[1] as Loose).label = 'rumour';
      });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^entries\[0\] \(id "alpha"\)\.facts\[1\]\.label: /);
    });

    it('a topic colour that is not lower-case #rrggbb', () => {
      const errors = errorsOf((d) => {
        (d.topics[1] as Loose).color.light = '#B0227A';
        (d.topics[0] as Loose).color.dark = '#6af';
      });
      expect(errors.sort()).toEqual([
        'topics[0] (id "chips").color.dark: must be a lower-case #rrggbb colour',
        'topics[1] (id "people").color.light: must be a lower-case #rrggbb colour',
      ]);
    });

    it('a badge that is too long', () => {
      const errors = errorsOf((d) => {
        (d.sources[0] as Loose).short = 'A very long badge text';
      });
      expect(errors).toEqual(['sources[0] (id "src-a").short: must be at most 14 characters']);
    });
  });

  it('duplicate ids within a collection', () => {
    const errors = errorsOf((d) => {
      const copy = structuredClone(d.entries[0]) as Loose;
      copy.aliases = ['Something Else'];
      copy.related = [];
      d.entries.push(copy);
      d.disputes.push(structuredClone(d.disputes[0]) as Loose);
    });
    expect(errors).toContain('entries[2] (id "alpha").id: duplicate id "alpha" (first used by entries[0])');
    expect(errors).toContain('disputes[1] (id "who-wins").id: duplicate id "who-wins" (first used by disputes[0])');
  });

  it('unknown source ids anywhere', () => {
    const errors = errorsOf((d) => {
      const cite = (claim: Loose, ids: string[]) => {
        claim.sources = ids;
        claim.evidence = Object.fromEntries(ids.map((id) => [id, [1]]));
      };
      cite(d.entries[0].facts[0], ['src-a', 'src-zz']);
      cite(d.entries[1].summary, ['src-y']);
      cite(d.timeline[0], ['src-t']);
      cite(d.disputes[0].sides[1], ['src-d']);
      cite(d.briefing[0].paragraphs[0], ['src-b']);
    });
    expect(errors.sort()).toEqual(
      [
        'entries[0] (id "alpha").facts[0].sources[1]: unknown source id "src-zz"',
        'entries[1] (id "beta").summary.sources[0]: unknown source id "src-y"',
        'timeline[0] (id "launch").sources[0]: unknown source id "src-t"',
        'disputes[0] (id "who-wins").sides[1].sources[0]: unknown source id "src-d"',
        'briefing[0] (id "what-happened").paragraphs[0].sources[0]: unknown source id "src-b"',
      ].sort(),
    );
  });

  it('unknown topic ids', () => {
    const errors = errorsOf((d) => {
      d.entries[1].topics = ['people', 'weather'];
    });
    expect(errors).toEqual(['entries[1] (id "beta").topics[1]: unknown topic id "weather"']);
  });

  it('dangling entry ids in related, timeline and disputes', () => {
    const errors = errorsOf((d) => {
      d.entries[0].related = ['beta', 'gamma'];
      d.timeline[0].entries = ['delta'];
      d.disputes[0].entries = ['alpha', 'epsilon'];
    });
    expect(errors.sort()).toEqual(
      [
        'entries[0] (id "alpha").related[1]: unknown entry id "gamma"',
        'timeline[0] (id "launch").entries[0]: unknown entry id "delta"',
        'disputes[0] (id "who-wins").entries[1]: unknown entry id "epsilon"',
      ].sort(),
    );
  });

  it('an entry relating to itself', () => {
    const errors = errorsOf((d) => {
      d.entries[1].related = ['alpha', 'beta'];
    });
    expect(errors).toEqual(['entries[1] (id "beta").related[1]: entry relates to itself']);
  });

  describe('aliases', () => {
    it('the same alias on two entries', () => {
      const errors = errorsOf((d) => {
        d.entries[1].aliases.push('alpha corp');
      });
      expect(errors).toEqual([
        'entries[1] (id "beta").aliases[2]: alias "alpha corp" is also an alias of entry "alpha" (entries[0].aliases[0]); give them near/notNear rules that separate them',
      ]);
    });

    it('a shared alias is allowed when near/notNear rules separate the entries', () => {
      const d = minimalDigest() as Loose;
      d.entries[0].aliases.push({ text: 'Mercury', near: ['planet', 'orbit'] });
      d.entries[1].aliases.push({ text: 'Mercury', near: ['singer'], notNear: ['planet', 'orbit'] });
      expect(validateDigest(d)).toMatchObject({ ok: true });
      // Without the notNear on the second one, a paragraph about the planet and a singer is ambiguous.
      d.entries[1].aliases[2] = { text: 'Mercury', near: ['singer'] };
      const result = validateDigest(d);
      expect(result.ok ? [] : result.errors).toEqual([
        expect.stringContaining('entries[1] (id "beta").aliases[2]: alias "Mercury" is also an alias of entry "alpha"'),
      ]);
    });

    it('two case-sensitive aliases differing only in case do not clash; case-insensitive ones do', () => {
      const d = minimalDigest() as Loose;
      d.entries[1].aliases.push({ text: 'ALPHA', caseSensitive: true });
      expect(validateDigest(d)).toMatchObject({ ok: true });
      d.entries[1].aliases[2] = 'ALPHA';
      const result = validateDigest(d);
      expect(result.ok ? [] : result.errors).toEqual([
        'entries[1] (id "beta").aliases[2]: alias "ALPHA" is also an alias of entry "alpha" (entries[0].aliases[1]); give them near/notNear rules that separate them',
      ]);
    });

    it('a generic alias', () => {
      const errors = errorsOf((d) => {
        d.entries[0].aliases.push('AI', { text: 'Semiconductors', near: ['Alpha'] });
      });
      expect(errors).toEqual([
        'entries[0] (id "alpha").aliases[2]: alias "AI" is too generic to highlight alone',
        'entries[0] (id "alpha").aliases[3]: alias "Semiconductors" is too generic to highlight alone',
      ]);
    });

    it('a short Latin alias without caseSensitive or context', () => {
      const errors = errorsOf((d) => {
        d.entries[1].aliases.push('Bea', { text: 'B-B', notNear: ['bee'] });
      });
      expect(errors).toEqual([
        'entries[1] (id "beta").aliases[2]: short alias "Bea" (3 letters or digits) must be caseSensitive or carry a context rule (near or afterEntry)',
        'entries[1] (id "beta").aliases[3]: short alias "B-B" (2 letters or digits) must be caseSensitive or carry a context rule (near or afterEntry)',
      ]);
    });

    it('short aliases pass with caseSensitive, near or afterEntry, and CJK aliases need no rule', () => {
      const d = minimalDigest() as Loose;
      d.entries[0].aliases.push({ text: 'ALC', caseSensitive: true }, { text: 'A1', near: ['chip'] }, '阿尔法');
      d.entries[1].aliases.push({ text: 'Bea', afterEntry: true });
      expect(validateDigest(d)).toMatchObject({ ok: true });
    });

    it('a scope, policy owner or generic flag of the wrong type names the entry and field', () => {
      const errors = errorsOf((d) => {
        d.entries[0].scope = 'wide';
        d.entries[1].policyOf = 'eu';
        d.entries[0].aliases.push({ text: 'Alpha Group', generic: 'yes' });
      });
      expect(errors).toEqual([
        expect.stringMatching(/^entries\[0\] \(id "alpha"\)\.scope: /),
        expect.stringMatching(/^entries\[0\] \(id "alpha"\)\.aliases\[2\]/),
        expect.stringMatching(/^entries\[1\] \(id "beta"\)\.policyOf: /),
      ]);
    });

    it('a policy owner on an entry that is not a policy', () => {
      const errors = errorsOf((d) => {
        d.entries[0].policyOf = 'us';
      });
      expect(errors).toEqual(['entries[0] (id "alpha").policyOf: only a policy has an owner; this entry is a company']);
    });

    it('a generic alias on a broad entry', () => {
      const errors = errorsOf((d) => {
        d.entries[0].scope = 'broad';
        d.entries[0].aliases.push({ text: 'Alpha Group', generic: true });
      });
      expect(errors).toEqual([
        'entries[0] (id "alpha").aliases[2].generic: alias "Alpha Group" is on a broad entry, which is gated as a whole; remove generic',
      ]);
    });

    it('accepts scope, policyOf on a policy, and generic aliases on a core entry', () => {
      const d = minimalDigest() as Loose;
      d.entries[0].scope = 'core';
      d.entries[0].aliases.push({ text: 'Alpha chips', generic: true });
      d.entries[1].scope = 'broad';
      expect(validateDigest(d)).toMatchObject({ ok: true });
    });

    it('an entry whose every alias needs a previous match', () => {
      const errors = errorsOf((d) => {
        d.entries[1].aliases = [{ text: 'Beta', caseSensitive: true, afterEntry: true }];
      });
      expect(errors).toEqual([
        expect.stringMatching(/^entries\[1\] \(id "beta"\)\.aliases: every alias has afterEntry/),
      ]);
    });
  });

  it('by missing on a claim, opinion or forecast', () => {
    const errors = errorsOf((d) => {
      delete (d.entries[0].facts[1] as Loose).by;
      d.entries[0].facts.push({
        text: 'It is great.',
        sources: ['src-a'],
        evidence: { 'src-a': [1] },
        label: 'opinion',
      } as Loose);
    });
    expect(errors).toEqual([
      'entries[0] (id "alpha").facts[1].by: a "forecast" fact must say who makes it (by)',
      'entries[0] (id "alpha").facts[2].by: a "opinion" fact must say who makes it (by)',
    ]);
  });

  it('a summary over 300 characters', () => {
    const errors = errorsOf((d) => {
      d.entries[1].summary.text = `${'x'.repeat(300)}y`;
    });
    expect(errors).toEqual(['entries[1] (id "beta").summary.text: summary is 301 characters; the limit is 300']);
  });

  it('a summary of exactly 300 characters passes', () => {
    const d: Loose = minimalDigest();
    d.entries[1].summary.text = 'x'.repeat(300);
    expect(validateDigest(d)).toMatchObject({ ok: true });
  });

  describe('evidence pointers', () => {
    it('evidence must name exactly the cited sources', () => {
      const errors = errorsOf((d) => {
        d.entries[0].summary.evidence = {};
        d.entries[0].facts[0].evidence = { 'src-a': [1], 'src-b': [2] };
      });
      expect(errors).toEqual([
        'entries[0] (id "alpha").summary.evidence: no paragraph numbers for the cited source "src-a"',
        'entries[0] (id "alpha").facts[0].evidence.src-b: "src-b" is not one of the claim\'s sources',
      ]);
    });

    it('a missing evidence field on a timeline event, dispute side and briefing paragraph', () => {
      const errors = errorsOf((d) => {
        delete (d.timeline[0] as Loose).evidence;
        delete (d.disputes[0].sides[0] as Loose).evidence;
        delete (d.briefing[0].paragraphs[0] as Loose).evidence;
      });
      expect(errors.sort()).toEqual([
        expect.stringMatching(/^briefing\[0\] \(id "what-happened"\)\.paragraphs\[0\]\.evidence: is missing/),
        expect.stringMatching(/^disputes\[0\] \(id "who-wins"\)\.sides\[0\]\.evidence: is missing/),
        expect.stringMatching(/^timeline\[0\] \(id "launch"\)\.evidence: is missing/),
      ]);
    });

    it('paragraph lists: non-empty, whole numbers from 1, no repeats', () => {
      const errors = errorsOf((d) => {
        d.entries[0].gist.evidence = { 'src-a': [] };
        d.entries[0].facts[1].evidence = { 'src-a': [0, 2.5] };
        d.entries[1].summary.evidence = { 'src-a': [3, 3] };
      });
      expect(errors.sort()).toEqual([
        'entries[0] (id "alpha").facts[1].evidence.src-a[0]: must be 1 or more',
        'entries[0] (id "alpha").facts[1].evidence.src-a[1]: must be a whole paragraph number',
        'entries[0] (id "alpha").gist.evidence.src-a: needs at least one paragraph number',
      ]);
      const repeats = errorsOf((d) => {
        d.entries[1].summary.evidence = { 'src-a': [3, 3] };
      });
      expect(repeats).toEqual(['entries[1] (id "beta").summary.evidence.src-a[1]: paragraph 3 is listed twice']);
    });
  });

  describe('labels say who says it', () => {
    const opinionSource = (d: Loose) => {
      d.sources.push({
        ...structuredClone(d.sources[0]),
        id: 'src-op',
        file: '001_0123456789abcdef.txt',
        kind: 'opinion',
      });
    };

    it('a fact resting only on an opinion source cannot be "reported"', () => {
      const errors = errorsOf((d) => {
        opinionSource(d);
        d.entries[0].facts[0].sources = ['src-op'];
        d.entries[0].facts[0].evidence = { 'src-op': [4] };
      });
      expect(errors).toEqual([
        'entries[0] (id "alpha").facts[0].label: rests only on opinion sources (src-op), so it cannot be "reported"; label it "opinion" or "claim" and say by whom',
      ]);
    });

    it('a reported fact that an opinion source shares with a news source passes, as does a labelled opinion', () => {
      const d: Loose = minimalDigest();
      opinionSource(d);
      d.entries[0].facts[0].sources = ['src-a', 'src-op'];
      d.entries[0].facts[0].evidence = { 'src-a': [1], 'src-op': [2] };
      d.entries[0].facts.push({
        text: 'It is great.',
        sources: ['src-op'],
        evidence: { 'src-op': [3] },
        label: 'opinion',
        by: 'A columnist',
      });
      expect(validateDigest(d)).toMatchObject({ ok: true });
    });

    it('a background fact is a short phrase that cites nothing', () => {
      const d: Loose = minimalDigest();
      d.entries[1].facts.push({ text: 'Chip designer', sources: [], evidence: {}, label: 'background' });
      expect(validateDigest(d)).toMatchObject({ ok: true });
      const errors = errorsOf((x) => {
        x.entries[1].facts.push({ text: 'x'.repeat(81), sources: [], evidence: {}, label: 'background' });
        x.entries[1].facts.push({
          text: 'Chip designer',
          sources: ['src-a'],
          evidence: { 'src-a': [1] },
          label: 'background',
        });
      });
      expect(errors).toEqual([
        'entries[1] (id "beta").facts[0].text: a "background" fact is 81 characters; it must be an identifying phrase of at most 80',
        'entries[1] (id "beta").facts[1].sources: a "background" fact comes from outside the seeds and cites no source',
      ]);
    });

    it('any other fact needs a source', () => {
      const errors = errorsOf((d) => {
        d.entries[0].facts[0].sources = [];
        d.entries[0].facts[0].evidence = {};
      });
      expect(errors).toEqual(['entries[0] (id "alpha").facts[0].sources: needs at least one source id']);
    });
  });

  describe('timeline order hints', () => {
    const addEvent = (d: Loose, id: string, date: string, after?: string[]) => {
      d.timeline.push({
        id,
        date: { date },
        ...(after ? { after } : {}),
        text: id,
        sources: ['src-a'],
        evidence: { 'src-a': [1] },
        entries: ['alpha'],
      });
    };

    it('a year-only event may follow an event dated within that year', () => {
      const d: Loose = minimalDigest();
      addEvent(d, 'later', '2024', ['launch']);
      expect(validateDigest(d)).toMatchObject({ ok: true });
    });

    it('unknown, self and earlier-dated targets, and circles', () => {
      const errors = errorsOf((d) => {
        addEvent(d, 'a', '2023', ['launch']);
        addEvent(d, 'b', '2024', ['b', 'nowhere']);
        addEvent(d, 'c', '2024', ['d']);
        addEvent(d, 'd', '2024', ['c']);
      });
      expect(errors).toEqual([
        'timeline[1] (id "a").after[0]: dated 2023, it cannot follow "launch" dated 2024-02-29',
        'timeline[2] (id "b").after[0]: an event cannot follow itself',
        'timeline[2] (id "b").after[1]: unknown event id "nowhere"',
        'timeline: the "after" order goes round in a circle (b → b)',
      ]);
    });

    it('a circle through two events', () => {
      const errors = errorsOf((d) => {
        addEvent(d, 'c', '2024', ['d']);
        addEvent(d, 'd', '2024', ['c']);
      });
      expect(errors).toEqual(['timeline: the "after" order goes round in a circle (c → d → c)']);
    });
  });

  describe('the card at rest: gist and cardFacts', () => {
    it('a missing gist', () => {
      const errors = errorsOf((d) => {
        delete (d.entries[1] as Loose).gist;
      });
      expect(errors).toEqual([expect.stringMatching(/^entries\[1\] \(id "beta"\)\.gist: is missing/)]);
    });

    it('a gist without sources', () => {
      const errors = errorsOf((d) => {
        d.entries[0].gist.sources = [];
      });
      expect(errors).toEqual(['entries[0] (id "alpha").gist.sources: needs at least one source id']);
    });

    it('a gist over 200 characters, counted as Unicode characters', () => {
      const errors = errorsOf((d) => {
        d.entries[0].gist.text = `${'中'.repeat(100)}${'😀'.repeat(101)}`;
      });
      expect(errors).toEqual(['entries[0] (id "alpha").gist.text: gist is 201 characters; the limit is 200']);
    });

    it('a gist of exactly 200 astral characters passes', () => {
      const d: Loose = minimalDigest();
      d.entries[0].gist.text = '😀'.repeat(200);
      expect(validateDigest(d)).toMatchObject({ ok: true });
    });

    it('a missing cardFacts list', () => {
      const errors = errorsOf((d) => {
        delete (d.entries[0] as Loose).cardFacts;
      });
      expect(errors).toEqual([expect.stringMatching(/^entries\[0\] \(id "alpha"\)\.cardFacts: is missing/)]);
    });

    it('an out-of-range card fact', () => {
      const errors = errorsOf((d) => {
        d.entries[0].cardFacts = [0, 2];
        d.entries[1].cardFacts = [0];
      });
      expect(errors).toEqual([
        'entries[0] (id "alpha").cardFacts[1]: fact index 2 is out of range (the entry has 2 facts)',
        'entries[1] (id "beta").cardFacts[0]: fact index 0 is out of range (the entry has 0 facts)',
      ]);
    });

    it('a duplicate card fact', () => {
      const errors = errorsOf((d) => {
        d.entries[0].cardFacts = [1, 1];
      });
      expect(errors).toEqual(['entries[0] (id "alpha").cardFacts[1]: fact index 1 is listed twice']);
    });

    it('more than two card facts', () => {
      const errors = errorsOf((d) => {
        d.entries[0].facts.push({
          text: 'It sells chips.',
          sources: ['src-a'],
          evidence: { 'src-a': [2] },
          label: 'reported',
        });
        d.entries[0].cardFacts = [0, 1, 2];
      });
      expect(errors).toEqual(['entries[0] (id "alpha").cardFacts: lists 3 facts; the card shows at most 2']);
    });

    it('a card fact that is not a whole non-negative number', () => {
      const errors = errorsOf((d) => {
        d.entries[0].cardFacts = [-1, 0.5];
      });
      expect(errors.sort()).toEqual([
        'entries[0] (id "alpha").cardFacts[0]: must be 0 or more',
        'entries[0] (id "alpha").cardFacts[1]: must be a whole number',
      ]);
    });
  });

  it('invalid calendar dates', () => {
    const errors = errorsOf((d) => {
      d.timeline[0].date = { date: '2025-02-29' } as Loose;
      d.sources[0].date = { date: '2025-04-31', approximate: true };
    });
    expect(errors.sort()).toEqual(
      [
        'sources[0] (id "src-a").date.date: 2025-04-31 is not a real calendar date (month 4 of 2025 has 30 days)',
        'timeline[0] (id "launch").date.date: 2025-02-29 is not a real calendar date (month 2 of 2025 has 28 days)',
      ].sort(),
    );
  });

  it('a date in the wrong format is a shape error', () => {
    const errors = errorsOf((d) => {
      d.timeline[0].date = { date: '2025-13' } as Loose;
    });
    expect(errors).toEqual(['timeline[0] (id "launch").date.date: must be YYYY, YYYY-MM or YYYY-MM-DD']);
  });

  it('a quote whose source is unknown', () => {
    const errors = errorsOf((d) => {
      d.entries[0].quotes[0].source = 'src-q';
    });
    expect(errors).toEqual(['entries[0] (id "alpha").quotes[0].source: unknown source id "src-q" for a quote']);
  });
});

describe('formatDigestErrors', () => {
  it('lists every error under a count', () => {
    const text = formatDigestErrors(['entries[0] (id "a").name: is missing', 'topics[1] (id "ai").color.light: bad']);
    expect(text).toBe(
      'The digest has 2 problems:\n  - entries[0] (id "a").name: is missing\n  - topics[1] (id "ai").color.light: bad',
    );
    expect(formatDigestErrors(['x: y'])).toBe('The digest has 1 problem:\n  - x: y');
  });
});
