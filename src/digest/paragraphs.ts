// How evidence pointers count a seed's paragraphs. Pure: the review tool and the seed tests share it.

/**
 * A seed's paragraphs are its non-empty lines (a line of only white space is empty), numbered from 1
 * in file order. Returns them trimmed; paragraph n is at index n - 1.
 */
export function seedParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
