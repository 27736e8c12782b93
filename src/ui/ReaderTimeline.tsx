import { timelineInDateOrder } from '../digest/lookup';
import type { ReaderContext } from './ReaderContext';
import { ReaderEvent } from './ReaderEvent';
import { ReaderTopicSelect } from './ReaderTopicSelect';
import { ReaderViewHeader } from './ReaderViewHeader';

export interface ReaderTimelineProps {
  ctx: ReaderContext;
  /** Keep the events that involve an entry with this topic. */
  topic: string | undefined;
  onTopicChange: (topic: string | undefined) => void;
}

/** Every dated event, earliest first, each date only as precise as the sources allow. */
export function ReaderTimeline({ ctx, topic, onTopicChange }: ReaderTimelineProps) {
  const { lookup, t } = ctx;
  const events = timelineInDateOrder(lookup.digest.timeline).filter(
    (event) => topic === undefined || event.entries.some((id) => lookup.entry(id)?.topics.includes(topic)),
  );
  return (
    <div class="tw-reader-view">
      <ReaderViewHeader title={t('reader_timeline_title')} intro={t('reader_timeline_intro')} />
      <div class="tw-reader-filters">
        <ReaderTopicSelect ctx={ctx} value={topic} onChange={onTopicChange} />
      </div>
      <p class="tw-reader-status" role="status">
        {events.length === 1 ? t('reader_events_one') : t('reader_events_many', String(events.length))}
      </p>
      {events.length > 0 ? (
        <ol class="tw-reader-timeline" aria-label={t('reader_timeline_title')}>
          {events.map((event) => (
            <ReaderEvent key={event.id} ctx={ctx} event={event} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}
