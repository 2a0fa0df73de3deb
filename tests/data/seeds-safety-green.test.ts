// Checks the two hand-digitised seed layers of the safety and green groups:
// seeds/shelters.geojson (points) and seeds/parks.geojson (polygons).
// Expected names and figures are read from seeds/facts/*.csv, not restated here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { planHas } from './plan-text';
import { readFacts } from './facts';

const root = new URL('../../', import.meta.url);
const readText = (rel: string): string => readFileSync(new URL(rel, root), 'utf8');
const readJson = <T>(rel: string): T => JSON.parse(readText(rel)) as T;

const gjv = createRequire(import.meta.url)('geojson-validation') as {
  valid: (o: unknown, trace: true) => string[];
};

type Props = Record<string, unknown>;
type Layer<G extends Point | Polygon> = FeatureCollection<G, Props> & { metadata: Props };


const shelters = readJson<Layer<Point>>('seeds/shelters.geojson');
const parks = readJson<Layer<Polygon>>('seeds/parks.geojson');
const shelterFacts = readFacts('emergency-shelters-known.csv');
const districts = new Set(readFacts('census-2020-districts.csv').map((r) => r.name_zh));
const cityRows = shelterFacts.filter((r) => r.tier === 'city-level central shelter');
const groupRow = shelterFacts.find((r) => r.name_zh.startsWith('(the six'));
const PLAN_NAMED_SHELTERS = ['水西公园', '水上公园', '梅江会展中心']; // ch3-16 names them
const TIANJIN_BBOX = { w: 116.7, s: 38.5, e: 118.1, n: 40.3 };

const byName = <G extends Point | Polygon>(fc: Layer<G>, name: string): Feature<G, Props> | undefined =>
  fc.features.find((f) => f.properties.name === name);

function allPositions(fc: Layer<Point | Polygon>): number[][] {
  return fc.features.flatMap((f) =>
    f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates.flat(),
  );
}

describe.each([
  ['shelters', shelters as Layer<Point | Polygon>, 'Point'],
  ['parks', parks as Layer<Point | Polygon>, 'Polygon'],
] as const)('%s layer: common seed format', (_label, fc, geomType) => {
  it('is valid GeoJSON with the seed metadata block', () => {
    expect(gjv.valid(fc, true)).toEqual([]);
    expect(fc.type).toBe('FeatureCollection');
    const m = fc.metadata;
    expect(typeof (m.title as Props).zh).toBe('string');
    expect(typeof (m.title as Props).en).toBe('string');
    for (const k of ['source', 'source_crs', 'notes']) expect(typeof m[k], k).toBe('string');
    expect(m.accuracy_m).toBeGreaterThan(0);
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('has the expected geometry type and WGS84 coordinates with ≤ 6 decimals inside Tianjin', () => {
    for (const f of fc.features) expect(f.geometry.type, String(f.properties.name)).toBe(geomType);
    for (const [x, y] of allPositions(fc)) {
      expect(x).toBeGreaterThanOrEqual(TIANJIN_BBOX.w);
      expect(x).toBeLessThanOrEqual(TIANJIN_BBOX.e);
      expect(y).toBeGreaterThanOrEqual(TIANJIN_BBOX.s);
      expect(y).toBeLessThanOrEqual(TIANJIN_BBOX.n);
      for (const v of [x, y]) expect(Math.abs(v * 1e6 - Math.round(v * 1e6))).toBeLessThan(1e-6);
    }
  });

  it('gives every feature the required properties and a census district', () => {
    const names = new Set<string>();
    for (const f of fc.features) {
      const p = f.properties;
      for (const k of ['name', 'name_en', 'plan_ref', 'source', 'district']) {
        expect(typeof p[k] === 'string' && (p[k] as string).length > 0, `${String(p.name)}.${k}`).toBe(true);
      }
      expect(p.plan_ref).toMatch(/^ch\d+-\d+(\.\d+)?(; ch\d+-\d+(\.\d+)?)*$/);
      expect(p.accuracy_m as number).toBeGreaterThan(0);
      expect(districts.has(p.district as string), `${String(p.name)} district ${String(p.district)}`).toBe(true);
      expect(names.has(p.name as string), `duplicate ${String(p.name)}`).toBe(false);
      names.add(p.name as string);
    }
  });
});

describe('shelters layer', () => {
  const TIER_ZH: Record<string, string> = { city_central: '市级中心', fixed: '固定', short_term: '紧急/短期' };

  it('uses only the allowed enumerations, consistently', () => {
    for (const { properties: p } of shelters.features) {
      expect(Object.keys(TIER_ZH)).toContain(p.tier);
      expect(p.tier_zh).toBe(TIER_ZH[p.tier as string]);
      expect(['published', 'reported', 'candidate']).toContain(p.designation_status);
      expect(['published_site', 'published_group_total', 'unknown']).toContain(p.area_status);
      if (p.area_status === 'published_site') {
        expect(p.area_m2 as number).toBeGreaterThan(0);
        expect(p.capacity_persons as number).toBeGreaterThan(0);
      } else {
        expect(p.area_m2).toBeNull();
        expect(p.capacity_persons).toBeNull();
      }
    }
  });

  it('has the three plan-named sites as city-level central shelters', () => {
    for (const name of PLAN_NAMED_SHELTERS) {
      const f = byName(shelters, name);
      expect(f, name).toBeDefined();
      expect(f?.properties.tier).toBe('city_central');
      expect(f?.properties.plan_ref).toBe('ch3-16');
      expect(f?.properties.plan_named).not.toBe(false);
    }
  });

  it('marks every shelter the plan does not name with plan_named: false', () => {
    for (const { properties: p } of shelters.features) {
      if (!PLAN_NAMED_SHELTERS.includes(p.name as string)) expect(p.plan_named, String(p.name)).toBe(false);
    }
  });

  it('has all six city-level sites of the facts file, and no other city-level site', () => {
    expect(cityRows).toHaveLength(6);
    const central = shelters.features.filter((f) => f.properties.tier === 'city_central').map((f) => f.properties.name);
    expect([...central].sort()).toEqual(cityRows.map((r) => r.name_zh).sort());
    for (const r of cityRows.filter((row) => row.district_hint)) {
      expect(byName(shelters, r.name_zh)?.properties.district, r.name_zh).toBe(r.district_hint);
    }
  });

  it('invents no per-site area for the group and carries the published group total', () => {
    for (const r of cityRows) {
      const p = byName(shelters, r.name_zh)?.properties;
      expect(p?.area_m2, r.name_zh).toBeNull();
      expect(p?.capacity_persons, r.name_zh).toBeNull();
      expect(p?.area_status, r.name_zh).toBe('published_group_total');
    }
    const totals = shelters.metadata.group_totals as { members: string[]; area_m2: number; capacity_persons: number; source: string }[];
    expect(totals).toHaveLength(1);
    expect(groupRow).toBeDefined();
    expect(totals[0].area_m2).toBe(Number(groupRow?.area_m2));
    expect(totals[0].capacity_persons).toBe(Number(groupRow?.capacity_persons));
    expect(totals[0].area_m2).toBe(1_359_800);
    expect(totals[0].capacity_persons).toBe(272_000);
    expect([...totals[0].members].sort()).toEqual(cityRows.map((r) => r.name_zh).sort());
    expect(totals[0].source).toMatch(/2024-11-06/);
  });

  it('gives every site with its own published figures exactly the facts-file values', () => {
    const siteRows = shelterFacts.filter((r) => r.area_m2 && !r.name_zh.startsWith('('));
    expect(siteRows.map((r) => r.name_zh)).toContain('天津市第二十五中学');
    for (const r of siteRows) {
      const p = byName(shelters, r.name_zh)?.properties;
      expect(p?.area_status, r.name_zh).toBe('published_site');
      expect(p?.area_m2).toBe(Number(r.area_m2));
      expect(p?.capacity_persons).toBe(Number(r.capacity_persons));
      expect(p?.district).toBe(r.district_hint);
    }
    const school = byName(shelters, '天津市第二十五中学')?.properties;
    expect([school?.area_m2, school?.capacity_persons, school?.tier]).toEqual([14050, 4000, 'short_term']);
  });

  it('places the park shelters inside the matching park polygons', () => {
    for (const name of ['水上公园', '水西公园']) {
      const pt = byName(shelters, name);
      const poly = byName(parks, name);
      expect(pt && poly, name).toBeTruthy();
      if (pt && poly) expect(turf.booleanPointInPolygon(pt, poly), name).toBe(true);
    }
  });
});

describe('parks layer', () => {
  const STATUS_ZH: Record<string, string> = { existing: '现状', under_construction: '在建', planned: '拟建' };
  const areaKm2 = (f: Feature<Polygon, Props>): number => turf.area(f) / 1e6;

  it('names the parks the plan names, with their plan status', () => {
    const expected: Record<string, string> = {
      新梅江公园: 'under_construction', 柳林公园: 'under_construction', 刘园公园: 'planned', 程林公园: 'planned',
      水西公园: 'existing', 水上公园: 'existing', 十四仓遗址公园: 'planned',
    };
    for (const [name, status] of Object.entries(expected)) {
      expect(byName(parks, name)?.properties.status, name).toBe(status);
    }
    for (const f of parks.features) {
      const name = f.properties.name as string;
      expect(planHas(name), `${name} not in the plan text`).toBe(true);
    }
  });

  it('uses allowed enumerations and a matching Chinese status', () => {
    for (const { properties: p } of parks.features) {
      expect(Object.keys(STATUS_ZH)).toContain(p.status);
      expect(p.status_zh).toBe(STATUS_ZH[p.status as string]);
      expect(['city_park', 'wetland_park', 'heritage_park', 'pocket_park']).toContain(p.park_type);
    }
  });

  it('has closed, valid rings and an area_ha that matches the drawn polygon', () => {
    for (const f of parks.features) {
      for (const r of f.geometry.coordinates) {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(r[0]).toEqual(r[r.length - 1]);
      }
      expect(turf.kinks(f).features, String(f.properties.name)).toHaveLength(0);
      const computedHa = areaKm2(f) * 100;
      expect(Math.abs((f.properties.area_ha as number) - computedHa) / computedHa).toBeLessThan(0.01);
    }
  });

  it('has plausible areas: 水上公园 1.2–2.3 km², every park 1 ha–20 km²', () => {
    const water = byName(parks, '水上公园');
    expect(water).toBeDefined();
    if (water) {
      expect(areaKm2(water)).toBeGreaterThan(1.2);
      expect(areaKm2(water)).toBeLessThan(2.3);
    }
    for (const f of parks.features) {
      expect(areaKm2(f), String(f.properties.name)).toBeGreaterThan(0.01);
      expect(areaKm2(f), String(f.properties.name)).toBeLessThan(20);
    }
  });

  it('has no two parks overlapping', () => {
    const fs = parks.features;
    for (let i = 0; i < fs.length; i++) {
      for (let j = i + 1; j < fs.length; j++) {
        const overlap = turf.intersect(turf.featureCollection([fs[i], fs[j]]));
        expect(overlap, `${String(fs[i].properties.name)} × ${String(fs[j].properties.name)}`).toBeNull();
      }
    }
  });
});
