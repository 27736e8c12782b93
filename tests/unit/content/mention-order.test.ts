// Document order of the scanner's blocks and the "first mention only" rule, without a DOM: blocks
// are numbers in page order, hits are named objects, and the sink records what is shown.
import { describe, expect, it } from 'vitest';
import { HIT_CHECK_EVERY, MentionOrder, type MentionSink } from '../../../src/content/mention-order';

interface Hit {
  entryId: string;
  name: string;
  gated?: boolean;
}

const hit = (name: string, entryId: string): Hit => ({ name, entryId });
const gatedHit = (name: string, entryId: string): Hit => ({ name, entryId, gated: true });
const names = (hits: Iterable<Hit>) => [...hits].map((h) => h.name);

/** A sink that keeps the names of the hits shown, as the page's highlights would. */
function recordingSink(): MentionSink<Hit> & { shown: Set<string> } {
  const shown = new Set<string>();
  return {
    shown,
    show: (h) => void shown.add(h.name),
    hide: (h) => void shown.delete(h.name),
    hideAll: () => shown.clear(),
  };
}

function setup() {
  const sink = recordingSink();
  const order = new MentionOrder<number, Hit>((a, b) => a - b, sink);
  return { sink, order };
}

describe('MentionOrder', () => {
  it('shows every hit while first-mention-only is off', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('h1', 'huawei'), hit('h2', 'huawei')], false);
    expect([...sink.shown]).toEqual(['h1', 'h2']);
    expect(order.isShown(hit('other', 'huawei'))).toBe(true);
  });

  it('with first-mention-only, shows the first mention of each entry and reports the rest hidden', () => {
    const { sink, order } = setup();
    const h1 = hit('h1', 'huawei');
    const n1 = hit('n1', 'nvidia');
    const h2 = hit('h2', 'huawei');
    const n2 = hit('n2', 'nvidia');
    order.setBlock(1, [h1, n1], false);
    order.setBlock(2, [h2, n2], false);
    order.setFirstMentionOnly(true);
    expect([...sink.shown].sort()).toEqual(['h1', 'n1']);
    // Hidden mentions get no card and no keyboard stop: isShown is what both ask.
    expect([h1, n1, h2, n2].map((h) => order.isShown(h))).toEqual([true, true, false, false]);
  });

  it('switching first-mention-only off shows every hit again', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('h1', 'huawei'), hit('h2', 'huawei')], false);
    order.setFirstMentionOnly(true);
    order.setFirstMentionOnly(false);
    expect([...sink.shown].sort()).toEqual(['h1', 'h2']);
  });

  it('restores document order after a partial rescan adds an earlier block', () => {
    const { sink, order } = setup();
    order.setBlock(5, [hit('late', 'huawei')], false);
    order.setFirstMentionOnly(true);
    expect([...sink.shown]).toEqual(['late']);
    // The page inserts a paragraph above: a partial rescan finds it after block 5 was kept.
    order.setBlock(2, [hit('early', 'huawei')], true);
    order.refresh();
    expect([...sink.shown]).toEqual(['early']);
    expect(names(order.hitsInDocumentOrder())).toEqual(['early', 'late']);
  });

  it('a full pass trusts the order it is given', () => {
    const { order } = setup();
    // Blocks of a full pass arrive in document order; a compare that disagrees is never asked.
    order.setBlock(9, [hit('a', 'x')], false);
    order.setBlock(3, [hit('b', 'x')], false);
    expect(names(order.hitsInDocumentOrder())).toEqual(['a', 'b']);
  });

  it('a rescanned block keeps its place', () => {
    const { order } = setup();
    order.setBlock(1, [hit('a', 'x')], false);
    order.setBlock(2, [hit('b', 'x')], false);
    order.setBlock(1, [hit('a2', 'x')], true);
    expect(names(order.hitsInDocumentOrder())).toEqual(['a2', 'b']);
  });

  it('replacing a block hides its old hits and returns them', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('old', 'huawei')], false);
    const old = order.setBlock(1, [hit('new', 'huawei')], true);
    expect(names(old)).toEqual(['old']);
    expect([...sink.shown]).toEqual(['new']);
  });

  it('dropping the block of a first mention promotes the next mention', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('h1', 'huawei')], false);
    order.setBlock(2, [hit('h2', 'huawei')], false);
    order.setFirstMentionOnly(true);
    expect(names(order.dropBlock(1))).toEqual(['h1']);
    order.refresh();
    expect([...sink.shown]).toEqual(['h2']);
    expect(order.hasBlock(1)).toBe(false);
    expect(order.blocks()).toEqual([2]);
    expect(order.dropBlock(1)).toEqual([]);
  });

  it('summarises in scan order and clears everything', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('n1', 'nvidia'), hit('h1', 'huawei')], false);
    order.setBlock(2, [hit('n2', 'nvidia')], false);
    expect(order.summary()).toEqual({
      entries: [
        { id: 'nvidia', count: 2 },
        { id: 'huawei', count: 1 },
      ],
      total: 3,
    });
    order.clear();
    expect(sink.shown.size).toBe(0);
    expect(order.summary()).toEqual({ entries: [], total: 0 });
    expect(order.blocks()).toEqual([]);
  });

  it('refresh does nothing while every hit is shown', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('h1', 'huawei'), hit('h2', 'huawei')], false);
    order.refresh();
    expect([...sink.shown]).toEqual(['h1', 'h2']);
  });
});

describe('MentionOrder.appendHits', () => {
  it("adds a long block's later hits after its first ones, and ignores an unknown block", () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('a', 'x')], false);
    expect(order.appendHits(1, [hit('b', 'y')])).toBe(true);
    expect(order.appendHits(7, [hit('c', 'z')])).toBe(false);
    expect(names(order.hitsInDocumentOrder())).toEqual(['a', 'b']);
    expect([...sink.shown]).toEqual(['a', 'b']);
  });

  it('with first-mention-only, appended hits wait for refresh to be judged', () => {
    const { sink, order } = setup();
    order.setFirstMentionOnly(true);
    order.setBlock(1, [hit('x1', 'x')], false);
    order.appendHits(1, [hit('x2', 'x'), hit('y1', 'y')]);
    expect(sink.shown.size).toBe(0);
    order.refresh();
    expect([...sink.shown].sort()).toEqual(['x1', 'y1']);
  });
});

describe('MentionOrder.refreshSteps', () => {
  it('offers to yield every HIT_CHECK_EVERY hits and ends with the first mentions shown', () => {
    const { sink, order } = setup();
    const hits = Array.from({ length: HIT_CHECK_EVERY * 2 + 1 }, (_, i) => hit(`h${i}`, i === 0 ? 'first' : 'later'));
    order.setBlock(1, hits, false);
    order.setFirstMentionOnly(true);
    order.appendHits(1, [hit('new', 'fresh')]);
    let asked = 0;
    const steps = order.refreshSteps(() => {
      asked++;
      return true;
    });
    let yields = 0;
    while (!steps.next().done) yields++;
    expect({ asked, yields }).toEqual({ asked: 2, yields: 2 });
    expect([...sink.shown].sort()).toEqual(['h0', 'h1', 'new']);
  });

  it('keeps counts as blocks change, dropping an entry whose last hit goes', () => {
    const { order } = setup();
    order.setBlock(1, [hit('a', 'x'), hit('b', 'y')], false);
    order.setBlock(2, [hit('c', 'x')], false);
    order.dropBlock(1);
    expect(order.summary()).toEqual({ entries: [{ id: 'x', count: 1 }], total: 1 });
  });
});

// The beat rule (src/matcher/beat.ts): 2 distinct entries or 3 matches among the ungated hits.
describe('MentionOrder gate', () => {
  it('holds gated hits back off the beat, counting them apart, and shows them once the page is on it', () => {
    const { sink, order } = setup();
    const t = gatedHit('t1', 'trump');
    order.setBlock(1, [hit('h1', 'huawei'), t], false);
    order.refresh();
    expect([...sink.shown]).toEqual(['h1']);
    expect(order.isShown(t)).toBe(false);
    expect(order.beat()).toEqual({ onBeat: false, hidden: 1, showAll: false });
    expect(order.summary()).toEqual({ entries: [{ id: 'huawei', count: 1 }], total: 1 });

    order.setBlock(2, [hit('n1', 'nvidia')], false);
    order.refresh();
    expect([...sink.shown].sort()).toEqual(['h1', 'n1', 't1']);
    expect(order.isShown(t)).toBe(true);
    expect(order.beat()).toEqual({ onBeat: true, hidden: 0, showAll: false });
    expect(order.summary().total).toBe(3);
    expect(order.summary().entries).toContainEqual({ id: 'trump', count: 1 });
  });

  it('closes the gate again when the page drops off the beat', () => {
    const { sink, order } = setup();
    order.setBlock(1, [hit('h1', 'huawei'), gatedHit('t1', 'trump')], false);
    order.setBlock(2, [hit('n1', 'nvidia')], false);
    order.refresh();
    order.dropBlock(2);
    order.refresh();
    expect([...sink.shown]).toEqual(['h1']);
    expect(order.beat()).toEqual({ onBeat: false, hidden: 1, showAll: false });
  });

  it('show-all opens the gate for this page and closing it hides the gated hits again', () => {
    const { sink, order } = setup();
    order.setBlock(1, [gatedHit('t1', 'trump'), gatedHit('a1', 'apple')], false);
    order.refresh();
    expect([...sink.shown]).toEqual([]);
    order.setShowAll(true);
    expect([...sink.shown].sort()).toEqual(['a1', 't1']);
    expect(order.beat()).toEqual({ onBeat: false, hidden: 0, showAll: true });
    expect(order.summary().total).toBe(2);
    order.setShowAll(false);
    expect([...sink.shown]).toEqual([]);
    expect(order.beat().hidden).toBe(2);
  });

  it('with first-mention-only, a gated hit off the beat is not the first mention; the next visible one is', () => {
    const { sink, order } = setup();
    order.setShowAll(true);
    order.setBlock(1, [gatedHit('g1', 'tariffs'), hit('x1', 'tariffs')], false);
    order.setFirstMentionOnly(true);
    expect([...sink.shown]).toEqual(['g1']);
    order.setShowAll(false);
    expect([...sink.shown]).toEqual(['x1']);
  });

  it('clear forgets the gate, the beat and show-all', () => {
    const { order } = setup();
    order.setBlock(1, [gatedHit('t1', 'trump')], false);
    order.setShowAll(true);
    order.clear();
    expect(order.beat()).toEqual({ onBeat: false, hidden: 0, showAll: false });
    expect(order.summary()).toEqual({ entries: [], total: 0 });
  });
});
