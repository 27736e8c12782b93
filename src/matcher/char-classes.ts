// The scanner's alphabet. Only characters that occur in some alias (and their case variants)
// get a symbol, which keeps automaton rows short; a lookup table indexed by code unit turns
// page text into symbols without any per-character string work.
import { caseVariants, foldCodeUnit, SKIP, SPACE, SUBSTITUTES } from './normalise';

/** Class of ignorable code units: the scanner steps over them without changing state. */
export const IGNORE = -1;
/** Class of every code unit no alias uses: it sends the automaton back to its root. */
export const OTHER = 0;

export interface ClassTable {
  /** Symbol (or IGNORE / OTHER) of each UTF-16 code unit. */
  readonly classes: Int16Array;
  /** Number of symbols, OTHER included: the width of an automaton row. */
  readonly symbolCount: number;
  /** The symbol every white space character maps to, or -1 when no alias contains a space. */
  readonly spaceSymbol: number;
}

/** Builds the table from normalised terms (see normaliseTerm); all case variants of a character share its symbol. */
export function buildClassTable(terms: readonly string[]): ClassTable {
  const classes = new Int16Array(0x10000);
  let symbolCount = 1;
  for (const term of terms) {
    // Stryker disable next-line EqualityOperator: equivalent, one step past the end reads classes[NaN], undefined, and skips it
    for (let i = 0; i < term.length; i++) {
      const unit = term.charCodeAt(i);
      if (classes[unit] !== OTHER) continue;
      const symbol = symbolCount++;
      for (const variant of caseVariants(foldCodeUnit(unit))) classes[variant] = symbol;
    }
  }
  // Characters that stand for another one inside a term (white space, hyphen and apostrophe
  // variants) take that one's symbol; ignorables are skipped.
  for (const [code, unit] of SUBSTITUTES) classes[code] = unit === SKIP ? IGNORE : (classes[unit] ?? OTHER);
  const spaceSymbol = classes[SPACE] ?? OTHER;
  return { classes, symbolCount, spaceSymbol: spaceSymbol === OTHER ? -1 : spaceSymbol };
}

/** A term as the sequence of symbols the automaton consumes: case is already folded away. */
export function termSymbols(table: ClassTable, term: string): number[] {
  const symbols: number[] = [];
  for (let i = 0; i < term.length; i++) symbols.push(table.classes[term.charCodeAt(i)] ?? OTHER);
  return symbols;
}
