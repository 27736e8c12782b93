// Topic colours: readable on light and dark pages (WCAG AA) and clearly distinct (CIE76 ΔE in Lab).
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/digest/schema';
import { readDigestJson } from './helpers';

const MIN_CONTRAST = 4.5;
const MIN_DELTA_E = 20;
const LIGHT_BG = '#ffffff';
const DARK_BG = '#121212';

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(hex);
  if (!m) throw new Error(`not #rrggbb: ${hex}`);
  return [
    Number.parseInt(m[1] as string, 16) / 255,
    Number.parseInt(m[2] as string, 16) / 255,
    Number.parseInt(m[3] as string, 16) / 255,
  ];
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** sRGB → CIE XYZ (D65) → CIE L*a*b*. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex).map(linear) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t) / 116 + 16 / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

function deltaE76(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

const digest = readDigestJson() as Digest;

describe('colour maths', () => {
  it('matches known reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(lab('#ffffff')[0]).toBeCloseTo(100, 1);
    expect(lab('#ff0000')).toEqual([expect.closeTo(53.24, 1), expect.closeTo(80.09, 1), expect.closeTo(67.2, 1)]);
    expect(deltaE76('#000000', '#ffffff')).toBeCloseTo(100, 1);
  });
});

describe('topic colours', () => {
  for (const [palette, background] of [
    ['light', LIGHT_BG],
    ['dark', DARK_BG],
  ] as const) {
    it(`${palette} colours reach ${MIN_CONTRAST}:1 against ${background}`, () => {
      const weak = digest.topics
        .map((t) => ({ id: t.id, color: t.color[palette], ratio: contrast(t.color[palette], background) }))
        .filter((x) => x.ratio < MIN_CONTRAST);
      expect(weak).toEqual([]);
    });

    it(`${palette} colours differ pairwise by ΔE ≥ ${MIN_DELTA_E}`, () => {
      const close: string[] = [];
      digest.topics.forEach((a, i) => {
        for (const b of digest.topics.slice(i + 1)) {
          const d = deltaE76(a.color[palette], b.color[palette]);
          if (d < MIN_DELTA_E)
            close.push(`${a.id} ${a.color[palette]} vs ${b.id} ${b.color[palette]}: ΔE ${d.toFixed(1)}`);
        }
      });
      expect(close).toEqual([]);
    });

    it(`${palette} colours are lower-case #rrggbb and all different`, () => {
      const colours = digest.topics.map((t) => t.color[palette]);
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(new Set(colours).size).toBe(colours.length);
    });
  }
});
