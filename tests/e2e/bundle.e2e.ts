// What every page compiles: the built content script carries the matcher's slice of the digest,
// not the card's text, which the background sends when a page opens its first card.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/digest';
import { DIST, DIST_FIREFOX, DIST_PROFILE } from './support/paths';

const CONTENT_SCRIPT = 'src/content/main.js';
const CARD_FIELDS = ['name', 'summary', 'gist', 'facts', 'quotes', 'related', 'timeline', 'disputes', 'briefing'];

describe.each([DIST, DIST_FIREFOX, DIST_PROFILE])('the content script in %s', (dist) => {
  const script = readFileSync(resolve(dist, CONTENT_SCRIPT), 'utf8');

  // Named lists, not toContain on the script: a failure then names what is wrong, not 120 KB of code.
  it('holds every entry’s aliases', () => {
    expect(script.includes('"aliases":')).toBe(true);
    expect(digest.entries.filter((e) => !script.includes(`"id":"${e.id}"`)).map((e) => e.id)).toEqual([]);
  });

  it('holds none of the card’s text', () => {
    expect(CARD_FIELDS.filter((field) => script.includes(`"${field}":`))).toEqual([]);
    expect(digest.entries.filter((e) => script.includes(e.gist.text.slice(0, 40))).map((e) => e.id)).toEqual([]);
    expect(digest.sources.filter((s) => script.includes(s.description.slice(0, 40))).map((s) => s.id)).toEqual([]);
  });
});
