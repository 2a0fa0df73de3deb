import { describe, expect, it } from 'vitest';
import { keptValues, legendModel, resolveClasses, classIndex } from './resolve';
import { MISSING_COLOR, rampColors, TARGET_COLORS } from './ramps';
import { categoryClasses, moveCategory } from './categories';

const props = [
  { v: 1, t: 'a' }, { v: 2, t: 'b' }, { v: '3', t: 'a' }, { v: null, t: 'c' }, { v: '', t: 'a' },
  { v: 8, t: 'b' }, { v: 9, t: 'd' }, { v: 'n/a', t: null }, { t: 'a' }, { v: 10, t: 'e' },
];

describe('legend model', () => {
  it('graduated: counts per class plus a grey "no data" class add up to the kept features', () => {
    const spec = { kind: 'graduated' as const, field: 'v', method: 'equal' as const, classes: 3, ramp: 'Blues' };
    const vals = keptValues(props, 'v');
    const c = resolveClasses(spec, vals)!;
    expect(c.type).toBe('numeric');
    if (c.type !== 'numeric') return;
    expect(c.breaks).toEqual([1, 4, 7, 10]);
    expect(c.colors).toEqual(rampColors('Blues', 3));
    const m = legendModel(spec, c, vals);
    expect(m.entries.map((e) => e.count)).toEqual([3, 0, 3, 4]);
    expect(m.entries.at(-1)).toMatchObject({ missing: true, color: MISSING_COLOR });
    expect(m.entries.reduce((s, e) => s + e.count, 0)).toBe(props.length);
    expect(m.entries[0].label).toBe('1 – 4');
  });
  it('follows the filter: ranges and counts from the kept features only', () => {
    const spec = { kind: 'graduated' as const, field: 'v', method: 'equal' as const, classes: 2 };
    const kept = Uint32Array.from([0, 1, 3, 5]);
    const vals = keptValues(props, 'v', kept);
    const c = resolveClasses(spec, vals)!;
    const m = legendModel(spec, c, vals);
    expect(c.type === 'numeric' && c.breaks).toEqual([1, 4.5, 8]);
    expect(m.entries.map((e) => e.count)).toEqual([2, 1, 1]);
    expect(m.total).toBe(4);
  });
  it('reversed ramp reverses the class colours', () => {
    const vals = keptValues(props, 'v');
    const a = resolveClasses({ kind: 'graduated', field: 'v', method: 'quantile', classes: 4, ramp: 'Viridis' }, vals)!;
    const b = resolveClasses({ kind: 'graduated', field: 'v', method: 'quantile', classes: 4, ramp: 'Viridis', reverse: true }, vals)!;
    expect(b.colors).toEqual([...a.colors].reverse());
  });
  it('target: meets / close / misses with their colours', () => {
    const spec = { kind: 'graduated' as const, field: 'v', method: 'target' as const, target: { threshold: 8, close: 0.25 } };
    const vals = keptValues(props, 'v');
    const c = resolveClasses(spec, vals)!;
    const m = legendModel(spec, c, vals);
    expect(m.entries.slice(0, 3).map((e) => [e.verdict, e.color, e.count])).toEqual([
      ['misses', TARGET_COLORS.misses, 3], ['close', TARGET_COLORS.close, 0], ['meets', TARGET_COLORS.meets, 3],
    ]);
  });
  it('categories: top 2 + other + no data, renamed and reordered', () => {
    const spec = { kind: 'categories' as const, field: 't', topN: 2, order: ['b', 'a'], rename: { a: '甲' } };
    const vals = keptValues(props, 't');
    const c = resolveClasses(spec, vals)!;
    const m = legendModel(spec, c, vals);
    expect(m.entries.map((e) => [e.label, e.count])).toEqual([['b', 2], ['甲', 4], ['', 3], ['', 1]]);
    expect(m.entries[2].other).toBe(true);
    expect(m.entries[3].missing).toBe(true);
    expect(m.entries.reduce((s, e) => s + e.count, 0)).toBe(props.length);
    expect(classIndex(c, 'e')).toBe(-1);
    expect(classIndex(c, null)).toBe(-2);
  });
  it('circles: radii grow across classes', () => {
    const c = resolveClasses({ kind: 'circles', field: 'v', method: 'equal', classes: 3, radius: [2, 10] }, keptValues(props, 'v'))!;
    expect(c.type === 'numeric' && c.radii).toEqual([2, 6, 10]);
  });
});

describe('categories', () => {
  it('orders by frequency, then by the user order', () => {
    expect(categoryClasses(['x', 'y', 'y', 'z', 'z', 'z']).values).toEqual(['z', 'y', 'x']);
    expect(categoryClasses(['x', 'y', 'y'], { order: ['x'] }).values).toEqual(['x', 'y']);
  });
  it('moves a value', () => {
    expect(moveCategory(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveCategory(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('ramps', () => {
  it('ColorBrewer classes are the published colours; one and two classes still differ', () => {
    expect(rampColors('Blues', 3)).toEqual(['#deebf7', '#9ecae1', '#3182bd']);
    const two = rampColors('YlGnBu', 2);
    expect(two[0]).not.toBe(two[1]);
    expect(rampColors('Viridis', 5).every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
  });
});
