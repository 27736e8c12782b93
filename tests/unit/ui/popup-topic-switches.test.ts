// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { digest } from '../../../src/digest';
import { PopupTopicSwitches, topicLabel } from '../../../src/ui/PopupTopicSwitches';
import type { Translate } from '../../../src/ui/translate';

/** Translates the chips topic only, the way the browser answers a missing message with the key. */
const t: Translate = (key) => ({ popup_topic_chips: '芯片与硬件', popup_topicHint_chips: '处理器。' })[key] ?? key;

function mount(disabledTopics: string[], withDescriptions = false) {
  const onChange = vi.fn();
  const root = document.createElement('div');
  document.body.append(root);
  // A .ts test file (the unit config's pattern), so h() rather than JSX.
  render(
    h(PopupTopicSwitches, { t, topics: digest.topics, disabledTopics, theme: 'dark', withDescriptions, onChange }),
    root,
  );
  const toggle = (id: string) => root.querySelector(`[data-topic-id="${id}"]`) as HTMLButtonElement;
  return { root, onChange, toggle };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PopupTopicSwitches', () => {
  it('renders one switch per topic, as the contract in ARCHITECTURE.md says', () => {
    const { root, toggle } = mount(['ai']);
    const switches = root.querySelectorAll('[role="switch"][data-topic-id]');
    expect([...switches].map((s) => s.getAttribute('data-topic-id'))).toEqual(digest.topics.map((topic) => topic.id));
    expect(toggle('ai').getAttribute('aria-checked')).toBe('false');
    expect(toggle('chips').getAttribute('aria-checked')).toBe('true');
    expect(toggle('chips').style.getPropertyValue('--tw-switch-on')).toBe(digest.topics[0]?.color.dark);
  });

  it('reports the whole new list of switched-off topics', () => {
    const { toggle, onChange } = mount(['ai']);
    toggle('chips').click();
    expect(onChange).toHaveBeenLastCalledWith(['ai', 'chips']);
    toggle('ai').click();
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('uses the UI language, and the digest’s English where a topic has no translation yet', () => {
    const { toggle } = mount([]);
    const chips = digest.topics.find((topic) => topic.id === 'chips');
    const ai = digest.topics.find((topic) => topic.id === 'ai');
    expect(toggle('chips').textContent).toBe('芯片与硬件');
    expect(toggle('ai').textContent).toBe(ai?.label);
    expect(chips && topicLabel(t, chips)).toBe('芯片与硬件');
  });

  it('puts descriptions on screen, tied to their switch, when asked', () => {
    const { root, toggle } = mount([], true);
    const hint = root.querySelector(`#${toggle('chips').getAttribute('aria-describedby')}`);
    expect(hint?.textContent).toBe('处理器。');
    expect(toggle('chips').title).toBe('');
    const tooltip = mount([]).toggle('chips');
    expect(tooltip.title).toBe('处理器。');
    expect(tooltip.hasAttribute('aria-describedby')).toBe(false);
  });
});
