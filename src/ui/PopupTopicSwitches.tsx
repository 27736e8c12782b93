import type { Topic } from '../digest/schema';
import { Switch } from './Switch';
import type { Translate } from './translate';

/**
 * A topic's label in the UI language. The digest writes topics in English; a topic added to the
 * digest before its translation still shows, in English.
 */
export function topicLabel(t: Translate, topic: Topic): string {
  return translated(t, `popup_topic_${topic.id}`, topic.label);
}

function topicDescription(t: Translate, topic: Topic): string {
  return translated(t, `popup_topicHint_${topic.id}`, topic.description);
}

function translated(t: Translate, key: string, fallback: string): string {
  // Message names allow only letters, digits and "_"; topic ids are kebab-case.
  const name = key.replaceAll('-', '_');
  const text = t(name);
  return text && text !== name ? text : fallback;
}

export interface PopupTopicSwitchesProps {
  t: Translate;
  topics: readonly Topic[];
  disabledTopics: readonly string[];
  theme: 'light' | 'dark';
  /** Each description on screen under its switch (the options page); otherwise a tooltip (the popup). */
  withDescriptions?: boolean;
  onChange: (disabledTopics: string[]) => void;
}

/** One switch per digest topic, shared by the popup and the options page. */
export function PopupTopicSwitches({
  t,
  topics,
  disabledTopics,
  theme,
  withDescriptions = false,
  onChange,
}: PopupTopicSwitchesProps) {
  const toggle = (topicId: string, on: boolean) => {
    const others = disabledTopics.filter((id) => id !== topicId);
    onChange(on ? others : [...others, topicId]);
  };
  return (
    <ul class={withDescriptions ? 'tw-switches tw-switches-described' : 'tw-switches'}>
      {topics.map((topic) => {
        const hintId = `tw-topic-hint-${topic.id}`;
        const description = topicDescription(t, topic);
        return (
          <li key={topic.id}>
            <Switch
              label={topicLabel(t, topic)}
              topicId={topic.id}
              color={topic.color[theme]}
              checked={!disabledTopics.includes(topic.id)}
              description={withDescriptions ? undefined : description}
              describedBy={withDescriptions ? hintId : undefined}
              onChange={(on) => toggle(topic.id, on)}
            />
            {withDescriptions ? (
              <p id={hintId} class="tw-hint tw-switch-hint">
                {description}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
