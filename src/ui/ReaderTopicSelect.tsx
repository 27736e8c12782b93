import type { ReaderContext } from './ReaderContext';

/** A labelled topic filter; the empty choice means every topic. */
export function ReaderTopicSelect({
  ctx,
  value,
  onChange,
}: {
  ctx: ReaderContext;
  value: string | undefined;
  onChange: (topicId: string | undefined) => void;
}) {
  return (
    <label class="tw-reader-filter">
      <span>{ctx.t('reader_filter_topic')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)}>
        <option value="">{ctx.t('reader_filter_any_topic')}</option>
        {ctx.lookup.digest.topics.map((topic) => (
          <option key={topic.id} value={topic.id}>
            {topic.label}
          </option>
        ))}
      </select>
    </label>
  );
}
