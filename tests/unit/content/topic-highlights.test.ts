// The highlight registry as the page's frames see it: with a pass holding changes, the registry
// changes once at release (or once MAX_HOLD_MS have gone by), not at every range added.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_HOLD_MS, TopicHighlights, topicHighlightName } from '../../../src/content/topic-highlights';

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

let now = 0;
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  now = 0;
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const range = () => ({}) as AbstractRange;
const shown = (topic: string) => registry.get(topicHighlightName(topic))?.size ?? 0;

function activeHighlights() {
  const highlights = new TopicHighlights(['chips', 'ai']);
  highlights.show(new Set());
  return highlights;
}

describe('TopicHighlights', () => {
  it('registers a topic with its first range and unregisters it with its last', () => {
    const highlights = activeHighlights();
    const r = range();
    highlights.add('chips', r);
    expect(shown('chips')).toBe(1);
    highlights.delete('chips', r);
    expect(registry.has(topicHighlightName('chips'))).toBe(false);
  });

  it('holds changes back until release', () => {
    const highlights = activeHighlights();
    const kept = range();
    highlights.add('chips', kept);
    highlights.hold();
    const added = [range(), range(), range()];
    for (const r of added) highlights.add('ai', r);
    highlights.delete('chips', kept);
    expect(shown('ai')).toBe(0);
    expect(shown('chips')).toBe(1);
    highlights.release();
    expect(shown('ai')).toBe(3);
    expect(registry.has(topicHighlightName('chips'))).toBe(false);
  });

  it('keeps the last change made to a range while holding', () => {
    const highlights = activeHighlights();
    highlights.hold();
    const gone = range();
    const back = range();
    highlights.add('ai', gone);
    highlights.delete('ai', gone);
    highlights.delete('ai', back);
    highlights.add('ai', back);
    highlights.release();
    const hl = registry.get(topicHighlightName('ai'));
    expect(hl?.has(back)).toBe(true);
    expect(hl?.has(gone)).toBe(false);
  });

  it('applies held changes once MAX_HOLD_MS have gone by, and holds the ones after', () => {
    const highlights = activeHighlights();
    highlights.hold();
    highlights.add('ai', range());
    now = MAX_HOLD_MS - 1;
    highlights.add('ai', range());
    expect(shown('ai')).toBe(0);
    now = MAX_HOLD_MS;
    highlights.add('ai', range());
    expect(shown('ai')).toBe(3);
    now = MAX_HOLD_MS + 10;
    highlights.add('ai', range());
    expect(shown('ai')).toBe(3);
    highlights.release();
    expect(shown('ai')).toBe(4);
  });

  it('applies changes at once when not holding, also after a release', () => {
    const highlights = activeHighlights();
    highlights.hold();
    highlights.release();
    highlights.add('chips', range());
    expect(shown('chips')).toBe(1);
  });

  it('while holding, keeps the cleared ranges shown until release puts the new ones in their place', () => {
    const highlights = activeHighlights();
    const old = [range(), range()];
    for (const r of old) highlights.add('chips', r);
    highlights.hold();
    highlights.clearRanges();
    const fresh = range();
    highlights.add('chips', fresh);
    expect([...(registry.get(topicHighlightName('chips')) ?? [])]).toEqual(old);
    highlights.release();
    expect([...(registry.get(topicHighlightName('chips')) ?? [])]).toEqual([fresh]);
  });

  it('clears at once when not holding', () => {
    const highlights = activeHighlights();
    highlights.add('chips', range());
    highlights.clearRanges();
    expect(registry.has(topicHighlightName('chips'))).toBe(false);
  });

  it('drops held changes when the ranges are cleared', () => {
    const highlights = activeHighlights();
    highlights.hold();
    highlights.add('chips', range());
    highlights.clearRanges();
    highlights.release();
    expect(shown('chips')).toBe(0);
  });
});
