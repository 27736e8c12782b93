// Short forms a page defines ("… University (NTU)"), through the module's two steps and through the
// matcher: what is learnt, where the short form then matches, and what it must not swallow.
import { describe, expect, it } from 'vitest';
import { compileMatcher, createPageContext, type Match } from '../../../src/matcher';
import { addAbbreviationMatches, learnAbbreviations } from '../../../src/matcher/abbreviations';

const match = (start: number, end: number, entryId: string, alias = 0, gated = false): Match => ({
  start,
  end,
  entryId,
  alias,
  gated,
});

describe('learnAbbreviations', () => {
  it('learns a short form written after a match, with the match’s entry, alias and gate', () => {
    const page = createPageContext();
    learnAbbreviations(
      'Tsinghua Unigroup (THU) and Huawei',
      [match(0, 17, 'unigroup', 1, true), match(28, 34, 'huawei')],
      page,
    );
    expect([...page.abbreviations]).toEqual([['THU', { entryId: 'unigroup', alias: 1, gated: true }]]);
  });

  it('learns a short form written before a match in parentheses', () => {
    const page = createPageContext();
    learnAbbreviations('the THU (Tsinghua Unigroup) deal', [match(9, 26, 'unigroup')], page);
    expect([...page.abbreviations.keys()]).toEqual(['THU']);
  });

  it('does not take another match in the parentheses for a short form', () => {
    const page = createPageContext();
    learnAbbreviations('Huawei (SMIC) said', [match(0, 6, 'huawei'), match(8, 12, 'smic')], page);
    expect(page.abbreviations.size).toBe(0);
  });

  it('keeps the first entry a short form was defined for', () => {
    const page = createPageContext();
    learnAbbreviations('Tsinghua Unigroup (THU)', [match(0, 17, 'unigroup')], page);
    learnAbbreviations('Tianjin Harbour Union (THU)', [match(0, 21, 'harbour')], page);
    expect(page.abbreviations.get('THU')?.entryId).toBe('unigroup');
  });

  it('drops the cached pattern when it learns a short form', () => {
    const page = createPageContext();
    page.abbreviationPattern = /stale/gu;
    learnAbbreviations('Tsinghua Unigroup (THU)', [match(0, 17, 'unigroup')], page);
    expect(page.abbreviationPattern).toBeNull();
  });
});

describe('addAbbreviationMatches', () => {
  const learnt = () => {
    const page = createPageContext();
    learnAbbreviations('Tsinghua Unigroup (THU)', [match(0, 17, 'unigroup', 2, true)], page);
    return page;
  };

  it('returns the block’s own matches, the same array, when the page defined nothing', () => {
    const own = [match(0, 6, 'huawei')];
    expect(addAbbreviationMatches('Huawei and THU', own, createPageContext())).toBe(own);
  });

  it('returns the same array when no short form occurs in the block', () => {
    const own = [match(0, 6, 'huawei')];
    expect(addAbbreviationMatches('Huawei and THUS', own, learnt())).toBe(own);
  });

  it('adds each whole-word short form in text order with the defining match’s entry, alias and gate', () => {
    const own = [match(10, 16, 'huawei')];
    expect(addAbbreviationMatches('THU chips Huawei THU', own, learnt())).toEqual([
      match(0, 3, 'unigroup', 2, true),
      match(10, 16, 'huawei'),
      match(17, 20, 'unigroup', 2, true),
    ]);
  });

  it('skips a short form inside a match, and keeps one that only touches a match at either end', () => {
    const text = 'THU THU THU';
    const own = [match(3, 4, 'space-before'), match(4, 7, 'inside'), match(7, 8, 'space-after')];
    expect(addAbbreviationMatches(text, own, learnt()).map((m) => [m.start, m.entryId])).toEqual([
      [0, 'unigroup'],
      [3, 'space-before'],
      [4, 'inside'],
      [7, 'space-after'],
      [8, 'unigroup'],
    ]);
  });
});

describe('abbreviations through the matcher', () => {
  const matcher = () => compileMatcher([{ id: 'rnd', aliases: ['Research and Development'] }]);

  it('finds a short form with "&" or "-" after the page defines it', () => {
    const page = createPageContext();
    const m = matcher();
    m.findMatches('Research and Development (R&D) budgets', page);
    const found = m.findMatches('More R&D, less talk', page);
    expect(found.map((x) => [x.start, x.end, x.entryId])).toEqual([[5, 8, 'rnd']]);
    m.findMatches('Research and Development (RD-X) again', page);
    expect(m.findMatches('RD-X grows', page).map((x) => [x.start, x.end])).toEqual([[0, 4]]);
  });
});
