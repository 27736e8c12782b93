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

  it('holds every entry’s aliases', () => {
    expect(script).toContain('"aliases":');
    for (const entry of digest.entries) expect(script).toContain(`"id":"${entry.id}"`);
  });

  it('holds none of the card’s text', () => {
    for (const field of CARD_FIELDS) expect(script).not.toContain(`"${field}":`);
    for (const entry of digest.entries) expect(script).not.toContain(entry.gist.text.slice(0, 40));
    for (const source of digest.sources) expect(script).not.toContain(source.description.slice(0, 40));
  });
});
