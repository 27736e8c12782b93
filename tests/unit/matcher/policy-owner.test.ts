// Whose policy a term names, through ownedByOther: the owner words before it, the object after it,
// and the Chinese clause before it.
import { describe, expect, it } from 'vitest';
import type { PolicyOwner } from '../../../src/digest/schema';
import { ownedByOther } from '../../../src/matcher/policy-owner';

/** Whether the last occurrence of `term` in `text` is another country's policy than `owner`'s. */
function other(text: string, term: string, owner: PolicyOwner = 'us'): boolean {
  const start = text.lastIndexOf(term);
  if (start < 0) throw new Error(`"${term}" is not in "${text}"`);
  return ownedByOther(text, start, start + term.length, owner);
}

describe('ownedByOther, English', () => {
  it.each([
    ["China's new export controls", true],
    ['Chinese export controls', true],
    ['Beijing’s  tighter export controls', true],
    ['the US export controls', false],
    ["Beijing's answer to export controls", false],
    ["Beijing's Answer To export controls", false],
    ["China's four big new export controls", false],
    ["China's, export controls", false],
    ['China’s (export controls', false],
    [`Chinese ${'x'.repeat(60)} export controls`, false],
  ])('%j: %s', (text, expected) => {
    expect(other(text, 'export controls')).toBe(expected);
  });

  it('an object only China restricts makes the policy China’s', () => {
    expect(other('new export controls on rare earths', 'export controls')).toBe(true);
    expect(other('new export controls on Chinese gallium', 'export controls')).toBe(true);
    expect(other('new export controls on chips', 'export controls')).toBe(false);
  });

  it('for a Chinese policy, the US words are the other owner’s and the objects are not', () => {
    expect(other('US export controls', 'export controls', 'china')).toBe(true);
    expect(other('export controls on rare earths', 'export controls', 'china')).toBe(false);
    expect(other('中方对美出口管制', '出口管制', 'china')).toBe(false);
  });
});

describe('ownedByOther, Chinese clause', () => {
  it('China’s side or a countermeasure in the clause makes the policy China’s', () => {
    expect(other('中国对美出口管制', '出口管制')).toBe(true);
    expect(other('商务部宣布对稀土实施出口管制', '出口管制')).toBe(true);
  });

  it('the US named right before the term wins', () => {
    expect(other('中国反制美方出口管制', '出口管制')).toBe(false);
    expect(other('美国对华出口管制', '出口管制')).toBe(false);
  });

  it('reads back to the last clause stop only', () => {
    expect(other('稀土很多。他们的出口管制', '出口管制')).toBe(false);
    expect(other('稀土很多，他们的出口管制', '出口管制')).toBe(true);
  });

  it('reads back 80 characters at most', () => {
    expect(other(`稀土${'的'.repeat(80)}出口管制`, '出口管制')).toBe(false);
    expect(other(`稀土${'的'.repeat(78)}出口管制`, '出口管制')).toBe(true);
  });
});
