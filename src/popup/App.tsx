import type { DigestLookup } from '../digest/lookup';
import type { PageState } from '../messages/contract';
import type { Settings } from '../settings/defaults';
import { Switch } from '../ui/Switch';

export interface PageSummary {
  entries: readonly { id: string; count: number }[];
  total: number;
  state: PageState;
}

export interface PopupProps {
  lookup: DigestLookup;
  settings: Settings;
  /** Undefined while loading or when the extension does not run on this tab. */
  summary: PageSummary | undefined | 'unavailable';
  theme: 'light' | 'dark';
  onSetEnabled: (enabled: boolean) => void;
  onToggleTopic: (topicId: string, on: boolean) => void;
}

function emptyReason(summary: PopupProps['summary']): string | undefined {
  if (summary === undefined) return 'Reading the page…';
  if (summary === 'unavailable') return 'TechWar Lens does not run on this page.';
  if (summary.state === 'disabled') return 'Highlighting is switched off.';
  if (summary.state === 'paused') return 'Paused on this site.';
  if (summary.entries.length === 0) return 'No terms from the digest on this page.';
  return undefined;
}

export function App({ lookup, settings, summary, theme, onSetEnabled, onToggleTopic }: PopupProps) {
  const reason = emptyReason(summary);
  const found = typeof summary === 'object' ? summary.entries : [];
  const byTopic = lookup.digest.topics
    .map((topic) => ({ topic, entries: found.filter((e) => lookup.primaryTopic(e.id) === topic.id) }))
    .filter((group) => group.entries.length > 0);

  return (
    <main class={`tw-popup tw-${theme}`}>
      <header class="tw-popup-head">
        <h1>TechWar Lens</h1>
        <Switch label="Highlight terms" checked={settings.enabled} onChange={onSetEnabled} />
      </header>

      <section aria-labelledby="on-page">
        <h2 id="on-page">On this page</h2>
        {reason ? (
          <p class="tw-empty">{reason}</p>
        ) : (
          byTopic.map(({ topic, entries }) => (
            <div key={topic.id} class="tw-group">
              <h3 style={{ '--tw-topic': topic.color[theme] }}>{topic.label}</h3>
              <ul>
                {entries.map((e) => (
                  <li key={e.id} data-entry-id={e.id}>
                    <span class="tw-entry-name">{lookup.entry(e.id)?.name ?? e.id}</span>
                    <span class="tw-entry-count">{e.count}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="topics">
        <h2 id="topics">Topics</h2>
        <div class="tw-switches">
          {lookup.digest.topics.map((topic) => (
            <Switch
              key={topic.id}
              label={topic.label}
              description={topic.description}
              topicId={topic.id}
              color={topic.color[theme]}
              checked={!settings.disabledTopics.includes(topic.id)}
              onChange={(on) => onToggleTopic(topic.id, on)}
            />
          ))}
        </div>
      </section>
    </main>
  );
}
