import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { joinTable, normalizeName } from './join';

const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: ['和平区', '滨海新区', '小站镇', '新立街道', '杨柳青镇'].map((name, i) => ({
    type: 'Feature', properties: { name, code: `12010${i}` }, geometry: null as never,
  })),
};

describe('normalizeName', () => {
  it('strips one administrative suffix and spaces', () => {
    expect(['和平区', '和平', ' 新立 街道', '小站镇', '八里台乡', '滨海新区', '区'].map(normalizeName)).toEqual(['和平', '和平', '新立', '小站', '八里台', '滨海', '区']);
  });
});

describe('joinTable', () => {
  it('matches names with and without suffixes and lists unmatched rows', () => {
    const rows = [{ unit: '和平', pop: 1 }, { unit: '滨海新区', pop: 2 }, { unit: '小站', pop: 3 }, { unit: '新立街道', pop: 4 }, { unit: '不存在区', pop: 5 }, { unit: '和平区', pop: 6 }];
    const r = joinTable(fc, rows, { layerKey: 'name', tableKey: 'unit', match: 'name' });
    expect(r.fc.features.map((f) => f.properties?.pop)).toEqual([1, 2, 3, 4, undefined]);
    expect(r.matchedFeatures).toBe(4);
    expect(r.unmatched).toEqual([{ row: 5, key: '不存在区' }]);
    expect(r.duplicates).toEqual([{ row: 6, key: '和平区' }]);
    expect(fc.features[0].properties?.pop).toBeUndefined();
  });
  it('matches codes as exact text', () => {
    const r = joinTable(fc, [{ c: '120101', x: 'a' }, { c: 120104, x: 'b' }, { c: '12010', x: 'c' }], { layerKey: 'code', tableKey: 'c', match: 'code', prefix: 't_' });
    expect(r.fc.features.map((f) => f.properties?.t_x)).toEqual([undefined, 'a', undefined, undefined, 'b']);
    expect(r.unmatched.map((u) => u.row)).toEqual([3]);
  });
});

describe('rowsFromSheet', async () => {
  const { rowsFromSheet } = await import('./join');
  it('takes the first non-empty row as header, skips empty rows, keeps numbers', () => {
    const r = rowsFromSheet([[null, null], ['区', '人口'], ['和平区', 355000], [null, ''], ['河东', '858787']]);
    expect(r.header).toEqual(['区', '人口']);
    expect(r.rows).toEqual([{ 区: '和平区', 人口: 355000 }, { 区: '河东', 人口: '858787' }]);
  });
});
