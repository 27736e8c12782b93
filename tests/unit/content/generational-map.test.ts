import { describe, expect, it } from 'vitest';
import { GenerationalMap } from '../../../src/content/generational-map';

describe('GenerationalMap', () => {
  it('holds at most two generations, however many keys are set', () => {
    const map = new GenerationalMap<number, number>(4);
    for (let k = 0; k < 100; k++) {
      map.set(k, k * 2);
      expect(map.size).toBeLessThanOrEqual(8);
    }
    expect(map.get(99)).toBe(198);
    expect(map.get(92)).toBe(184);
    expect(map.get(91)).toBeUndefined();
    expect(map.get(0)).toBeUndefined();
  });

  it('keeps a key that is read into the next generation', () => {
    const map = new GenerationalMap<string, string>(2);
    map.set('kept', 'k');
    map.set('a', 'a');
    map.set('b', 'b'); // starts a generation: kept and a are old
    expect(map.get('kept')).toBe('k'); // carried into the young one
    map.set('c', 'c'); // starts another: kept and b are old, a is gone
    expect(map.get('a')).toBeUndefined();
    expect(map.get('kept')).toBe('k');
  });

  it('stores null as a value, apart from a missing key', () => {
    const map = new GenerationalMap<string, string | null>(2);
    map.set('none', null);
    expect(map.get('none')).toBeNull();
    expect(map.get('other')).toBeUndefined();
  });

  it('forgets everything on clear', () => {
    const map = new GenerationalMap<number, number>(2);
    for (let k = 0; k < 3; k++) map.set(k, k);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get(2)).toBeUndefined();
  });
});
