// The scanner's alphabet: one symbol per character the aliases use, shared by its case variants
// and by the characters that stand for it.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildClassTable, type ClassTable, IGNORE, OTHER, termSymbols } from '../../../src/matcher/char-classes';

const code = (ch: string) => ch.charCodeAt(0);

describe('buildClassTable', () => {
  // Built in each test, not in the describe body: Stryker switches a mutant on only after collection.
  let table: ClassTable;
  beforeEach(() => {
    table = buildClassTable(['ab', "b c'd"]);
  });

  it('numbers the characters in order of first use, after OTHER', () => {
    expect(['a', 'b', ' ', 'c', "'", 'd'].map((ch) => table.classes[code(ch)])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(table.symbolCount).toBe(7);
  });

  it('gives case variants the same symbol', () => {
    expect(table.classes[code('A')]).toBe(1);
    expect(table.classes[code('D')]).toBe(6);
  });

  it('gives white space, hyphen and apostrophe variants the symbol of what they stand for', () => {
    expect(table.spaceSymbol).toBe(3);
    expect(table.classes[0xa0]).toBe(3);
    expect(table.classes[0x3000]).toBe(3);
    expect(table.classes[0x2019]).toBe(5);
  });

  it('skips ignorables and leaves every other character OTHER', () => {
    expect(table.classes[0xad]).toBe(IGNORE);
    expect(table.classes[0x200b]).toBe(IGNORE);
    expect(table.classes[code('z')]).toBe(OTHER);
    expect(table.classes[0x2010]).toBe(OTHER); // no alias has a hyphen
  });

  it('has no space symbol when no alias holds a space', () => {
    const spaceless = buildClassTable(['de-risking']);
    expect(spaceless.spaceSymbol).toBe(-1);
    expect(spaceless.classes[0xa0]).toBe(OTHER);
    expect(spaceless.classes[0x2011]).toBe(spaceless.classes[code('-')]);
  });
});

describe('termSymbols', () => {
  it('spells a term in symbols, OTHER for characters the table does not know', () => {
    const table = buildClassTable(['ab']);
    expect(termSymbols(table, 'bAz')).toEqual([2, 1, OTHER]);
  });
});
