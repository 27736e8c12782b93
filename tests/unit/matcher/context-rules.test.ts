// Context rules (near / notNear) through the matcher's public API, so the tests outlive any rewrite
// of the scanner. Each case pins one way the rules could quietly go wrong (issue 18's survivors).
import { describe, expect, it } from 'vitest';
import { compileMatcher, createPageContext, type MatcherEntry } from '../../../src/matcher';

/** [matched text, entryId] for each match in `text` on a fresh page. */
function found(entries: readonly MatcherEntry[], text: string): [string, string][] {
  return compileMatcher(entries)
    .findMatches(text, createPageContext())
    .map((m) => [text.slice(m.start, m.end), m.entryId]);
}

describe('near words', () => {
  const h20: MatcherEntry[] = [{ id: 'h20', aliases: [{ text: 'H20', near: ['chips'] }] }];

  it('count at a later occurrence when an earlier one sits inside a longer word', () => {
    expect(found(h20, 'H20 microchips and chips')).toEqual([['H20', 'h20']]);
  });

  it('count at a later occurrence when an earlier one runs on into a longer word', () => {
    expect(found(h20, 'H20 chipsets, then chips')).toEqual([['H20', 'h20']]);
  });

  it('do not count when every occurrence is part of a longer word', () => {
    expect(found(h20, 'H20 microchips and chipsets')).toEqual([]);
  });

  it('count when written with U+2010 or U+2011 hyphens for the hyphen-minus in the rule', () => {
    const entries: MatcherEntry[] = [{ id: 'llama', aliases: [{ text: 'Llama', near: ['open-source'] }] }];
    expect(found(entries, 'Llama is open\u2010source')).toEqual([['Llama', 'llama']]);
    expect(found(entries, 'Llama is open\u2011source')).toEqual([['Llama', 'llama']]);
    expect(found(entries, 'Llama is open-source')).toEqual([['Llama', 'llama']]);
    expect(found(entries, 'Llama is open source')).toEqual([]);
  });
});

describe('notNear words', () => {
  it('reject when written with U+2010 or U+2011 hyphens', () => {
    const entries: MatcherEntry[] = [{ id: 'android', aliases: [{ text: 'Android', notNear: ['humanoid-robot'] }] }];
    expect(found(entries, 'Android phones')).toEqual([['Android', 'android']]);
    expect(found(entries, 'Android humanoid\u2010robot')).toEqual([]);
    expect(found(entries, 'Android humanoid\u2011robot')).toEqual([]);
  });

  it('reject at a later whole-word occurrence after one inside a longer word', () => {
    const entries: MatcherEntry[] = [{ id: 'android', aliases: [{ text: 'Android', notNear: ['robot'] }] }];
    expect(found(entries, 'Android robotics')).toEqual([['Android', 'android']]);
    expect(found(entries, 'Android robotics and a robot')).toEqual([]);
  });
});

describe('each alias gets its own verdict in a block', () => {
  const twoEntries: MatcherEntry[] = [
    { id: 'alpha', aliases: [{ text: 'Alpha', near: ['one'] }] },
    { id: 'beta', aliases: [{ text: 'Beta', near: ['two'] }] },
  ];

  it('a rejected alias does not reject a later alias of another entry', () => {
    expect(found(twoEntries, 'Alpha and Beta two')).toEqual([['Beta', 'beta']]);
  });

  it('an accepted alias does not accept a later alias of another entry', () => {
    expect(found(twoEntries, 'Alpha one and Beta')).toEqual([['Alpha', 'alpha']]);
  });

  it('aliases of one entry with different rules are judged apart', () => {
    const oneEntry: MatcherEntry[] = [
      {
        id: 'gamma',
        aliases: [
          { text: 'Gamma', near: ['one'] },
          { text: 'Delta', near: ['two'] },
        ],
      },
    ];
    expect(found(oneEntry, 'Gamma and Delta two')).toEqual([['Delta', 'gamma']]);
    // Delta comes first here: once Gamma is accepted the entry counts as seen and Delta needs no near word.
    expect(found(oneEntry, 'Delta and Gamma one')).toEqual([['Gamma', 'gamma']]);
  });

  it('a notNear verdict for one alias does not reach another', () => {
    const entries: MatcherEntry[] = [
      { id: 'alpha', aliases: [{ text: 'Alpha', notNear: ['two'] }] },
      { id: 'beta', aliases: [{ text: 'Beta', near: ['two'] }] },
    ];
    expect(found(entries, 'Alpha and Beta two')).toEqual([['Beta', 'beta']]);
  });

  it('the same alias twice in a block keeps its verdict', () => {
    expect(found(twoEntries, 'Beta, two, and Beta again')).toEqual([
      ['Beta', 'beta'],
      ['Beta', 'beta'],
    ]);
  });
});

describe('how rules are compiled', () => {
  it('reads a space in a near word as any run of white space, and an apostrophe as either form', () => {
    const entries: MatcherEntry[] = [{ id: 'h20', aliases: [{ text: 'H20', near: ["people's chips"] }] }];
    expect(found(entries, 'the H20 is the people’s \u00a0 chips')).toEqual([['H20', 'h20']]);
    expect(found(entries, 'the H20 is the peoples chips')).toEqual([]);
  });

  it('reads regex syntax in a near word as itself', () => {
    const entries: MatcherEntry[] = [{ id: 'riscv', aliases: [{ text: 'RISC-V', near: ['C++'] }] }];
    expect(found(entries, 'RISC-V and C++ code')).toEqual([['RISC-V', 'riscv']]);
    expect(found(entries, 'RISC-V and CC code')).toEqual([]);
  });

  it('treats an empty near list as no rule', () => {
    expect(found([{ id: 'h20', aliases: [{ text: 'H20', near: [] }] }], 'the H20 ships')).toEqual([['H20', 'h20']]);
  });

  it('holds an afterEntry alias back until its entry is named, with no word rules', () => {
    const entries: MatcherEntry[] = [{ id: 'hynix', aliases: ['SK Hynix', { text: 'Hynix', afterEntry: true }] }];
    expect(found(entries, 'Hynix grew')).toEqual([]);
    expect(found(entries, 'SK Hynix grew; Hynix hired')).toEqual([
      ['SK Hynix', 'hynix'],
      ['Hynix', 'hynix'],
    ]);
  });

  it('names the entry, alias and word when a notNear word is empty after normalisation', () => {
    const entries: MatcherEntry[] = [{ id: 'broken', aliases: [{ text: 'Android', notNear: ['robot', '\u00ad'] }] }];
    expect(() => found(entries, '')).toThrow(
      'Entry "broken", alias "Android": notNear word "\\u00ad" is empty after normalisation',
    );
  });
});
