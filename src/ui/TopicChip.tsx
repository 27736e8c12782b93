import type { Topic } from '../digest/schema';

export function TopicChip({ topic, theme }: { topic: Topic; theme: 'light' | 'dark' }) {
  return (
    <span class="tw-chip" style={{ '--tw-topic': topic.color[theme] }}>
      <span class="tw-chip-dot" aria-hidden="true" />
      {topic.label}
    </span>
  );
}
