import type { CitedText } from '../digest/schema';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { SourceBadges } from './SourceBadge';

/** A statement from the digest followed by the badges of the sources behind it, each naming its paragraphs. */
export function ReaderCited({ cited, ctx }: { cited: CitedText; ctx: ReaderContext }) {
  return (
    <>
      <span lang={DIGEST_LANG}>{cited.text}</span>{' '}
      <SourceBadges sources={cited.sources.map((id) => ctx.lookup.source(id))} evidence={cited.evidence} t={ctx.t} />
    </>
  );
}
