import type { ReaderContext } from './ReaderContext';
import { ReaderDispute } from './ReaderDispute';
import { ReaderViewHeader } from './ReaderViewHeader';

/** Every question the sources disagree on. */
export function ReaderDisputes({ ctx }: { ctx: ReaderContext }) {
  return (
    <div class="tw-reader-view">
      <ReaderViewHeader title={ctx.t('reader_disputes_title')} intro={ctx.t('reader_disputes_intro')} />
      {ctx.lookup.digest.disputes.map((dispute) => (
        <ReaderDispute key={dispute.id} ctx={ctx} dispute={dispute} headingLevel={2} />
      ))}
    </div>
  );
}
