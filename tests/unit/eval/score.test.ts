import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../eval/corpus';
import { precision, recall, scoreText, summarise } from '../../eval/score';

const annotation: Annotation = {
  id: 't',
  lang: 'en',
  kind: 'topic',
  chars: 100,
  mentions: [
    { entry: 'huawei', start: 0, end: 6, surface: 'Huawei' },
    { entry: 'xi-jinping', start: 20, end: 30, surface: 'President Xi', class: 'surname-title' },
  ],
  traps: [{ start: 40, end: 47, surface: 'tariffs', class: 'generic-word' }],
  ignore: [{ start: 60, end: 72, surface: 'Jensen Haung' }],
};

describe('scoreText', () => {
  it('finds a mention by an overlapping highlight of the same entry only', () => {
    const s = scoreText(annotation, [
      { start: 2, end: 6, entry: 'huawei', surface: 'wei' },
      { start: 20, end: 30, entry: 'donald-trump', surface: 'x' },
    ]);
    expect(s.found.map((m) => m.entry)).toEqual(['huawei']);
    expect(s.missed.map((m) => m.entry)).toEqual(['xi-jinping']);
    expect(s.correct).toHaveLength(1);
    expect(s.falses).toHaveLength(1);
  });

  it('names the trap a false highlight fell on, and leaves ignored spans unscored', () => {
    const s = scoreText(annotation, [
      { start: 40, end: 47, entry: 'tariffs-trade-war', surface: 'tariffs' },
      { start: 60, end: 66, entry: 'jensen-huang', surface: 'Jensen' },
    ]);
    expect(s.falses.map((f) => f.trap?.surface)).toEqual(['tariffs']);
    expect(s.correct).toEqual([]);
  });
});

describe('summarise', () => {
  it('tallies recall and precision overall, per class, and the traps lit', () => {
    const highlights = [
      { start: 0, end: 6, entry: 'huawei', surface: 'Huawei' },
      { start: 40, end: 47, entry: 'tariffs-trade-war', surface: 'tariffs' },
    ];
    const { overall, byClass } = summarise([{ lang: 'en', annotation, score: scoreText(annotation, highlights) }]);
    expect(recall(overall)).toBe(0.5);
    expect(precision(overall)).toBe(0.5);
    expect(byClass.get('surname-title')).toMatchObject({ mentions: 1, found: 0 });
    expect(byClass.get('generic-word')).toMatchObject({ traps: 1, trapsLit: 1 });
  });
});
