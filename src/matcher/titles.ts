// A surname alone names the person only once the full name was on the page (afterEntry), or with a
// title attached: "President Xi", "Mr Huang", "Nvidia CEO Huang". The highlight then covers the title.

const TITLE_BEFORE =
  /(?:^|[^\p{L}])((?:President|Chairman|Chairwoman|Premier|Leader|General Secretary|Secretary|Prime Minister|Minister|Mr|Mrs|Ms|Dr|Prof|Professor|CEO|chief executive|founder|Chief Executive|Founder)\.?\s+)$/u;

/** Where a title right before `start` begins, or -1 when there is none. */
export function titleStart(text: string, start: number): number {
  const found = TITLE_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  return found ? start - (found[1] as string).length : -1;
}
