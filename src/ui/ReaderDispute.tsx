import type { Dispute } from '../digest/schema';
import { ReaderCited } from './ReaderCited';
import { DIGEST_LANG, type ReaderContext } from './ReaderContext';
import { ReaderEntryLinks } from './ReaderEntryLinks';

export interface ReaderDisputeProps {
  ctx: ReaderContext;
  dispute: Dispute;
  /** h2 on the disputes view, h3 inside an entry. */
  headingLevel: 2 | 3;
  /** The entry whose page this is, left out of the entries the dispute involves. */
  entryId?: string;
}

/** A question the sources disagree on: every side, side by side, each with its sources. */
export function ReaderDispute({ ctx, dispute, headingLevel, entryId }: ReaderDisputeProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `tw-reader-dispute-${dispute.id}`;
  return (
    <section class="tw-reader-dispute" aria-labelledby={headingId} data-dispute-id={dispute.id}>
      <Heading id={headingId} lang={DIGEST_LANG}>
        {dispute.question}
      </Heading>
      <ul class="tw-reader-sides" aria-label={ctx.t('reader_dispute_sides')}>
        {dispute.sides.map((side) => (
          <li key={side.text}>
            <ReaderCited cited={side} ctx={ctx} />
          </li>
        ))}
      </ul>
      <ReaderEntryLinks ctx={ctx} ids={dispute.entries} except={entryId} label={ctx.t('reader_involves')} />
    </section>
  );
}
