import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher, createPageContext, type Match, type Matcher } from '../../../src/matcher';
import { ACCURACY_ENTRIES, ENTRIES } from './fixtures';

// Compiled before each test, not at load: Stryker's vitest runner switches a mutant on in a beforeAll
// hook, after this file has loaded, so a matcher compiled at load was never mutated and the compile
// step's mutants survived these tests.
let matcher: Matcher;
beforeEach(() => {
  matcher = compileMatcher([...ENTRIES, ...ACCURACY_ENTRIES]);
});

/** [start, end, entryId, index into entry.aliases] */
type Expected = readonly [number, number, string, number];

interface Case {
  name: string;
  text: string;
  expected: readonly Expected[];
  /** Blocks scanned first with the same page context. */
  before?: readonly string[];
}

const cases: readonly Case[] = [
  // Plain positions and punctuation
  { name: 'empty string', text: '', expected: [] },
  { name: 'no term', text: 'The weather in Paris was mild.', expected: [] },
  { name: 'term is the whole string', text: 'Huawei', expected: [[0, 6, 'huawei', 0]] },
  { name: 'term at the very start', text: 'Huawei shipped phones.', expected: [[0, 6, 'huawei', 0]] },
  { name: 'term at the very end', text: 'Sanctions hit Huawei', expected: [[14, 20, 'huawei', 0]] },
  { name: 'parentheses around a term', text: '(Huawei)', expected: [[1, 7, 'huawei', 0]] },
  { name: 'full stop after a term', text: 'It was Huawei.', expected: [[7, 13, 'huawei', 0]] },
  { name: 'curly quotes around a term', text: '“DeepSeek”', expected: [[1, 9, 'deepseek', 0]] },
  {
    name: 'slash between terms',
    text: 'SMIC/Huawei',
    expected: [
      [0, 4, 'smic', 0],
      [5, 11, 'huawei', 0],
    ],
  },
  {
    name: 'several terms, sorted by start',
    text: 'Huawei, SMIC and DeepSeek',
    expected: [
      [0, 6, 'huawei', 0],
      [8, 12, 'smic', 0],
      [17, 25, 'deepseek', 0],
    ],
  },
  // Possessives
  { name: "possessive with '", text: "Nvidia's chips", expected: [[0, 6, 'nvidia', 0]] },
  { name: 'possessive with ’', text: 'Nvidia’s chips', expected: [[0, 6, 'nvidia', 0]] },
  { name: 'Huawei’s', text: 'Huawei’s Ascend', expected: [[0, 6, 'huawei', 0]] },
  { name: 'Xi Jinping’s', text: 'Xi Jinping’s speech', expected: [[0, 10, 'xi-jinping', 0]] },
  // Word boundaries
  { name: 'letter after a term', text: 'Huaweii', expected: [] },
  { name: 'letter before a term', text: 'SuperHuawei', expected: [] },
  { name: 'digit after a term', text: 'SMIC2', expected: [] },
  { name: 'Cyrillic letter after a term', text: 'Huaweiб', expected: [] },
  { name: 'combining mark after a term', text: 'Huawei\u0301', expected: [] },
  { name: 'soft hyphen does not hide a word boundary', text: 'Super\u00adHuawei', expected: [] },
  { name: 'Katakana before a term is a boundary', text: 'ファーウェイのHuaweiです', expected: [[7, 13, 'huawei', 0]] },
  { name: 'prolonged sound mark is a boundary', text: 'ーHuawei', expected: [[1, 7, 'huawei', 0]] },
  { name: 'alias ending in "." needs no boundary after', text: 'U.S.-China', expected: [[0, 4, 'united-states', 0]] },
  { name: 'alias starting with a letter still needs one before', text: 'AU.S.', expected: [] },
  // Look-alikes and context rules
  { name: 'H20 near a chip word', text: 'The H20 chip', expected: [[4, 7, 'nvidia-h20', 0]] },
  { name: 'H20 with no chip word', text: 'H20 is sold out', expected: [] },
  { name: 'H2O never matches H20', text: 'H2O and chips', expected: [] },
  { name: 'H200 is not H20', text: 'the H200 chips', expected: [] },
  { name: 'Nvidia H20 beats Nvidia', text: 'Nvidia H20 chips', expected: [[0, 10, 'nvidia-h20', 1]] },
  {
    name: 'rejected longer candidate leaves the shorter one at the same start',
    text: 'Nvidia H20 shipments resumed',
    expected: [[0, 6, 'nvidia', 0]],
  },
  { name: 'Android near phones', text: 'Google’s Android phones', expected: [[9, 16, 'android', 0]] },
  { name: 'Android near robots (notNear wins)', text: 'Android robots on Google phones', expected: [] },
  { name: 'Android with no context word', text: 'Android is popular', expected: [] },
  { name: 'near word only as part of a longer word', text: 'Android telephones', expected: [] },
  { name: 'near word only inside a longer word', text: 'H20 microchips', expected: [] },
  {
    name: 'shorter near word where a longer one fails its boundary',
    text: 'Ascend export controls',
    expected: [[0, 6, 'ascend', 0]],
  },
  { name: 'near word with a suffix does not count', text: 'Ascend exporters', expected: [] },
  { name: 'near word with regex syntax', text: 'RISC\u2011V and C++ code', expected: [[0, 6, 'risc-v', 0]] },
  { name: 'near word with regex syntax is literal', text: 'RISC-V and CXX code', expected: [] },
  {
    name: 'multi-word near word across NBSP',
    text: 'Ascend is a Huawei\u00a0chip',
    expected: [
      [0, 6, 'ascend', 0],
      [12, 18, 'huawei', 0],
    ],
  },
  { name: 'Xi alone on a fresh page', text: 'Xi said', expected: [] },
  {
    name: 'Xi after Xi Jinping in an earlier block',
    before: ['President Xi Jinping met'],
    text: 'Xi said',
    expected: [[0, 2, 'xi-jinping', 1]],
  },
  {
    name: 'Xi after 习近平 in an earlier block',
    before: ['习近平讲话'],
    text: 'Xi said',
    expected: [[0, 2, 'xi-jinping', 1]],
  },
  {
    name: 'Xi after Xi Jinping in the same block',
    text: 'Xi Jinping met Biden; Xi said',
    expected: [
      [0, 10, 'xi-jinping', 0],
      [22, 24, 'xi-jinping', 1],
    ],
  },
  { name: 'Xi is case-sensitive', before: ['Xi Jinping'], text: 'XI said', expected: [] },
  { name: 'Xi inside taxi', before: ['Xi Jinping'], text: 'a taxi', expected: [] },
  { name: 'Huang alone on a fresh page', text: 'Huang spoke', expected: [] },
  {
    name: 'Huang after Jensen Huang in one block',
    text: 'Jensen Huang said Huang would',
    expected: [
      [0, 12, 'jensen-huang', 0],
      [18, 23, 'jensen-huang', 1],
    ],
  },
  { name: 'Huang before Jensen Huang', text: 'Huang met Jensen Huang', expected: [[10, 22, 'jensen-huang', 0]] },
  {
    name: 'Huang after an earlier block',
    before: ['Jensen Huang arrived.'],
    text: 'Huang spoke',
    expected: [[0, 5, 'jensen-huang', 1]],
  },
  // Case
  {
    name: 'case-insensitive alias in any case',
    text: 'HUAWEI and huawei',
    expected: [
      [0, 6, 'huawei', 0],
      [11, 17, 'huawei', 0],
    ],
  },
  { name: 'case-sensitive Apple', text: 'Apple shipped', expected: [[0, 5, 'apple', 0]] },
  { name: 'apple pie is not Apple', text: 'apple pie', expected: [] },
  { name: 'APPLE is not Apple', text: 'APPLE', expected: [] },
  { name: 'case-sensitive alias across NBSP', text: 'the Big\u00a0Fund', expected: [[4, 12, 'big-fund', 0]] },
  { name: 'case-sensitive alias in the wrong case', text: 'the big fund', expected: [] },
  { name: 'accented alias', text: 'in Zürich today', expected: [[3, 9, 'zurich', 0]] },
  { name: 'accented alias upper-cased', text: 'ZÜRICH', expected: [[0, 6, 'zurich', 0]] },
  { name: 'accented alias inside a longer word', text: 'Zürichsee', expected: [] },
  { name: 'accent is not optional', text: 'Zurich', expected: [] },
  { name: 'Kelvin sign folds to k', text: 'S\u212a Hynix', expected: [[0, 8, 'sk-hynix', 0]] },
  // CJK and mixed scripts
  { name: 'CJK term inside running CJK text', text: '据报道华为发布了新芯片', expected: [[3, 5, 'huawei', 1]] },
  {
    name: 'CJK terms without spaces',
    text: '中芯国际和华为参与东数西算',
    expected: [
      [0, 4, 'smic', 1],
      [5, 7, 'huawei', 1],
      [9, 13, 'east-data-west-computing', 0],
    ],
  },
  {
    name: 'Han then Latin',
    text: '华为Huawei',
    expected: [
      [0, 2, 'huawei', 1],
      [2, 8, 'huawei', 0],
    ],
  },
  {
    name: 'Latin between Han, near word in CJK',
    text: '英伟达H20芯片',
    expected: [
      [0, 3, 'nvidia', 1],
      [3, 6, 'nvidia-h20', 0],
    ],
  },
  // Surrogate pairs
  { name: 'emoji on both sides', text: '🇨🇳Huawei😀', expected: [[4, 10, 'huawei', 0]] },
  { name: 'astral letter before a term', text: '𝐀Huawei', expected: [] },
  {
    name: 'emoji between CJK terms',
    text: '华为😀中芯国际',
    expected: [
      [0, 2, 'huawei', 1],
      [4, 8, 'smic', 1],
    ],
  },
  // White space and invisible characters inside terms
  { name: 'NBSP inside a term', text: 'CloudMatrix\u00a0384', expected: [[0, 15, 'cloudmatrix', 0]] },
  { name: 'newline and indentation inside a term', text: 'CloudMatrix\n   384', expected: [[0, 18, 'cloudmatrix', 0]] },
  { name: 'narrow NBSP inside a term', text: 'CloudMatrix\u202f384', expected: [[0, 15, 'cloudmatrix', 0]] },
  { name: 'thin space inside a term', text: 'CloudMatrix\u2009384', expected: [[0, 15, 'cloudmatrix', 0]] },
  { name: 'tab inside a term', text: 'Jensen\tHuang', expected: [[0, 12, 'jensen-huang', 0]] },
  {
    name: 'white space run with a zero-width space in it',
    text: 'CloudMatrix \u200b 384',
    expected: [[0, 17, 'cloudmatrix', 0]],
  },
  { name: 'missing space does not match', text: 'CloudMatrix384', expected: [] },
  { name: 'hyphen is not a space', text: 'Jensen-Huang', expected: [] },
  { name: 'soft hyphen inside a term', text: 'Cloud\u00adMatrix 384', expected: [[0, 16, 'cloudmatrix', 0]] },
  { name: 'zero-width space inside a term', text: 'Hua\u200bwei', expected: [[0, 7, 'huawei', 0]] },
  {
    name: 'ZWNJ, ZWJ, word joiner and BOM inside a term',
    text: 'H\u200cu\u200da\u2060w\ufeffei',
    expected: [[0, 10, 'huawei', 0]],
  },
  { name: 'match does not start or end on ignorables', text: '\u200bHuawei\u00ad', expected: [[1, 7, 'huawei', 0]] },
  { name: 'non-breaking hyphen equals -', text: 'de\u2011risking', expected: [[0, 10, 'de-risking', 0]] },
  { name: 'Unicode hyphen equals -', text: 'de\u2010risking', expected: [[0, 10, 'de-risking', 0]] },
  { name: "’ equals ' inside a term", text: 'People’s Liberation Army', expected: [[0, 24, 'pla', 0]] },
  // Longest match and overlaps
  {
    name: 'unreliable entity list beats entity list',
    text: 'China’s unreliable entity list grew',
    expected: [[8, 30, 'unreliable-entity-list', 0]],
  },
  { name: 'entity list alone', text: 'the Entity List', expected: [[4, 15, 'entity-list', 0]] },
  {
    name: 'longest alias ending in a word beats U.S.',
    text: 'the U.S. export control list',
    expected: [[4, 28, 'export-control-list', 0]],
  },
  {
    name: 'Jensen Huang does not also yield Huang',
    text: 'Jensen Huang spoke',
    expected: [[0, 12, 'jensen-huang', 0]],
  },
];

/** [start, end) of the `nth` occurrence of `surface` in `text`, with the entry and alias index. */
function span(text: string, surface: string, entry: string, alias: number, nth = 0): Expected {
  let at = text.indexOf(surface);
  for (let i = 0; i < nth; i++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`"${surface}" is not in "${text}"`);
  return [at, at + surface.length, entry, alias];
}

/** One sentence we wrote per behaviour of the accuracy rules (issue 11), negatives included. */
function accuracyCases(): Case[] {
  const c = (name: string, text: string, expected: (string | number)[][], before?: string[]): Case => ({
    name,
    text,
    before,
    expected: expected.map(([surface, entry, alias, nth]) =>
      span(text, surface as string, entry as string, alias as number, nth as number | undefined),
    ),
  });
  return [
    // 1. Names interrupted by quote marks or a parenthesised abbreviation: one highlight over the whole name.
    c('name in single quotes', "Beijing put it on the 'Unreliable Entity' List.", [
      ["Unreliable Entity' List", 'unreliable-entity-list', 0],
    ]),
    c('name in curly quotes', 'the “unreliable entity” list grew', [
      ['unreliable entity” list', 'unreliable-entity-list', 0],
    ]),
    c('abbreviation inside a name', 'the Artificial Intelligence (AI) Plus plan', [
      ['Artificial Intelligence (AI) Plus', 'ai-plus', 1],
    ]),
    c('a quoted sentence is not bridged', 'He said “the unreliable entity is gone, the list too” today', []),
    c('an apostrophe is no quote mark', 'Huawei’s unreliable entity list', [
      ['Huawei', 'huawei', 0],
      ['unreliable entity list', 'unreliable-entity-list', 0],
    ]),
    // 2. Abbreviations the page defines.
    c('Long Form (ABBR), then ABBR', 'Students at National Taiwan University (NTU) said NTU was ready.', [
      ['National Taiwan University', 'ntu', 0],
      ['NTU', 'ntu', 0],
      ['NTU', 'ntu', 0, 1],
    ]),
    c('ABBR (Long Form) in full-width brackets', 'DS（DeepSeek）发布了新模型，DS 称', [
      ['DS', 'deepseek', 0],
      ['DeepSeek', 'deepseek', 0],
      ['DS', 'deepseek', 0, 1],
    ]),
    c(
      'a defined short form counts in later blocks',
      'NTU students protested.',
      [['NTU', 'ntu', 0]],
      ['National Taiwan University (NTU) opened a lab.'],
    ),
    c('an undefined short form does not count', 'NTU students protested.', []),
    c(
      'an abbreviation defined for no entry does not count',
      'The Semiconductor Industry Association (SIA) said SIA would',
      [],
    ),
    // 4. Surname-only and title forms.
    c('surname alone, no full name on the page', 'Trump said he would', []),
    c('surname after the full name', 'Trump spoke.', [['Trump', 'trump', 1]], ['Donald Trump arrived.']),
    c('title and surname count, the title inside the highlight', 'Mr Huang spoke to President Trump.', [
      ['Mr Huang', 'jensen-huang', 1],
      ['President Trump', 'trump', 1],
    ]),
    c('a basketball player called Huang', 'Guard Ryan Huang scored 20 points.', []),
    c('a title form does not let the surname stand alone later', 'Trump said', [], ['President Trump spoke.']),
    c('nor does "Trump administration"', 'Trump said', [], ['The Trump administration spoke.']),
    c('two names joined by a hyphen', 'Donald Trump met Xi Jinping at the Trump-Xi talks', [
      ['Donald Trump', 'trump', 0],
      ['Xi Jinping', 'xi-jinping', 0],
      ['Trump', 'trump', 1, 1],
      ['Xi', 'xi-jinping', 1, 1],
    ]),
    // 5. A term inside a longer proper name.
    c('a university of the same first words', 'National Taiwan University of Science and Technology', []),
    c('a place inside a university', 'Southern Taiwan University of Science', []),
    c('a place between capitalised words', 'published by the Global Taiwan Institute', []),
    c('a newspaper named after a province', 'Guizhou Daily reported; 贵州日报报道', []),
    c('a statute', 'under the Export Restrictions Reform Act of 2018', []),
    c('a hyphenated product of the same family', 'CloudMatrix-Infer runs on it', []),
    c('a model number after a hyphen is still the name', 'Huawei-R1 ships', [['Huawei', 'huawei', 0]]),
    c('a chip word running on into a compound', '购买中国芯片制造设备；中国芯片崛起', [
      ['中国芯片', 'domestic-chips', 0, 1],
    ]),
    c('the place itself still counts', 'Chips made in Taiwan are shipped; 台湾的芯片', [
      ['Taiwan', 'taiwan', 0],
      ['台湾', 'taiwan', 1],
    ]),
    // 6. Whose policy.
    c("China's own export curbs", "China's new export curbs on gallium", []),
    c('rare-earth export restrictions', 'a pause of rare-earth export restrictions', []),
    c('export restrictions on rare earths', 'Beijing relaxed export restrictions on rare earths', []),
    c('Chinese clause with rare earths', '商务部对稀土相关物项实施出口管制', []),
    c('US export restrictions', "Beijing's answer to US export restrictions", [
      ['export restrictions', 'export-controls', 0],
    ]),
    c('export curbs with no owner named', 'The export curbs hit Nvidia', [
      ['export curbs', 'export-controls', 1],
      ['Nvidia', 'nvidia', 0],
    ]),
    c('US export controls in Chinese', '美国对华出口管制', [['出口管制', 'export-controls', 2]]),
    c('a countermeasure against the US is China’s', '中国对美出台出口管制措施', []),
    c('the nearest owner wins', '中国对美方出口管制发起反击', [['出口管制', 'export-controls', 2]]),
  ];
}

function summarise(matches: readonly Match[]): Expected[] {
  return matches.map((m) => [m.start, m.end, m.entryId, m.alias] as const);
}

describe('findMatches', () => {
  it.each([...cases, ...accuracyCases()])('$name', ({ text, expected, before = [] }) => {
    const page = createPageContext();
    for (const block of before) matcher.findMatches(block, page);
    expect(summarise(matcher.findMatches(text, page))).toEqual(expected);
  });

  it('returns one shared frozen empty array when nothing matches', () => {
    const page = createPageContext();
    const first = matcher.findMatches('nothing here', page);
    expect(first).toHaveLength(0);
    expect(Object.isFrozen(first)).toBe(true);
    expect(matcher.findMatches('nor here, except a rejected H20', page)).toBe(first);
    expect(matcher.findMatches('', page)).toBe(first);
  });

  it('records every accepted entry in the page context, in text order', () => {
    const page = createPageContext();
    matcher.findMatches('Huawei and 中芯国际, unlike Huang', page);
    expect([...page.seen]).toEqual(['huawei', 'smic']);
  });

  it('works with no entries', () => {
    expect(compileMatcher([]).findMatches('Huawei', createPageContext())).toHaveLength(0);
  });

  it('reports the same alias text in two entries for the first entry only', () => {
    const twice = compileMatcher([
      { id: 'first', aliases: ['Ascend'] },
      { id: 'second', aliases: ['ascend'] },
    ]);
    expect(summarise(twice.findMatches('Ascend', createPageContext()))).toEqual([[0, 6, 'first', 0]]);
  });
});

describe('compileMatcher', () => {
  it('names the entry and alias when an alias is empty after normalisation', () => {
    expect(() => compileMatcher([{ id: 'broken', aliases: ['Fine', '\u200b\u00ad'] }])).toThrow(
      'Entry "broken", alias "\\u200b\\u00ad" is empty after normalisation',
    );
  });

  it('names the entry, alias and word when a context word is empty after normalisation', () => {
    expect(() => compileMatcher([{ id: 'broken', aliases: [{ text: 'H20', near: ['chip', '\u200b'] }] }])).toThrow(
      'Entry "broken", alias "H20": near word "\\u200b" is empty after normalisation',
    );
  });
});
