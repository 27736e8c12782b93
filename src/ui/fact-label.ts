// The one place fact labels become `_locales` keys, for the card, the popup and the reader.
import type { FactLabel } from '../digest/schema';

/** A labelled fact's key; the card and popup leave reported facts unlabelled. */
export function factLabelKey(label: Exclude<FactLabel, 'reported'>): string {
  return `card_label_${label}`;
}

/** The reader labels every fact: reported ones get a word of their own. */
export function readerFactLabelKey(label: FactLabel): string {
  return label === 'reported' ? 'reader_label_reported' : factLabelKey(label);
}
