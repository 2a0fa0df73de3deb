// Checks over the built public/geo (npm run data runs before the unit tests in npm test).
import { existsSync, readFileSync } from 'node:fs';
import { area, booleanPointInPolygon, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/types';
import { validateGeoJSON } from '../../src/io/validate';
import { readFacts } from './facts';

const GEO = 'public/geo';
const REQUIRED_IDS = [
  'districts', 'central-city', 'ring-districts', 'outer-districts', 'binhai-groups',
  'historic-blocks', 'shelters', 'parks', 'plan-projects', 'ring-road', 'rivers',
];

function read<T>(file: string): T {
  if (!existsSync(`${GEO}/${file}`)) throw new Error(`${GEO}/${file} is missing: run npm run data first`);
  return JSON.parse(readFileSync(`${GEO}/${file}`, 'utf8')) as T;
}

const catalog = read<Catalog>('catalog.json');
const layer = (id: string) => read<FeatureCollection>(`${id}.geojson`);

describe('built catalog', () => {
  it('has version 1 and every required layer id', () => {
    expect(catalog.version).toBe(1);
    expect(catalog.layers.map((l) => l.id)).toEqual(expect.arrayContaining(REQUIRED_IDS));
  });

  it.each(REQUIRED_IDS)('layer %s is valid RFC 7946 GeoJSON with provenance on every feature', (id) => {
    const entry = catalog.layers.find((l) => l.id === id)!;
    for (const k of ['title', 'group', 'geometry', 'source', 'source_crs', 'accuracy_m', 'style'] as const) expect(entry[k]).toBeTruthy();
    const fc = layer(id);
    const v = validateGeoJSON(fc);
    expect(v.errors).toEqual([]);
    expect(fc.features.length).toBe(entry.feature_count);
    for (const f of fc.features) {
      const p = f.properties!;
      expect(typeof p.name, `${id}: name`).toBe('string');
      expect(typeof p.name_en, `${id} ${p.name}: name_en`).toBe('string');
      expect(p.plan_ref, `${id} ${p.name}: plan_ref`).toMatch(/^(ch\d|context)/);
      expect(typeof p.source, `${id} ${p.name}: source`).toBe('string');
      expect(p.accuracy_m, `${id} ${p.name}: accuracy_m`).toBeGreaterThan(0);
    }
  });
});

describe('built districts', () => {
  const districts = layer('districts') as FeatureCollection<Polygon | MultiPolygon>;
  const census = readFacts('census-2020-districts.csv');

  it('are the 16 census districts with adcode, population and plan zone', () => {
    expect(districts.features.map((f) => f.properties!.adcode).sort()).toEqual(census.map((r) => Number(r.adcode)).sort());
    const total = districts.features.reduce((s, f) => s + (f.properties!.population_2020 as number), 0);
    expect(total).toBe(13866009);
    for (const f of districts.features) {
      const row = census.find((r) => Number(r.adcode) === f.properties!.adcode)!;
      expect(f.properties!.name).toBe(row.name_zh);
      expect(f.properties!.plan_zone).toBe(row.plan_zone);
    }
  });

  it('put the six central districts inside the central city (≥ 97% of their area)', () => {
    const central = layer('central-city').features[0] as Feature<Polygon>;
    const km2 = area(central) / 1e6;
    expect(km2).toBeGreaterThan(370);
    expect(km2).toBeLessThan(380);
    const six = districts.features.filter((d) => d.properties!.plan_zone === 'central_six');
    expect(six).toHaveLength(6);
    for (const f of six) {
      const inside = intersect(featureCollection([f, central]));
      const share = inside ? area(inside) / area(f) : 0;
      expect(share, `${f.properties!.name}: ${(100 * share).toFixed(1)}% inside`).toBeGreaterThanOrEqual(0.97);
    }
    // and the check can tell: a ring district is mostly outside
    const dongli = districts.features.find((d) => d.properties!.name === '东丽区')!;
    const part = intersect(featureCollection([dongli, central]));
    expect(part ? area(part) / area(dongli) : 0).toBeLessThan(0.5);
  });

  it('derive ring districts outside the ring road and the five outer districts', () => {
    const ring = layer('ring-districts');
    expect(ring.features.map((f) => f.properties!.name).sort()).toEqual(['东丽区', '北辰区', '津南区', '西青区'].sort());
    const central = layer('central-city').features[0] as Feature<Polygon>;
    for (const f of ring.features) {
      const inner = pointOnFeature(f as Feature<Polygon>);
      expect(booleanPointInPolygon(inner, central), `${f.properties!.name} part lies outside`).toBe(false);
      const whole = districts.features.find((d) => d.properties!.name === f.properties!.name)!;
      expect(area(f)).toBeLessThan(area(whole));
    }
    expect(layer('outer-districts').features.map((f) => f.properties!.name)).toEqual(['武清区', '宝坻区', '宁河区', '静海区', '蓟州区']);
  });
});

describe('built plan layers', () => {
  it('name the 14 historic blocks exactly as the plan, with points for city scale', () => {
    const names = readFacts('historic-blocks-14.csv').map((r) => r.name_zh);
    expect(layer('historic-blocks').features.map((f) => f.properties!.name)).toEqual(names);
    const pts = read<FeatureCollection>('historic-blocks.points.geojson');
    expect(pts.features.map((f) => f.properties!.name)).toEqual(names);
  });

  it('carry the three shelters the plan names as city-level sites', () => {
    const shelters = layer('shelters').features.map((f) => f.properties!);
    for (const n of ['水西公园', '水上公园', '梅江会展中心']) {
      expect(shelters.find((p) => p.name === n)?.tier).toBe('city_central');
    }
  });

  it('give every plan project a chapter-and-section citation and a renewal type', () => {
    for (const f of layer('plan-projects').features) {
      expect(f.properties!.plan_ref).toMatch(/^ch[1-5]/);
      expect(typeof f.properties!.renewal_type).toBe('string');
    }
  });

  it('draws the ring road as the outline of the central city, about 65–78 km', () => {
    const road = layer('ring-road').features[0];
    expect(road.geometry.type).toMatch(/LineString/);
    expect(road.properties!.length_km).toBeGreaterThan(65);
    expect(road.properties!.length_km).toBeLessThan(78);
  });

  it('ships an offline basemap with land, water and Chinese labels', () => {
    const land = read<FeatureCollection>('basemap-land.geojson');
    expect(land.features.some((f) => f.properties!.kind === 'tianjin')).toBe(true);
    expect(read<FeatureCollection>('basemap-water.geojson').features.length).toBeGreaterThan(3);
    const labels = read<FeatureCollection>('basemap-labels.geojson').features.map((f) => f.properties!.name);
    expect(labels).toEqual(expect.arrayContaining(['北京市', '和平区', '滨海新区']));
  });
});
