// Every string the popup, options page and background show comes from _locales, in English and
// in real Chinese, with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../../src/digest';

const REPO = resolve(import.meta.dirname, '../../..');
const OUR_PREFIXES = /^(popup|options|bg)_/;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function locale(name: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(REPO, 'public/_locales', name, 'messages.json'), 'utf8'));
}

function sources(): string[] {
  const dirs = ['src/popup', 'src/options', 'src/background'].map((d) => join(REPO, d));
  const files = dirs.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));
  const ui = readdirSync(join(REPO, 'src/ui'))
    .filter((f) => /^(Popup|Options|Switch)/.test(f))
    .map((f) => join(REPO, 'src/ui', f));
  return [...files, ...ui].filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(f, 'utf8'));
}

/** Literal message names in the code: 'popup_x', "options_y", and the fixed ones built from a prefix. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of sources()) {
    for (const m of text.matchAll(/['"`]((?:popup|options|bg|card|cmd)[A-Za-z_]*)['"`]/g)) keys.add(m[1] as string);
  }
  for (const style of ['underline', 'background', 'both']) keys.add(`options_style_${style}`);
  for (const topic of digest.topics) {
    keys.add(`popup_topic_${topic.id}`);
    keys.add(`popup_topicHint_${topic.id}`);
  }
  // Prefixes of keys built at runtime are not keys themselves.
  for (const prefix of ['popup_topic_', 'popup_topicHint_', 'options_style_']) keys.delete(prefix);
  return keys;
}

const en = locale('en');
const zh = locale('zh_CN');

describe('popup, options and background strings', () => {
  const keys = [...usedKeys()];

  it('finds the keys in the code', () => {
    expect(keys.length).toBeGreaterThan(60);
    expect(keys).toContain('popup_onThisPage');
    expect(keys).toContain('options_resetConfirm');
    expect(keys).toContain('bg_lookupSelection');
  });

  it.each(keys)('%s exists in en and zh_CN', (key) => {
    expect(en[key]?.message, `en ${key}`).toBeTruthy();
    expect(zh[key]?.message, `zh_CN ${key}`).toBeTruthy();
  });

  it('has the same keys and placeholders in both languages', () => {
    const ours = (messages: Record<string, Message>) => Object.keys(messages).filter((k) => OUR_PREFIXES.test(k));
    expect(ours(zh).sort()).toEqual(ours(en).sort());
    for (const key of ours(en)) {
      const names = (m: Message | undefined) => Object.keys(m?.placeholders ?? {}).sort();
      expect(names(zh[key]), key).toEqual(names(en[key]));
      for (const name of names(en[key])) {
        expect(en[key]?.message, key).toContain(`$${name.toUpperCase()}$`);
        expect(zh[key]?.message, key).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('is translated into Chinese, not copied', () => {
    const untranslatable = new Set(['popup_lang']);
    for (const key of Object.keys(zh).filter((k) => OUR_PREFIXES.test(k) && !untranslatable.has(k))) {
      expect(zh[key]?.message, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('keeps %s in the context menu title, where the browser puts the selection', () => {
    expect(en.bg_lookupSelection?.message).toContain('%s');
    expect(zh.bg_lookupSelection?.message).toContain('%s');
  });
});
