// @vitest-environment happy-dom
// The walk reuses its block buffers from block to block: a block's hits must map to its own text
// nodes, never to those a longer block before it left behind.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BlockResolver } from '../../../src/content/dom-rules';
import { scanText, type TermHit } from '../../../src/content/scan-text';
import { compileMatcher, createPageContext } from '../../../src/matcher';
import { runToEnd } from '../../../src/matcher/automaton';

const matcher = compileMatcher([
  { id: 'huawei', aliases: ['Huawei'] },
  { id: 'smic', aliases: ['SMIC'] },
]);

// happy-dom has no StaticRange: a plain record of the same four fields stands in.
beforeAll(() => {
  vi.stubGlobal(
    'StaticRange',
    class {
      readonly startContainer: Node;
      readonly startOffset: number;
      readonly endContainer: Node;
      readonly endOffset: number;
      constructor(init: StaticRangeInit) {
        ({
          startContainer: this.startContainer,
          startOffset: this.startOffset,
          endContainer: this.endContainer,
          endOffset: this.endOffset,
        } = init);
      }
    },
  );
});
afterAll(() => vi.unstubAllGlobals());

function scan(html: string): { text: string; block: string; entryId: string }[] {
  document.body.innerHTML = html;
  const hits: TermHit[] = [];
  const stats = { chars: 0, nodes: 0, matches: 0 };
  runToEnd(
    scanText(
      document.body,
      matcher,
      createPageContext(),
      new BlockResolver(),
      (_block, found) => hits.push(...found),
      () => false,
      stats,
    ),
  );
  return hits.map((h) => {
    const r = document.createRange();
    r.setStart(h.range.startContainer, h.range.startOffset);
    r.setEnd(h.range.endContainer, h.range.endOffset);
    return { text: r.toString(), block: h.block.id, entryId: h.entryId };
  });
}

describe('scanText', () => {
  it('maps each hit to its own block text nodes after a longer block, split or whole', () => {
    const long = `<p id="a">${Array.from({ length: 12 }, (_, i) => `<b>w${i}</b> `).join('')}Huawei</p>`;
    expect(scan(`${long}<p id="b">x <i>y</i> SM<b>IC</b></p><p id="c">Huawei</p>`)).toEqual([
      { text: 'Huawei', block: 'a', entryId: 'huawei' },
      { text: 'SMIC', block: 'b', entryId: 'smic' },
      { text: 'Huawei', block: 'c', entryId: 'huawei' },
    ]);
  });

  it('joins a block whose inline runs are interrupted by a nested block', () => {
    expect(scan('<div id="d">Hua<div id="e">SMIC</div>wei <span>and</span> SMIC</div>')).toEqual([
      { text: 'SMIC', block: 'e', entryId: 'smic' },
      { text: 'SMIC', block: 'd', entryId: 'smic' },
    ]);
  });
});
