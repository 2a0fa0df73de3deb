// Checks the four hand-digitised seed layers of the central city:
// seeds/central-city.geojson, seeds/historic-blocks.geojson, seeds/rivers.geojson, seeds/water.geojson.
// Expected block names come from seeds/facts/historic-blocks-14.csv, not restated here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Polygon, Position } from 'geojson';
import { readFacts } from './facts';

const root = new URL('../../', import.meta.url);
const readText = (rel: string): string => readFileSync(new URL(rel, root), 'utf8');

type Props = Record<string, unknown>;
type Layer<G extends Geometry> = FeatureCollection<G, Props> & { metadata: Props };
const readLayer = <G extends Geometry>(rel: string): Layer<G> => JSON.parse(readText(rel)) as Layer<G>;


const city = readLayer<Polygon>('seeds/central-city.geojson');
const blocks = readLayer<Polygon>('seeds/historic-blocks.geojson');
const rivers = readLayer<LineString | MultiLineString>('seeds/rivers.geojson');
const water = readLayer<Polygon>('seeds/water.geojson');
const layers: [string, Layer<Geometry>][] = [
  ['central-city', city],
  ['historic-blocks', blocks],
  ['rivers', rivers],
  ['water', water],
];

/** Every position of a geometry, flattened. */
function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'LineString': case 'MultiPoint': return g.coordinates;
    case 'Polygon': case 'MultiLineString': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    default: return g.geometries.flatMap(positions);
  }
}

const decimals = (v: number): number => (String(v).split('.')[1] ?? '').length;
const km2 = (f: Feature<Polygon>): number => turf.area(f) / 1e6;
const cityFeature = city.features[0];

// Reference points (WGS84, from public knowledge; approximate).
const SANCHAHEKOU: Position = [117.186, 39.152]; // 三岔河口, the Haihe's head
const HAIHE_BARRAGE: Position = [117.72, 38.98]; // 海河防潮闸 at Dagu

describe('seed files are well-formed GeoJSON', () => {
  it.each(layers)('%s: FeatureCollection with metadata', (_id, fc) => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    const m = fc.metadata;
    expect(typeof (m.title as Props).zh).toBe('string');
    expect(typeof (m.title as Props).en).toBe('string');
    for (const k of ['source', 'source_crs', 'notes']) expect(String(m[k]).length, k).toBeGreaterThan(5);
    expect(m.accuracy_m).toBeGreaterThan(0);
  });

  it.each(layers)('%s: required properties on every feature', (_id, fc) => {
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      const p = f.properties;
      for (const k of ['name', 'name_en', 'plan_ref', 'source']) {
        expect(typeof p[k], `${String(p.name)}.${k}`).toBe('string');
        expect(String(p[k]).length, `${String(p.name)}.${k}`).toBeGreaterThan(0);
      }
      expect(p.accuracy_m, String(p.name)).toBeGreaterThan(0);
    }
  });

  it.each(layers)('%s: coordinates in Tianjin, at most 6 decimals', (_id, fc) => {
    for (const f of fc.features) {
      for (const [lon, lat] of positions(f.geometry)) {
        expect(lon).toBeGreaterThanOrEqual(116);
        expect(lon).toBeLessThanOrEqual(118.5);
        expect(lat).toBeGreaterThanOrEqual(38.5);
        expect(lat).toBeLessThanOrEqual(40.3);
        expect(decimals(lon)).toBeLessThanOrEqual(6);
        expect(decimals(lat)).toBeLessThanOrEqual(6);
      }
    }
  });

  it.each([['central-city', city], ['historic-blocks', blocks], ['water', water]] as const)(
    '%s: closed, simple polygon rings', (_id, fc) => {
      for (const f of fc.features) {
        expect(f.geometry.type).toBe('Polygon');
        for (const ring of f.geometry.coordinates) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
        }
        expect(turf.kinks(f).features, String(f.properties.name)).toHaveLength(0);
      }
    });

  it('rivers: lines with a rank of 1 or 2', () => {
    for (const f of rivers.features) {
      expect(['LineString', 'MultiLineString']).toContain(f.geometry.type);
      expect([1, 2]).toContain(f.properties.rank);
    }
  });

  it('water: every body has a known kind', () => {
    for (const f of water.features) expect(['reservoir', 'lake', 'wetland']).toContain(f.properties.kind);
  });
});

describe('central city (inside the Outer Ring Road)', () => {
  it('is one polygon named as the plan names it', () => {
    expect(city.features).toHaveLength(1);
    expect(cityFeature.properties.name).toBe('中心城区');
    expect(cityFeature.properties.plan_ref).toBe('ch2-2');
    expect(cityFeature.properties.ring_road_name).toBe('外环线');
  });

  it('encloses the published ~371 km² with a ring of plausible length', () => {
    expect(km2(cityFeature)).toBeGreaterThanOrEqual(370);
    expect(km2(cityFeature)).toBeLessThanOrEqual(380);
    const ringKm = turf.length(turf.polygonToLine(cityFeature) as Feature<LineString>);
    expect(ringKm).toBeGreaterThanOrEqual(65);
    expect(ringKm).toBeLessThanOrEqual(78);
  });

  it('traces the road with 150–400 vertices', () => {
    const n = cityFeature.geometry.coordinates[0].length;
    expect(n).toBeGreaterThanOrEqual(150);
    expect(n).toBeLessThanOrEqual(400);
  });

  it('holds the six central districts (coarse GCJ-02 outlines from china-geojson, converted)', () => {
    const six = ['和平区', '河东区', '河西区', '南开区', '河北区', '红桥区'];
    const src = JSON.parse(readText('node_modules/china-geojson/src/geojson/tian_jin_geo.json')) as FeatureCollection<Polygon, Props>;
    for (const name of six) {
      const d = src.features.find((f) => f.properties.name === name);
      expect(d, name).toBeDefined();
      const ring = d!.geometry.coordinates[0].map((p) => gcoord.transform(p as [number, number], gcoord.GCJ02, gcoord.WGS84));
      const poly = turf.polygon([ring]);
      const inside = turf.intersect(turf.featureCollection([poly, cityFeature]));
      expect(inside ? turf.area(inside) / turf.area(poly) : 0, name).toBeGreaterThanOrEqual(0.99);
    }
  });
});

describe('historic-cultural blocks', () => {
  const csv = readFacts('historic-blocks-14.csv');

  it('are the 14 blocks of the facts file, in order, with its groups and directions', () => {
    expect(blocks.features.map((f) => f.properties.name)).toEqual(csv.map((r) => r.name_zh));
    blocks.features.forEach((f, i) => {
      expect(f.properties.order).toBe(Number(csv[i].order));
      expect(f.properties.plan_group).toBe(csv[i].plan_group);
      expect(f.properties.plan_direction).toBe(csv[i].plan_direction);
      expect(f.properties.plan_ref).toBe('ch1; ch3-11');
      expect(String(f.properties.district)).toMatch(/区/);
    });
  });

  it('carry an area_ha that matches their geometry, within 5–150 ha', () => {
    for (const f of blocks.features) {
      const ha = turf.area(f) / 1e4;
      expect(Math.abs(Number(f.properties.area_ha) - ha), String(f.properties.name)).toBeLessThan(0.5);
      expect(ha, String(f.properties.name)).toBeGreaterThanOrEqual(5);
      expect(ha, String(f.properties.name)).toBeLessThanOrEqual(150);
    }
  });

  it('五大道 covers 1.0–1.6 km²', () => {
    const wdd = blocks.features.find((f) => f.properties.name === '五大道')!;
    expect(km2(wdd)).toBeGreaterThanOrEqual(1.0);
    expect(km2(wdd)).toBeLessThanOrEqual(1.6);
  });

  it('all lie inside the central city', () => {
    for (const f of blocks.features) {
      const inside = turf.booleanWithin(f, cityFeature)
        || (turf.area(turf.intersect(turf.featureCollection([f, cityFeature]))!) / turf.area(f) >= 0.99);
      expect(inside, String(f.properties.name)).toBe(true);
    }
  });

  it('no two overlap by more than 1% of the smaller', () => {
    const fs = blocks.features;
    for (let i = 0; i < fs.length; i++) {
      for (let j = i + 1; j < fs.length; j++) {
        const x = turf.intersect(turf.featureCollection([fs[i], fs[j]]));
        const share = x ? turf.area(x) / Math.min(turf.area(fs[i]), turf.area(fs[j])) : 0;
        expect(share, `${String(fs[i].properties.name)} × ${String(fs[j].properties.name)}`).toBeLessThanOrEqual(0.01);
      }
    }
  });
});

describe('rivers', () => {
  const haihe = rivers.features.find((f) => f.properties.name === '海河')!;
  const haiheLines = (): Feature<LineString>[] =>
    haihe.geometry.type === 'LineString'
      ? [haihe as Feature<LineString>]
      : haihe.geometry.coordinates.map((c) => turf.lineString(c));
  const nearestVertexM = (p: Position): number =>
    Math.min(...positions(haihe.geometry).map((q) => turf.distance(p, q, { units: 'meters' })));

  it('include the Haihe as a rank-1 river and the other named rivers', () => {
    expect(haihe).toBeDefined();
    expect(haihe.properties.rank).toBe(1);
    const names = rivers.features.map((f) => f.properties.name);
    for (const n of ['北运河', '南运河', '子牙河', '永定新河', '独流减河', '蓟运河', '潮白新河', '州河']) expect(names).toContain(n);
  });

  it('the Haihe runs from 三岔河口 to the 海河防潮闸', () => {
    expect(nearestVertexM(SANCHAHEKOU)).toBeLessThanOrEqual(300);
    expect(nearestVertexM(HAIHE_BARRAGE)).toBeLessThanOrEqual(300);
  });

  it('the Haihe crosses the Outer Ring Road: it starts inside the central city and leaves it', () => {
    const boundary = turf.polygonToLine(cityFeature) as Feature<LineString>;
    const crossings = haiheLines().reduce((n, l) => n + turf.lineIntersect(l, boundary).features.length, 0);
    expect(crossings).toBeGreaterThanOrEqual(1);
    const pts = positions(haihe.geometry);
    expect(pts.some((p) => turf.booleanPointInPolygon(p, cityFeature))).toBe(true);
    expect(pts.some((p) => !turf.booleanPointInPolygon(p, cityFeature))).toBe(true);
  });

  it('the canals end at 三岔河口', () => {
    for (const n of ['北运河', '南运河', '子牙河']) {
      const f = rivers.features.find((r) => r.properties.name === n)!;
      const end = positions(f.geometry).at(-1)!;
      expect(turf.distance(end, SANCHAHEKOU, { units: 'meters' }), n).toBeLessThanOrEqual(300);
    }
  });
});
