import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { computeFieldStats } from './fieldStats';

type AnyFeature = Feature<Geometry | null>;

const fs = (rows: Record<string, unknown>[]): AnyFeature[] =>
  rows.map((properties) => ({ type: 'Feature', properties, geometry: null }));

describe('computeFieldStats', () => {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    __i: i,
    name: `地块 ${i}`,
    kind: ['居住', '商业', '工业'][i % 3],
    area: i % 10 === 0 ? null : i * 1.5,
    listed: i % 4 === 0,
    tags: i === 0 ? ['a'] : undefined,
  }));
  const stats = computeFieldStats(fs(rows));
  const by = Object.fromEntries(stats.map((s) => [s.name, s]));

  it('classifies fields and skips internal ones, in first-seen order', () => {
    expect(stats.map((s) => s.name)).toEqual(['name', 'kind', 'area', 'listed', 'tags']);
    expect([by.name.type, by.kind.type, by.area.type, by.listed.type, by.tags.type]).toEqual(['text', 'category', 'number', 'category', 'text']);
  });
  it('counts values, blanks and the numeric extent', () => {
    expect(by.kind.values).toEqual([{ value: '居住', count: 67 }, { value: '商业', count: 67 }, { value: '工业', count: 66 }].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)));
    expect(by.area.missing).toBe(20);
    expect(by.area.count).toBe(180);
    expect(by.area.min).toBe(1.5);
    expect(by.area.max).toBe(199 * 1.5);
    expect(by.listed.values).toEqual([{ value: 'false', count: 150 }, { value: 'true', count: 50 }]);
    expect(by.tags.missing).toBe(199);
  });
  it('limits the value list and caps distinct tracking', () => {
    expect(computeFieldStats(fs(rows), { topN: 5 })[0].values).toHaveLength(5);
    const capped = computeFieldStats(fs(rows), { distinctCap: 10 })[0];
    expect(capped.distinct).toBe(10);
    expect(capped.distinctCapped).toBe(true);
    expect(capped.type).toBe('text');
  });
  it('treats many distinct strings as text unless frequent', () => {
    const many = fs(Array.from({ length: 1000 }, (_, i) => ({ code: `c${i % 80}` })));
    expect(computeFieldStats(many)[0].type).toBe('category');
    expect(computeFieldStats(many, { maxCategories: 10 })[0].type).toBe('category'); // 80 ≤ 10 % of 1000
    const unique = fs(Array.from({ length: 100 }, (_, i) => ({ code: `c${i}` })));
    expect(computeFieldStats(unique)[0].type).toBe('text');
  });
});
