import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import {
  applyCorrections, containedShare, deriveOutside, gcjToWgs84, mergeDistricts, parseCensus, readCensus,
  readCorrections, readOldTianjin, selectDistricts, splitCsvLine, type District, type Districts,
} from './boundaries.ts';
import { areaKm2, type Areal } from './geom.ts';

const census = readCensus();
const old = gcjToWgs84(readOldTianjin());
const merged = mergeDistricts(old, census);
const corrections = readCorrections();
const fixed = applyCorrections(merged, corrections);
const get = (fc: Districts, name: string) => fc.features.find((f) => f.properties.name === name)!;
const inAny = (fc: Districts, p: Position) => fc.features.filter((f) => turf.booleanPointInPolygon(p, f)).map((f) => f.properties.name);

/** Published land areas (km²), see BOUNDARIES.md; tolerance is relative. */
const PUBLISHED: [string, number, number][] = [
  ['和平区', 9.98, 0.12], ['河东区', 39.6, 0.12], ['河西区', 41.24, 0.12], ['南开区', 40.64, 0.12],
  ['河北区', 27.3, 0.12], ['红桥区', 21.3, 0.12], ['东丽区', 477.34, 0.05], ['西青区', 545, 0.05],
  ['津南区', 401, 0.06], ['北辰区', 478, 0.05], ['武清区', 1574, 0.05], ['宝坻区', 1523, 0.05],
  ['宁河区', 1298.32, 0.05], ['静海区', 1476, 0.05], ['蓟州区', 1590, 0.05],
];

describe('readCensus / parseCensus', () => {
  it('splits quoted CSV fields containing commas', () => {
    expect(splitCsvLine('1,"a, ""b""",c')).toEqual(['1', 'a, "b"', 'c']);
  });
  it('parses the census file into 16 typed rows', () => {
    expect(census).toHaveLength(16);
    expect(census[0]).toMatchObject({ adcode: 120101, name_zh: '和平区', plan_zone: 'central_six' });
    expect(() => parseCensus('adcode,name_zh,name_en,plan_zone,population_2020,status\n1,a,b,nowhere,5,x')).toThrow(/plan_zone/);
  });
});

describe('readOldTianjin', () => {
  it('has the 18 pre-2009 units', () => {
    const names = readOldTianjin().features.map((f) => f.properties?.name);
    expect(names).toHaveLength(18);
    expect(names).toEqual(expect.arrayContaining(['塘沽区', '汉沽区', '大港区', '蓟县', '静海县', '宁河县']));
  });
});

describe('mergeDistricts', () => {
  it('gives exactly the 16 census districts with their adcodes', () => {
    expect(merged.features).toHaveLength(16);
    expect(merged.features.map((f) => f.properties.adcode)).toEqual(census.map((r) => r.adcode));
    expect(new Set(merged.features.map((f) => f.properties.name)).size).toBe(16);
  });
  it('carries the census population, summing to the published city total', () => {
    const total = merged.features.reduce((s, f) => s + f.properties.population_2020, 0);
    expect(total).toBe(13_866_009);
  });
  it('fills every required property', () => {
    for (const f of merged.features) {
      const p = f.properties;
      expect(['central_six', 'ring_four', 'binhai', 'outer_five']).toContain(p.plan_zone);
      expect(p.name_en.length).toBeGreaterThan(0);
      expect(p.source).toMatch(/china-geojson/);
      expect(p.accuracy_m).toBeGreaterThan(0);
      expect(p.plan_ref).toBe('ch2-2');
      expect(p.area_km2).toBeCloseTo(areaKm2(f), 0);
    }
  });
  it('makes 滨海新区 the union of 塘沽, 汉沽 and 大港', () => {
    const parts = old.features.filter((f) => ['塘沽区', '汉沽区', '大港区'].includes(String(f.properties?.name)));
    const sum = parts.reduce((s, f) => s + areaKm2(f as Feature<Areal>), 0);
    expect(get(merged, '滨海新区').properties.area_km2 / sum).toBeCloseTo(1, 2);
    expect(get(merged, '蓟州区').properties.area_km2).toBeGreaterThan(1500);
  });
  it('rejects a source unit without a census district', () => {
    const extra = turf.featureCollection([...old.features, turf.polygon([[[0, 0], [1, 0], [1, 1], [0, 0]]], { name: '某县' })]);
    expect(() => mergeDistricts(extra, census)).toThrow(/某县/);
  });
});

describe('applyCorrections', () => {
  it('removes the Tangshan enclaves from every Tianjin district', () => {
    const lutai: Position = [117.93, 39.37]; // inside the 芦台 / 汉沽管理区 block (WGS84)
    expect(inAny(merged, lutai)).toEqual(['宁河区']);
    expect(inAny(fixed, lutai)).toEqual([]);
    for (const e of corrections.hebeiEnclaves.features) {
      for (const d of fixed.features) expect(containedShare(e, d)).toBeLessThan(0.001);
    }
  });
  it('adds the reclaimed coast to 滨海新区', () => {
    const points: Position[] = [[117.68, 38.72], [117.83, 39.04], [117.78, 38.9]]; // 南港, 东疆, 临港
    for (const p of points) {
      expect(inAny(merged, p)).toEqual([]);
      expect(inAny(fixed, p)).toEqual(['滨海新区']);
    }
    expect(get(fixed, '滨海新区').properties.area_km2 - get(merged, '滨海新区').properties.area_km2).toBeGreaterThan(250);
  });
  it('leaves districts that touch no correction unchanged and keeps them non-overlapping', () => {
    expect(get(fixed, '和平区').geometry).toEqual(get(merged, '和平区').geometry);
    const binhai = get(fixed, '滨海新区');
    for (const d of fixed.features) if (d !== binhai) expect(containedShare(d, binhai)).toBeLessThan(0.01);
  });
  it('matches published district areas within tolerance', () => {
    for (const [name, published, tol] of PUBLISHED) {
      const a = get(fixed, name).properties.area_km2;
      expect(Math.abs(a / published - 1), `${name} ${a} vs ${published}`).toBeLessThan(tol);
    }
    const binhai = get(fixed, '滨海新区').properties.area_km2; // 2,270 predates most reclamation
    expect(binhai).toBeGreaterThan(2270);
    expect(binhai).toBeLessThan(2270 * 1.25);
    const total = fixed.features.reduce((s, f) => s + f.properties.area_km2, 0);
    expect(Math.abs(total / 11966.45 - 1)).toBeLessThan(0.03);
  });
});

describe('deriveOutside / selectDistricts / containedShare', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number, name: string): District =>
    turf.bboxPolygon([x0, y0, x1, y1], { properties: { name, name_en: name, adcode: 1, population_2020: 1, plan_zone: 'ring_four', source: 's', accuracy_m: 1, plan_ref: 'r', area_km2: 0 } }) as District;
  const synthetic: Districts = turf.featureCollection([sq(0, 0, 0.2, 0.2, 'A'), sq(1, 1, 1.1, 1.1, 'B')]);
  const central = turf.bboxPolygon([0, 0, 0.1, 0.2]) as Feature<Polygon>;

  it('returns the part outside the central city with its area', () => {
    const out = deriveOutside(synthetic, central, ['A']);
    expect(out.features).toHaveLength(1);
    const expected = areaKm2(turf.bboxPolygon([0.1, 0, 0.2, 0.2]));
    expect(out.features[0].properties.area_km2).toBeCloseTo(expected, 0);
    expect(out.features[0].properties.plan_zone).toBe('ring_four');
    expect(() => deriveOutside(synthetic, central, ['Z'])).toThrow(/Z/);
  });
  it('drops a district lying wholly inside the central city', () => {
    expect(deriveOutside(synthetic, turf.bboxPolygon([-1, -1, 2, 2]) as Feature<Polygon>, ['A', 'B']).features).toHaveLength(0);
  });
  it('selects districts in the order asked', () => {
    expect(selectDistricts(fixed, ['蓟州区', '武清区']).features.map((f) => f.properties.adcode)).toEqual([120119, 120114]);
  });
  it('measures the contained share', () => {
    expect(containedShare(synthetic.features[0], central)).toBeCloseTo(0.5, 3);
    expect(containedShare(synthetic.features[1], central)).toBe(0);
    expect(containedShare(get(fixed, '和平区'), get(fixed, '和平区'))).toBeCloseTo(1, 6);
  });
});

describe('correction seed files', () => {
  for (const file of ['reclaimed-coast.geojson', 'hebei-enclaves.geojson']) {
    it(`${file} is WGS84 with metadata and per-feature provenance`, () => {
      const fc = JSON.parse(readFileSync(`seeds/corrections/${file}`, 'utf8')) as FeatureCollection & { metadata: Record<string, unknown> };
      expect(fc.metadata).toMatchObject({ title: { zh: expect.any(String), en: expect.any(String) }, source: expect.any(String), source_crs: expect.any(String), accuracy_m: expect.any(Number), notes: expect.any(String) });
      for (const f of fc.features) {
        expect(f.properties).toMatchObject({ name: expect.any(String), name_en: expect.any(String), source: expect.any(String), accuracy_m: expect.any(Number), note: expect.any(String) });
        for (const [x, y] of turf.coordAll(f)) {
          expect(x).toBeGreaterThan(117.4); expect(x).toBeLessThan(118.2);
          expect(y).toBeGreaterThan(38.5); expect(y).toBeLessThan(39.5);
          expect(Math.abs(x * 1e6 - Math.round(x * 1e6))).toBeLessThan(1e-6);
        }
      }
    });
  }
});
