// @vitest-environment happy-dom
// Source badge tips name the paragraphs a claim rests on; year-only dates say the date is not given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';
import { digestDateText } from '../../../src/ui/digestDateText';
import { SourceBadges } from '../../../src/ui/SourceBadge';
import type { Translate } from '../../../src/ui/translate';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** chrome.i18n.getMessage over the real messages.json: named placeholders filled from $1, $2… */
function translator(locale: string): Translate {
  const file = join(import.meta.dirname, '../../../public/_locales', locale, 'messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
  return (key, substitutions) => {
    const m = messages[key];
    if (!m) return key;
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return m.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}

const source = (id: string) => digest.sources.find((s) => s.id === id);

afterEach(() => {
  document.body.innerHTML = '';
});

function tips(evidence?: Record<string, number[]>, locale = 'en'): string[] {
  const root = document.createElement('div');
  document.body.append(root);
  const sources = [source('explainer-2025'), source('worldcrunch-2025')];
  render(h(SourceBadges, { sources, evidence, t: translator(locale) }), root);
  return [...root.querySelectorAll('.tw-badge-where')].map((el) => el.textContent ?? '');
}

describe('source badge tips', () => {
  it('name one paragraph or several, per source', () => {
    expect(tips({ 'explainer-2025': [4], 'worldcrunch-2025': [13, 16] })).toEqual([
      'Paragraph 4 of Explainer',
      'Paragraphs 13, 16 of Worldcrunch',
    ]);
  });

  it('are in Chinese in the Chinese UI', () => {
    expect(tips({ 'explainer-2025': [4], 'worldcrunch-2025': [13, 16] }, 'zh_CN')).toEqual([
      'Explainer 第 4 段',
      'Worldcrunch 第 13, 16 段',
    ]);
  });

  it('say nothing about paragraphs without evidence, and the tip is the badge description', () => {
    expect(tips()).toEqual([]);
    const badge = document.querySelector('.tw-badge') as HTMLElement;
    const tip = document.getElementById(badge.getAttribute('aria-describedby') ?? '');
    expect(tip?.textContent).toContain('Unnamed news explainer');
  });

  it('every claim in the digest gets a paragraph line for each of its sources', () => {
    const fact = digest.entries.find((e) => e.id === 'deepseek')?.facts[0];
    expect(fact?.sources.length).toBeGreaterThan(1);
    const root = document.createElement('div');
    document.body.append(root);
    render(
      h(SourceBadges, { sources: (fact?.sources ?? []).map(source), evidence: fact?.evidence, t: translator('en') }),
      root,
    );
    expect(root.querySelectorAll('.tw-badge-where')).toHaveLength(fact?.sources.length ?? -1);
  });
});

describe('digestDateText', () => {
  const t = translator('en');
  it('says a year-only date is not given, keeping "~" for an inferred one', () => {
    expect(digestDateText({ date: '2025' }, t)).toBe('2025, date not given');
    expect(digestDateText({ date: '2025', approximate: true }, t)).toBe('~2025, date not given');
    expect(digestDateText({ date: '2025', approximate: true }, translator('zh_CN'))).toBe('~2025年，未给出具体日期');
  });

  it('leaves month and day dates as they are', () => {
    expect(digestDateText({ date: '2025-04' }, t, 'en-GB')).toBe('Apr 2025');
    expect(digestDateText({ date: '2025-04-25', approximate: true }, t, 'en-GB')).toBe('~25 Apr 2025');
  });
});
