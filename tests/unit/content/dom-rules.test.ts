// @vitest-environment happy-dom
// The block cache keeps two small generations (a Map grown to a page's size pauses to rehash):
// what it forgets is worked out again, to the same block.
import { describe, expect, it } from 'vitest';
import { BlockResolver } from '../../../src/content/dom-rules';

/** Sections of paragraphs with inline runs, a skipped code block and an editable box: `sections` × 9 elements. */
function page(sections: number): HTMLElement {
  const main = document.createElement('main');
  let html = '';
  for (let s = 0; s < sections; s++)
    html += `<section><p>a <a href="#"><em>b</em></a> c</p><p><span>d</span></p><pre><b>e</b></pre><div contenteditable=""><span>f</span></div></section>`;
  main.innerHTML = html;
  document.body.replaceChildren(main);
  return main;
}

/** The block each element's text belongs to, as the rules define it, without any cache. */
function expectedBlock(el: Element): Element | null {
  const chain: Element[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) chain.unshift(cur);
  let block: Element | null | undefined;
  for (const cur of chain) {
    const tag = cur.tagName;
    if (block === null || tag === 'PRE' || cur.hasAttribute('contenteditable')) block = null;
    else if (block === undefined || !['A', 'EM', 'SPAN', 'B'].includes(tag)) block = cur;
  }
  return block ?? null;
}

describe('BlockResolver', () => {
  it('resolves every element of a page far larger than its cache, in document order and again', () => {
    const main = page(2000); // 18,000 elements
    const all = [...main.querySelectorAll('*')];
    const resolver = new BlockResolver();
    for (const pass of [all, all, [...all].reverse()])
      for (const el of pass) {
        const block = resolver.near(el) ?? resolver.blockOf(el);
        expect(block, el.outerHTML.slice(0, 40)).toBe(expectedBlock(el));
      }
  });

  it('settles a paragraph from its cached parent without a walk, and inline elements into their paragraph', () => {
    const main = page(1);
    const resolver = new BlockResolver();
    const section = main.querySelector('section') as Element;
    expect(resolver.blockOf(section)).toBe(section);
    const p = section.querySelector('p') as Element;
    expect(resolver.near(p)).toBe(p);
    const em = section.querySelector('em') as Element;
    expect(resolver.near(em)).toBeUndefined(); // its parent, the link, was never seen
    expect(resolver.blockOf(em)).toBe(p);
    expect(resolver.near(section.querySelector('pre b') as Element)).toBeUndefined();
    expect(resolver.blockOf(section.querySelector('pre b') as Element)).toBeNull();
  });
});
