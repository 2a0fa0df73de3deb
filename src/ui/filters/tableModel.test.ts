import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { rowWindow, sortedOrder, tableColumns, visibleRows } from './tableModel';

const fs = (rows: Record<string, unknown>[]): Feature<Geometry | null>[] => rows.map((properties) => ({ type: 'Feature', properties, geometry: null }));

describe('tableColumns', () => {
  it('puts preferred fields first and skips internal ones', () => {
    const f = fs([{ a: 1, name: 'x', __i: 0 }, { b: 2, name: 'y' }]);
    expect(tableColumns(f, ['name', 'missing'])).toEqual(['name', 'a', 'b']);
  });

  it('shows a coded column and its Chinese label once, and mostly empty columns last', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, renewal_type: 'green', renewal_type_zh: '蓝绿空间', status: i === 0 ? 'x' : null, district: '和平区' }));
    const cols = tableColumns(fs(rows), ['name', 'renewal_type_zh', 'status', 'district']);
    expect(cols).toEqual(['name', 'renewal_type', 'district', 'status']);
  });
});

describe('sortedOrder', () => {
  const f = fs([{ v: 10 }, { v: 'b' }, { v: 2 }, {}, { v: '北京' }, { v: 'a' }, { v: 2 }, { v: '天津' }, { v: null }]);
  const texts = [1, 4, 5, 7].sort((a, b) => String(f[a].properties!.v).localeCompare(String(f[b].properties!.v), 'zh'));
  it('sorts numbers numerically before text, blanks last, ties stable', () => {
    expect(Array.from(sortedOrder(f, 'v', 'asc'))).toEqual([2, 6, 0, ...texts, 3, 8]);
  });
  it('reverses for descending but keeps blanks last and ties stable', () => {
    expect(Array.from(sortedOrder(f, 'v', 'desc'))).toEqual([...[...texts].reverse(), 0, 2, 6, 3, 8]);
  });
  it('orders Chinese text like localeCompare("zh")', () => {
    const names = ['河西区', '和平区', '南开区', '北辰区', '东丽区'];
    const order = Array.from(sortedOrder(fs(names.map((name) => ({ name }))), 'name', 'asc')).map((i) => names[i]);
    expect(order).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh')));
  });
});

describe('visibleRows', () => {
  it('keeps the sort order, restricted to the kept features', () => {
    expect(Array.from(visibleRows(5, null, null))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(visibleRows(5, Uint32Array.from([1, 3]), null))).toEqual([1, 3]);
    expect(Array.from(visibleRows(5, Uint32Array.from([1, 3, 4]), Uint32Array.from([4, 3, 2, 1, 0])))).toEqual([4, 3, 1]);
  });
});

describe('rowWindow', () => {
  it('covers the viewport plus overscan, clamped to the rows', () => {
    expect(rowWindow(0, 100, 25, 1000, 2)).toEqual([0, 6]);
    expect(rowWindow(2500, 100, 25, 1000, 2)).toEqual([98, 106]);
    expect(rowWindow(24900, 100, 25, 1000, 2)).toEqual([994, 1000]);
    expect(rowWindow(0, 100, 25, 0, 2)).toEqual([0, 0]);
  });
});
