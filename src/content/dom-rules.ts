// Which page text the extension may read, and where one block of text ends.

import { runToEnd } from '../matcher/automaton';
import { GenerationalMap } from './generational-map';

export const OVERLAY_TAG = 'techwar-overlay';

/** Text inside these is never highlighted: form fields, code, non-rendered content, our own overlay. */
const EXCLUDED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'TITLE',
  // SVG text that is never drawn.
  'DESC',
  'METADATA',
  OVERLAY_TAG.toUpperCase(),
]);

/** Elements that flow inside a line: their text joins the surrounding block's text. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'ACRONYM',
  'B',
  'BDI',
  'BDO',
  'BIG',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'NOBR',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRIKE',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'TT',
  'U',
  'VAR',
  'WBR',
]);

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.tagName)) return true;
  // SVG keeps its tag names' case (`style`, `script`, `title`); HTML names are upper case already.
  if (!(el instanceof HTMLElement) && EXCLUDED_TAGS.has(el.tagName.toUpperCase())) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName);
}

/**
 * Maps an element to the block whose text its direct text children belong to, or null when the
 * text must not be read. Cached per element because sibling text nodes share ancestors; iterative
 * because hostile pages nest thousands of levels deep.
 */
const NEVER = (): boolean => false;

/**
 * Elements the block cache keeps per generation: a walk in document order reads back only the
 * ancestors of where it is, and growing one Map to a page's size would pause it to rehash.
 */
const CACHE_GENERATION = 4096;

export class BlockResolver {
  private readonly cache = new GenerationalMap<Element, Element | null>(CACHE_GENERATION);

  /**
   * The block of `el` (null: its text is not read) when it is cached or its parent's is, settled
   * without a generator (a paragraph in a resolved container, a link in a resolved paragraph: most
   * elements); undefined when finding it needs a longer walk up.
   */
  near(el: Element): Element | null | undefined {
    const cached = this.cache.get(el);
    if (cached !== undefined) return cached;
    const parent = parentElementAcrossShadow(el);
    const above = parent === null ? undefined : this.cache.get(parent);
    return above === undefined ? undefined : this.settle(el, above);
  }

  blockOf(el: Element): Element | null {
    const cached = this.cache.get(el);
    if (cached !== undefined) return cached;
    return runToEnd(this.resolve(el, NEVER));
  }

  /**
   * The block of `el`, calling `step` once per ancestor walked or settled and yielding when it
   * says so: a chain of thousands of unresolved ancestors is then no single long task.
   */
  *resolve(el: Element, step: () => boolean): Generator<void, Element | null, void> {
    const cached = this.cache.get(el);
    if (cached !== undefined) return cached;
    const pending: Element[] = [];
    let cur: Element | null = el;
    let above: Element | null | undefined;
    while (cur) {
      const hit = this.cache.get(cur);
      if (hit !== undefined) {
        above = hit;
        break;
      }
      pending.push(cur);
      cur = parentElementAcrossShadow(cur);
      if (step()) yield;
    }
    // `above` undefined means we reached the root: the topmost pending element is its own block.
    for (let i = pending.length - 1; i >= 0; i--) {
      above = this.settle(pending[i] as Element, above);
      if (step()) yield;
    }
    return above ?? null;
  }

  /** Caches the block of `node`, given the block of its parent (undefined: it has none). */
  private settle(node: Element, above: Element | null | undefined): Element | null {
    let block: Element | null;
    if (above === null || isExcludedElement(node)) block = null;
    else if (above === undefined || !isInlineElement(node)) block = node;
    else block = above;
    this.cache.set(node, block);
    return block;
  }

  forget(): void {
    this.cache.clear();
  }
}

function parentElementAcrossShadow(el: Element): Element | null {
  const parent = el.parentNode;
  if (!parent) return null;
  if (parent.nodeType === Node.ELEMENT_NODE) return parent as Element;
  // A shadow root's text belongs to blocks inside it; the host's own rules (e.g. contenteditable) still apply.
  if (parent instanceof ShadowRoot) return parent.host;
  return null;
}
