import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { healthCheck, unitsWithin, type HealthTable } from './healthCheck';
import { healthCsv } from './healthCsv';

// Hand formula for a lon/lat rectangle's area on turf's sphere (R = 6371008.8 m): R²·Δλ·(sin φ2 − sin φ1).
const R = 6371008.8;
const rad = (d: number) => (d * Math.PI) / 180;
const rectM2 = (w: number, s: number, e: number, n: number) => R * R * rad(e - w) * (Math.sin(rad(n)) - Math.sin(rad(s)));

const rect = (w: number, s: number, e: number, n: number, properties: Record<string, unknown>): Feature<Polygon> => ({
  type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
const pt = (x: number, y: number, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [x, y] } });
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// Three units of 0.01° × 0.01° side by side at 39°N: A and B with residents, C without.
const units = fc([
  rect(117.0, 39.0, 117.01, 39.01, { name: 'A区', population_2020: 10000 }),
  rect(117.05, 39.0, 117.06, 39.01, { name: 'B街道', population_2020: 20000 }),
  rect(117.1, 39.0, 117.11, 39.01, { name: 'C镇' }),
]);
const shelters = fc([
  pt(117.003, 39.005, { name: 's1', tier: 'fixed', area_m2: 6000 }),
  pt(117.007, 39.005, { name: 's2', tier: 'city_central', area_m2: 9000 }),
  pt(117.055, 39.005, { name: 's3', tier: 'fixed', area_m2: null }),
  pt(117.056, 39.006, { name: 's4', tier: 'short_term', area_m2: 100 }),
]);
const parks = fc([rect(116.999, 38.999, 117.011, 39.011, { name: 'park covering A' })]);
const blocks = fc([rect(117.05, 39.0, 117.055, 39.01, { name: 'west half of B' })]);
const projects = fc([
  pt(117.002, 39.002, { renewal_type: 'green', renewal_type_zh: '蓝绿空间' }),
  pt(117.004, 39.002, { renewal_type: 'green', renewal_type_zh: '蓝绿空间' }),
  pt(117.006, 39.002, { renewal_type: 'housing', renewal_type_zh: '居住' }),
  pt(117.105, 39.005, { renewal_type: 'housing', renewal_type_zh: '居住' }),
]);

const table = healthCheck({ units, unitsLabel: { zh: '测试单元', en: 'test units' }, shelters, parks, historicBlocks: blocks, projects, date: '2026-11-29' });
const col = (t: HealthTable, id: string) => {
  const ind = t.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return ind.cells;
};
const values = (id: string) => col(table, id).map((c) => c.value);

describe('health check indicators on a hand-worked fixture', () => {
  const areaA = rectM2(117.0, 39.0, 117.01, 39.01);
  it('population and density; the unit without residents says so', () => {
    expect(values('population')).toEqual([10000, 20000, null]);
    expect(col(table, 'population')[2].note?.en).toMatch(/no population/);
    expect(values('density')[0]).toBeCloseTo(10000 / (areaA / 1e6), 6);
    expect(values('density')[2]).toBeNull();
  });
  it('shelter area per resident: 15,000 m² ÷ 10,000 = 1.5 meets; a site without area leaves B open', () => {
    const c = col(table, 'shelter_per_capita');
    expect(c[0]).toMatchObject({ value: 1.5, meets: true });
    expect(c[1].value).toBeNull();
    expect(c[1].note?.zh).toMatch(/未公布面积（s3）/);
    expect(c[2].value).toBeNull();
    expect(table.indicators.find((i) => i.id === 'shelter_per_capita')!.target?.threshold).toBe(1.5);
  });
  it('a unit with residents but no shelter in the layer has no shelter area, not 0', () => {
    const t = healthCheck({ units: fc([rect(117.2, 39.0, 117.21, 39.01, { name: 'D', population_2020: 5 })]), unitsLabel: { zh: 'x', en: 'x' }, shelters });
    expect(col(t, 'shelter_per_capita')[0].value).toBeNull();
    expect(col(t, 'shelter_per_capita')[0].note?.en).toMatch(/no shelter/);
  });
  it('central and fixed shelters per unit against at least three', () => {
    expect(col(table, 'shelters_per_district').map((c) => [c.value, c.meets])).toEqual([[2, false], [1, false], [0, false]]);
  });
  it('walk coverage of parks: A all covered, B none, C has no residents', () => {
    const v = values('parks_coverage_15min');
    expect(v[0]).toBeCloseTo(100, 0);
    expect(v[1]).toBe(0);
    expect(v[2]).toBeNull();
  });
  it('a facility layer not chosen is missing data, not 0', () => {
    expect(col(table, 'facility_coverage_15min').map((c) => c.value)).toEqual([null, null, null]);
    expect(col(table, 'facility_coverage_15min')[0].note?.en).toMatch(/no .* layer/);
  });
  it('park area per resident: the whole of A ÷ 10,000', () => {
    expect(values('park_per_capita')[0]).toBeCloseTo(areaA / 10000, 1);
    expect(values('park_per_capita')[1]).toBe(0);
    expect(values('park_per_capita')[2]).toBeNull();
  });
  it('historic share: the west half of B is 50 %', () => {
    const v = values('historic_share');
    expect(v[0]).toBe(0);
    expect(v[1]).toBeCloseTo(50, 3);
    expect(v[2]).toBe(0);
  });
  it('named projects by type', () => {
    expect(values('projects_all')).toEqual([3, 0, 1]);
    expect(values('projects_green')).toEqual([2, 0, 0]);
    expect(values('projects_housing')).toEqual([1, 0, 1]);
  });
  it('without the layers every cell says what is missing', () => {
    const bare = healthCheck({ units, unitsLabel: { zh: 'x', en: 'x' } });
    for (const id of ['shelter_per_capita', 'shelters_per_district', 'parks_coverage_15min', 'park_per_capita', 'historic_share', 'projects_all']) {
      for (const c of col(bare, id)) {
        expect(c.value).toBeNull();
        expect(c.note?.zh).toBeTruthy();
      }
    }
  });
  it('census fallback by district name with or without 区', () => {
    const t = healthCheck({ units: fc([rect(117.2, 39.1, 117.21, 39.11, { name: '和平' })]), unitsLabel: { zh: 'x', en: 'x' }, censusFallback: true });
    expect(col(t, 'population')[0].value).toBe(355000);
  });
});

describe('drill-down and CSV', () => {
  it('finer units inside a district', () => {
    const district = rect(117.0, 39.0, 117.06, 39.01, { name: 'D' });
    expect(unitsWithin(units, district).features.map((f) => f.properties?.name)).toEqual(['A区', 'B街道']);
  });
  it('CSV rows carry unit, source, date; missing is "no data", never 0', () => {
    const csv = healthCsv(table, 'en', { bom: false });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('unit_id,unit,indicator_id,indicator,value,unit_of_measure,target,meets,note,formula,sources,units_source,walk_minutes,date');
    expect(lines.length).toBe(1 + table.units.length * table.indicators.length);
    const row = lines.find((l) => l.includes('C镇') && l.includes(',population,'))!;
    expect(row).toContain(',no data,');
    expect(row).toContain('2026-11-29');
    const a = lines.find((l) => l.includes('A区') && l.includes(',shelter_per_capita,'))!;
    expect(a).toContain(',1.5,');
    expect(a).toContain(',meets,');
    expect(a).toMatch(/shelters layer \(area_m2\)/);
  });
});
