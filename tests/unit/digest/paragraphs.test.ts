import { describe, expect, it } from 'vitest';
import { seedParagraphs } from '../../../src/digest/paragraphs';

describe('seedParagraphs', () => {
  it('counts non-empty lines from 1, skipping blank and white-space-only lines', () => {
    const paragraphs = seedParagraphs('Title\n\nFirst.\r\n   \n\tSecond.  \rThird.\n');
    expect(paragraphs).toEqual(['Title', 'First.', 'Second.', 'Third.']);
    expect(paragraphs[3 - 1]).toBe('Second.');
  });

  it('gives nothing for an empty text', () => {
    expect(seedParagraphs('\n \n')).toEqual([]);
  });
});
