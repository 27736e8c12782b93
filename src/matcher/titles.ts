// A surname alone names the person only once the full name was on the page (afterEntry), or with a
// title attached: "President Xi", "Mr Huang", "Nvidia CEO Huang". The highlight then covers the title.

const TITLES =
  'President|Chairman|Chairwoman|Premier|Leader|General Secretary|Secretary|Prime Minister|Minister|Mr|Mrs|Ms|Dr|Prof|Professor|CEO|chief executive|founder|Chief Executive|Founder';
const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:${TITLES})\\.?\\s+)$`, 'u');
const STARTS_WITH_TITLE = new RegExp(`^(?:${TITLES})\\b`, 'u');
const CJK = /\p{scx=Han}/u;

/** Where a title right before `start` begins, or -1 when there is none. */
export function titleStart(text: string, start: number): number {
  const found = TITLE_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  return found ? start - (found[1] as string).length : -1;
}

/**
 * Whether an alias of a person is a full name that lets the surname stand alone later on the page:
 * Chinese script, or two or more capitalised words not opening with a title ("Donald J. Trump",
 * "Xi Jinping"; not "President Trump", not "Trump administration").
 */
export function isFullName(alias: string): boolean {
  if (CJK.test(alias)) return true;
  const words = alias.split(/\s+/u);
  return words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w)) && !STARTS_WITH_TITLE.test(alias);
}
