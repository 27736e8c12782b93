// Names interrupted by quote marks or a parenthesised abbreviation: the bridged reading of a block
// and the map back to the block's offsets.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Bridged, bridgeInterruptions, crossesCut } from '../../../src/matcher/interruptions';

/** [from, to) as a list of offsets. */
const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('bridgeInterruptions', () => {
  it('has nothing to bridge in a block with no quote mark or parenthesis', () => {
    expect(bridgeInterruptions('Huawei ships chips')).toBeNull();
  });

  it('has nothing to bridge when the only quote mark is an apostrophe inside a word', () => {
    expect(bridgeInterruptions('Huawei’s chips')).toBeNull();
  });

  it('takes out the quote marks around a few words', () => {
    // the ‘Unreliable Entity’ List: quotes at 4 and 22
    expect(bridgeInterruptions('the ‘Unreliable Entity’ List')).toEqual({
      text: 'the Unreliable Entity List',
      toBlock: [...span(0, 4), ...span(5, 22), ...span(23, 28)],
    });
  });

  it('takes out a parenthesised abbreviation and all the white space before it', () => {
    // Intelligence  (AI) Plus: the two spaces at 12-13 and "(AI)" at 14-17 go
    expect(bridgeInterruptions('Intelligence  (AI) Plus')).toEqual({
      text: 'Intelligence Plus',
      toBlock: [...span(0, 12), ...span(18, 23)],
    });
  });

  it('takes out an abbreviation at the very start of the block', () => {
    expect(bridgeInterruptions('(AI) Plus')).toEqual({ text: ' Plus', toBlock: span(4, 9) });
  });

  it('bridges cuts in text order whichever kind comes first', () => {
    // "(AI)" at 11-14 with its space at 10; quotes at 28 and 40
    const text = 'Artificial (AI) Plus and the ‘Entity’ List';
    expect(bridgeInterruptions(text)?.text).toBe('Artificial Plus and the Entity List');
  });

  it('bridges an abbreviation that starts right where a quote mark ends', () => {
    expect(bridgeInterruptions('‘(AI) Plus’ now')?.text).toBe(' Plus now');
  });
});

describe('crossesCut', () => {
  // Bridged in each test, not in the describe body: Stryker switches a mutant on only after collection.
  let bridged: Bridged;
  beforeEach(() => {
    bridged = bridgeInterruptions('the ‘Unreliable Entity’ List') as Bridged;
  });

  it('is true for a span only the bridged reading has', () => {
    expect(crossesCut(bridged, 4, 26)).toBe(true); // Unreliable Entity List
    expect(crossesCut(bridged, 15, 26)).toBe(true); // Entity List
  });

  it('is false for a span that reads the same in the block', () => {
    expect(crossesCut(bridged, 4, 14)).toBe(false); // Unreliable
    expect(crossesCut(bridged, 15, 21)).toBe(false); // Entity
    expect(crossesCut(bridged, 22, 26)).toBe(false); // List
    expect(crossesCut(bridged, 0, 3)).toBe(false); // the
  });
});
