import type { TimelineEvent } from '../digest/schema';
import { ReaderCited } from './ReaderCited';
import type { ReaderContext } from './ReaderContext';
import { ReaderDate } from './ReaderDate';
import { ReaderEntryLinks } from './ReaderEntryLinks';

/** One dated event as a list item: its date, what happened with sources, and the entries it involves. */
export function ReaderEvent({ ctx, event, entryId }: { ctx: ReaderContext; event: TimelineEvent; entryId?: string }) {
  return (
    <li class="tw-reader-event" data-event-id={event.id}>
      <ReaderDate date={event.date} locale={ctx.locale} t={ctx.t} />
      <div class="tw-reader-event-body">
        <p>
          <ReaderCited cited={event} ctx={ctx} />
        </p>
        <ReaderEntryLinks ctx={ctx} ids={event.entries} except={entryId} label={ctx.t('reader_involves')} />
      </div>
    </li>
  );
}
