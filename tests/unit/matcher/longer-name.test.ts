// A term inside a longer proper name of something else, through insideLongerName: each rule with a
// sentence it must catch and a near miss it must leave alone.
import { describe, expect, it } from 'vitest';
import { insideLongerName } from '../../../src/matcher/longer-name';

/** Whether the first occurrence of `term` in `text` is inside a longer name. */
function inside(text: string, term: string, { place = false, termStarts = [] as number[] } = {}): boolean {
  const start = text.indexOf(term);
  if (start < 0) throw new Error(`"${term}" is not in "${text}"`);
  return insideLongerName(text, start, start + term.length, place, new Set(termStarts));
}

describe('insideLongerName, Chinese', () => {
  it('a chip word running on into a compound is not the chip', () => {
    expect(inside('中國芯片製造設備出口', '芯片')).toBe(true);
    expect(inside('中國芯片很好', '芯片')).toBe(false);
  });

  it('a head noun in the next few characters makes a longer name', () => {
    expect(inside('四川日报报道', '四川')).toBe(true);
    expect(inside('台湾科技大学的学生', '台湾')).toBe(true);
    expect(inside('四川很美', '四川')).toBe(false);
  });

  it('a company suffix after a place makes a company name, for places only', () => {
    expect(inside('贵州茅台酒股份有限公司', '贵州', { place: true })).toBe(true);
    expect(inside('贵州茅台酒股份有限公司', '贵州', { place: false })).toBe(false);
  });
});

describe('insideLongerName, hyphens', () => {
  it('a hyphen glued to a capitalised word makes another product', () => {
    expect(inside('CloudMatrix-Infer runs', 'CloudMatrix')).toBe(true);
  });

  it('not when a digit follows (a model of the same name), or another term starts there', () => {
    expect(inside('DeepSeek-R1 runs', 'DeepSeek')).toBe(false);
    expect(inside('the Trump-Xi call', 'Trump', { termStarts: [10] })).toBe(false);
    expect(inside('the Trump-Xi call', 'Trump')).toBe(true);
  });

  it('not after a term ending in a stop', () => {
    expect(inside('U.S.-China trade', 'U.S.')).toBe(false);
  });
});

describe('insideLongerName, capitalised words after', () => {
  it('a head noun among the next capitalised words', () => {
    expect(inside('the Guizhou Daily reported', 'Guizhou')).toBe(true);
    expect(inside('the Guizhou DAILY reported', 'Guizhou')).toBe(true);
    expect(inside('Huawei Mate Pro Tower', 'Huawei')).toBe(true);
  });

  it('looks at three words at most', () => {
    expect(inside('Huawei Mate Pro Max Tower', 'Huawei')).toBe(false);
  });

  it('reads a head noun through the stops and quote marks after it', () => {
    expect(inside('the ‘Guizhou Post.’ says', 'Guizhou')).toBe(true);
  });

  it('not when the capitalised words hold no head noun', () => {
    expect(inside('Huawei Mate phones', 'Huawei')).toBe(false);
  });
});

describe('insideLongerName, a place between capitals', () => {
  const filler = ' and more words after it to make the block long.';

  it('a place between two capitalised words mid-sentence, for places only', () => {
    expect(inside(`at the Global Taiwan Forum${filler}`, 'Taiwan', { place: true })).toBe(true);
    expect(inside(`at the Global Taiwan Forum${filler}`, 'Taiwan', { place: false })).toBe(false);
    expect(inside(`${filler} at the Global Taiwan Forum`, 'Taiwan', { place: true })).toBe(true);
  });

  it('not when the word before opens a sentence', () => {
    expect(inside(`In Taiwan Today${filler}`, 'Taiwan', { place: true })).toBe(false);
    expect(inside(`It rained. In Taiwan Today${filler}`, 'Taiwan', { place: true })).toBe(false);
    expect(inside(`He said: “Visit Taiwan Now${filler}`, 'Taiwan', { place: true })).toBe(false);
  });

  it('not when the word before is lower case, part of a longer word, or nothing follows', () => {
    expect(inside(`we met in Taiwan Today${filler}`, 'Taiwan', { place: true })).toBe(false);
    expect(inside(`the xGlobal Taiwan Forum${filler}`, 'Taiwan', { place: true })).toBe(false);
    expect(inside('at the Global Taiwan.', 'Taiwan', { place: true })).toBe(false);
  });
});

describe('insideLongerName, "of" and a capitalised word', () => {
  it('after a title-case term of several words', () => {
    expect(inside('the Export Control of Dual-Use Items', 'Export Control')).toBe(true);
  });

  it('after a term ending in a head noun, whatever its case', () => {
    expect(inside('the Entity list of Commerce', 'Entity list')).toBe(true);
  });

  it('not after a single word that is no head noun, nor without "of"', () => {
    expect(inside('Nvidia of Santa Clara', 'Nvidia')).toBe(false);
    expect(inside('the Export Control in Beijing', 'Export Control')).toBe(false);
    expect(inside('the Export Control of chips', 'Export Control')).toBe(false);
  });
});
