import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { SourceBadges } from './SourceBadge';

/** A statement from the digest followed by the badges of the sources behind it. */
export function ReaderCited({ text, sources, ctx }: { text: string; sources: readonly string[]; ctx: ReaderContext }) {
  return (
    <>
      <span lang={DIGEST_LANG}>{text}</span>{' '}
      <SourceBadges sources={sources.map((id) => ctx.lookup.source(id))} t={ctx.t} />
    </>
  );
}
