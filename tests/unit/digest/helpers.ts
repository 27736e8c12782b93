// Shared helpers for the digest tests: a minimal valid digest to break, and seed-text utilities.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Digest } from '../../../src/digest/schema';
import { findSeedsDir } from '../../tools/seeds-dir';

const here = path.dirname(fileURLToPath(import.meta.url));

export const SEEDS_DIR = findSeedsDir(path.resolve(here, '../../..'));
export const DIGEST_FILE = path.resolve(here, '../../../src/digest/digest.json');

export const seedsPresent =
  existsSync(SEEDS_DIR) && readdirSync(SEEDS_DIR).some((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f));

export function readSeed(file: string): string {
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_[0-9a-f]{16}\.txt$/.test(f))
    .sort();
}

export function readDigestJson(): unknown {
  return JSON.parse(readFileSync(DIGEST_FILE, 'utf8'));
}

/** Lower case, curly apostrophes to straight, every other punctuation mark to a space. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
}

export function nGrams(text: string, n: number): string[] {
  const ws = words(text);
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

/** Every string in a JSON value with its path, e.g. `entries[3].facts[0].text`. */
export function stringsWithPaths(value: unknown, at = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsWithPaths(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, item]) => stringsWithPaths(item, at ? `${at}.${k}` : k));
  }
  return [];
}

/** A small digest that passes validation; tests clone it and break one thing. */
export function minimalDigest(): Digest {
  return {
    version: 1,
    sources: [
      {
        id: 'src-a',
        file: '000_0123456789abcdef.txt',
        outlet: 'Example Outlet',
        short: 'Example',
        kind: 'news',
        date: { date: '2025-04', approximate: true },
        description: 'A made-up source for tests.',
        contributes: 'Everything in this fixture.',
      },
    ],
    topics: [
      { id: 'chips', label: 'Chips', description: 'Chips.', color: { light: '#1f5fbf', dark: '#6ea8ff' } },
      { id: 'people', label: 'People', description: 'People.', color: { light: '#b0227a', dark: '#ff85c8' } },
    ],
    entries: [
      {
        id: 'alpha',
        name: 'Alpha Corp',
        kind: 'company',
        topics: ['chips'],
        aliases: ['Alpha Corp', { text: 'Alpha', caseSensitive: true }],
        summary: { text: 'A company.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        gist: { text: 'A company that makes chips.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        facts: [
          { text: 'It makes chips.', sources: ['src-a'], evidence: { 'src-a': [1] }, label: 'reported' },
          {
            text: 'It will win.',
            sources: ['src-a'],
            evidence: { 'src-a': [1] },
            label: 'forecast',
            by: 'Some Analyst',
          },
        ],
        cardFacts: [1, 0],
        quotes: [{ speaker: 'Bea Beta', text: 'exact words', source: 'src-a', context: 'On Alpha.' }],
        related: ['beta'],
      },
      {
        id: 'beta',
        name: 'Bea Beta',
        kind: 'person',
        topics: ['people', 'chips'],
        aliases: ['Bea Beta', { text: 'Beta', caseSensitive: true, afterEntry: true }],
        summary: { text: 'A person.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        gist: { text: 'A person.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        facts: [],
        cardFacts: [],
        quotes: [],
        related: ['alpha'],
      },
    ],
    timeline: [
      {
        id: 'launch',
        date: { date: '2024-02-29' },
        text: 'Alpha launches.',
        sources: ['src-a'],
        evidence: { 'src-a': [1] },
        entries: ['alpha'],
      },
    ],
    disputes: [
      {
        id: 'who-wins',
        question: 'Will Alpha win?',
        entries: ['alpha', 'beta'],
        sides: [
          { text: 'Yes.', sources: ['src-a'], evidence: { 'src-a': [1] } },
          { text: 'No.', sources: ['src-a'], evidence: { 'src-a': [1] } },
        ],
      },
    ],
    briefing: [
      {
        id: 'what-happened',
        title: 'What happened',
        paragraphs: [{ text: 'Alpha launched.', sources: ['src-a'], evidence: { 'src-a': [1] } }],
      },
    ],
  };
}

export type MinimalDigest = Digest;
