import type { DigestLookup } from '../digest/lookup';
import { DIGEST_LANG } from './ReaderContext';
import { SourceBadges } from './SourceBadge';

/** A statement from the digest followed by the badges of the sources behind it. */
export function ReaderCited({
  text,
  sources,
  lookup,
}: {
  text: string;
  sources: readonly string[];
  lookup: DigestLookup;
}) {
  return (
    <>
      <span lang={DIGEST_LANG}>{text}</span> <SourceBadges sources={sources.map((id) => lookup.source(id))} />
    </>
  );
}
