import { describe, expect, it } from 'vitest';
import { digestClaims } from '../../../src/digest/claims';
import { minimalDigest } from './helpers';

const cited = { sources: ['src-a'], evidence: { 'src-a': [1] } };

describe('digestClaims', () => {
  it('lists every cited claim of a digest in digest order, each with where it is and what it is', () => {
    expect(digestClaims(minimalDigest())).toEqual([
      { path: 'entries[0] (alpha).summary', kind: 'summary', text: 'A company.', ...cited },
      { path: 'entries[0] (alpha).gist', kind: 'gist', text: 'A company that makes chips.', ...cited },
      { path: 'entries[0] (alpha).facts[0]', kind: 'fact', text: 'It makes chips.', label: 'reported', ...cited },
      {
        path: 'entries[0] (alpha).facts[1]',
        kind: 'fact',
        text: 'It will win.',
        label: 'forecast',
        by: 'Some Analyst',
        ...cited,
      },
      { path: 'entries[1] (beta).summary', kind: 'summary', text: 'A person.', ...cited },
      { path: 'entries[1] (beta).gist', kind: 'gist', text: 'A person.', ...cited },
      {
        path: 'timeline[0] (launch)',
        kind: 'event',
        id: 'launch',
        date: { date: '2024-02-29' },
        text: 'Alpha launches.',
        entries: ['alpha'],
        ...cited,
      },
      { path: 'disputes[0] (who-wins).sides[0]', kind: 'dispute side', text: 'Yes.', ...cited },
      { path: 'disputes[0] (who-wins).sides[1]', kind: 'dispute side', text: 'No.', ...cited },
      { path: 'briefing[0] (what-happened).paragraphs[0]', kind: 'briefing', text: 'Alpha launched.', ...cited },
    ]);
  });

  it('has nothing to list for a digest without claims', () => {
    const empty = { ...minimalDigest(), entries: [], timeline: [], disputes: [], briefing: [] };
    expect(digestClaims(empty)).toEqual([]);
  });
});
