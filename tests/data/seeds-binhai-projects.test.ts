// Checks the two hand-digitised seed layers of chapters 1-5: the Binhai planning zones
// (seeds/binhai-groups.geojson) and the named renewal projects (seeds/plan-projects.geojson).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { namesInSection, planHas, statusWordsAfter } from './plan-text';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(root + rel, 'utf8')) as T;

type Props = Record<string, unknown> & { name: string; plan_ref: string };
type Layer<G extends Geometry> = FeatureCollection<G, Props> & { metadata?: Record<string, unknown> };

const binhai = readJson<Layer<Polygon | MultiPolygon>>('seeds/binhai-groups.geojson');
const projects = readJson<Layer<Point>>('seeds/plan-projects.geojson');
const layers: [string, Layer<Geometry>][] = [
  ['binhai-groups', binhai],
  ['plan-projects', projects],
];


const PLAN_REF = /^ch[1-5](-\d+(\.\d+)?)?(; ch[1-5](-\d+(\.\d+)?)?)*$/;
const TYPES: Record<string, string> = {
  innovation: '科技创新',
  industry: '产业转型',
  commerce: '商圈提升',
  culture_tourism: '文旅融合',
  residential: '居住改善',
  public_service: '公共服务',
  green: '蓝绿空间',
  infrastructure: '基础设施',
  hub: '枢纽站区',
};
const KIND_REF: Record<string, string> = { core: 'ch4-2', port: 'ch4-3', airport: 'ch4-3', sub_city: 'ch4-4', group: 'ch4-5' };
const GROUPS = ['航运核心区', '临港—中部新城组团', '南港—油田组团', '空港组团', '科技城组团'];
const BBOX = [116.7, 38.55, 118.1, 40.25];

// District check against a coarse public district map (china-geojson, pre-2009 districts,
// 11-400 vertices each): it catches a point put in the wrong district by kilometres, no finer.
const OLD_NAMES: Record<string, string> = { 蓟县: '蓟州区', 静海县: '静海区', 宁河县: '宁河区', 塘沽区: '滨海新区', 汉沽区: '滨海新区', 大港区: '滨海新区' };
const districtMap = readJson<FeatureCollection<Polygon, { name: string }>>(
  'node_modules/china-geojson/src/geojson/tian_jin_geo.json',
).features.map((f) => ({ district: OLD_NAMES[f.properties.name] ?? f.properties.name, f }));
const TOLERANCE_KM = 2.5;

function kmOutside(pt: Position, district: string): number {
  let best = Infinity;
  for (const { district: d, f } of districtMap) {
    if (d !== district) continue;
    if (turf.booleanPointInPolygon(pt, f)) return 0;
    best = Math.min(best, turf.pointToLineDistance(pt, turf.lineString(f.geometry.coordinates[0]), { units: 'kilometers' }));
  }
  return best;
}
/** Reclaimed Binhai land lies off the old coastline: in the sea east of the city, inside no district. */
const inSea = (pt: Position): boolean => pt[0] > 117.35 && districtMap.every(({ f }) => !turf.booleanPointInPolygon(pt, f));

const decimals = (n: number): number => (String(n).split('.')[1] ?? '').length;
const positions = (g: Geometry): Position[] =>
  g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates.flat() : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : [];
const byName = <G extends Geometry>(fc: Layer<G>, name: string): Feature<G, Props> => {
  const f = fc.features.find((x) => x.properties.name === name);
  if (!f) throw new Error(`no feature named ${name}`);
  return f;
};

describe.each(layers)('seed layer %s', (_id, fc) => {
  it('is a FeatureCollection with the seed metadata', () => {
    expect(fc.type).toBe('FeatureCollection');
    const m = fc.metadata as { title: { zh: string; en: string }; source: string; source_crs: string; accuracy_m: number; notes: string };
    expect(m.title.zh.length).toBeGreaterThan(0);
    expect(m.title.en.length).toBeGreaterThan(0);
    expect(m.source.length).toBeGreaterThan(0);
    expect(m.source_crs).toMatch(/WGS84/);
    expect(m.accuracy_m).toBeGreaterThan(0);
    expect(m.notes.length).toBeGreaterThan(0);
    expect(fc.features.length).toBeGreaterThan(0);
  });

  it('has valid geometries with at most 6 decimals', () => {
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(turf.booleanValid(f.geometry), f.properties.name).toBe(true);
      for (const p of positions(f.geometry)) {
        expect(p.length, f.properties.name).toBe(2);
        for (const c of p) {
          expect(Number.isFinite(c)).toBe(true);
          expect(decimals(c), `${f.properties.name} ${c}`).toBeLessThanOrEqual(6);
        }
      }
    }
  });

  it('gives every feature the required properties', () => {
    for (const f of fc.features) {
      const p = f.properties;
      for (const key of ['name', 'name_en', 'plan_ref', 'source', 'district']) {
        expect(typeof p[key] === 'string' && (p[key] as string).length > 0, `${p.name}: ${key}`).toBe(true);
      }
      expect(p.plan_ref, p.name).toMatch(PLAN_REF);
      expect(typeof p.accuracy_m, p.name).toBe('number');
      expect(p.accuracy_m as number).toBeGreaterThan(0);
      expect(p.accuracy_m as number).toBeLessThanOrEqual(10000);
    }
  });

  it('has unique names', () => {
    const names = fc.features.map((f) => f.properties.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('takes every name from the plan text', () => {
    for (const f of fc.features) {
      const { name, plan_wording } = f.properties;
      if (typeof plan_wording === 'string') {
        // A completed name keeps the plan's fragment, which must be the plan's own words.
        expect(planHas(plan_wording), `${name}: ${plan_wording}`).toBe(true);
        expect(name.includes(plan_wording), name).toBe(true);
        expect(planHas(name), `${name} is verbatim: drop plan_wording`).toBe(false);
      } else {
        expect(planHas(name), name).toBe(true);
      }
    }
  });

  it('lies inside Tianjin and in its stated district', () => {
    for (const f of fc.features) {
      const { name, district } = f.properties;
      const pt = f.geometry.type === 'Point' ? f.geometry.coordinates : turf.centroid(f).geometry.coordinates;
      expect(pt[0] >= BBOX[0] && pt[0] <= BBOX[2] && pt[1] >= BBOX[1] && pt[1] <= BBOX[3], name).toBe(true);
      const off = district === '滨海新区' && inSea(pt) ? 0 : kmOutside(pt, district as string);
      expect(off, `${name} is ${off.toFixed(1)} km outside ${String(district)}`).toBeLessThanOrEqual(TOLERANCE_KM);
    }
  });
});

describe('plan-projects', () => {
  const feats = projects.features;

  it('classifies every project with a renewal type and its Chinese label', () => {
    for (const { properties: p } of feats) {
      expect(Object.keys(TYPES), p.name).toContain(p.renewal_type);
      expect(p.renewal_type_zh, p.name).toBe(TYPES[p.renewal_type as string]);
    }
  });

  it('keeps chapter consistent with plan_ref', () => {
    for (const { properties: p } of feats) {
      expect([1, 3, 4, 5], p.name).toContain(p.chapter);
      expect(p.plan_ref.split('; ').some((r) => r.startsWith(`ch${String(p.chapter)}`)), p.name).toBe(true);
    }
    for (const ch of [1, 3, 4, 5]) expect(feats.some((f) => f.properties.chapter === ch), `chapter ${ch}`).toBe(true);
  });

  it('names a real district', () => {
    const csv = readFileSync(root + 'seeds/facts/census-2020-districts.csv', 'utf8').trim().split('\n').slice(1);
    const districts = new Set(csv.map((line) => line.split(',')[1]));
    expect(districts.size).toBe(16);
    for (const { properties: p } of [...feats, ...binhai.features]) expect(districts.has(p.district as string), p.name).toBe(true);
  });

  it('sets status only where the plan states it next to the name', () => {
    const withStatus = feats.filter((f) => f.properties.status !== undefined);
    expect(withStatus.map((f) => f.properties.name).sort()).toEqual(['刘园公园', '程林公园']);
    for (const { properties: p } of withStatus) {
      expect(statusWordsAfter(p.name), p.name).toContain(p.status);
    }
  });

  it('uses point geometry only', () => {
    for (const f of feats) expect(f.geometry.type).toBe('Point');
  });
});

describe('binhai-groups', () => {
  const feats = binhai.features;
  const kinds = feats.map((f) => f.properties.kind as string);

  it('covers the five kinds of 一核双港两副城多组团, each with its plan section', () => {
    expect([...new Set(kinds)].sort()).toEqual(['airport', 'core', 'group', 'port', 'sub_city']);
    for (const { properties: p } of feats) expect(p.plan_ref, p.name).toBe(KIND_REF[p.kind as string]);
    expect(kinds.filter((k) => k === 'core')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'sub_city')).toHaveLength(2);
  });

  it('has exactly the plan group names, as written in chapter 4 section 5', () => {
    const section = namesInSection('ch4-5');
    const groups = feats.filter((f) => f.properties.kind === 'group').map((f) => f.properties.name);
    expect(groups.sort()).toEqual([...GROUPS].sort());
    for (const g of GROUPS) expect(section, g).toContain(g);
  });

  it('names the two sub-cities and the six port areas of 天津港片区', () => {
    expect(feats.filter((f) => f.properties.kind === 'sub_city').map((f) => f.properties.name).sort()).toEqual(['大港城区', '汉沽城区']);
    const ports = feats.filter((f) => f.properties.kind === 'port');
    expect(ports.map((f) => f.properties.name).sort()).toEqual(['东疆港区', '北疆港区', '南疆港区', '大沽口港区', '大港港区', '高沙岭港区'].sort());
    for (const f of ports) expect(f.properties.part_of).toBe('天津港片区');
    expect(planHas('天津港片区')).toBe(true);
  });

  it('uses polygons with counter-clockwise outer rings (RFC 7946)', () => {
    for (const f of feats) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) expect(turf.booleanClockwise(rings[0]), f.properties.name).toBe(false);
      expect(turf.kinks(f).features, f.properties.name).toHaveLength(0);
    }
  });

  it('states area_km2 as computed from the geometry', () => {
    for (const f of feats) {
      const km2 = turf.area(f) / 1e6;
      expect(Math.abs((f.properties.area_km2 as number) - km2), f.properties.name).toBeLessThanOrEqual(0.051);
    }
  });

  it('has plausible areas for the zones whose size is public', () => {
    const area = (n: string): number => byName(binhai, n).properties.area_km2 as number;
    expect(area('东疆港区')).toBeGreaterThanOrEqual(25);
    expect(area('东疆港区')).toBeLessThanOrEqual(45);
    expect(area('空港组团')).toBeGreaterThanOrEqual(25);
    expect(area('空港组团')).toBeLessThanOrEqual(60);
    expect(area('南港—油田组团')).toBeGreaterThanOrEqual(200);
    expect(area('滨城核心区')).toBeGreaterThan(area('汉沽城区'));
    for (const f of feats) expect(f.properties.area_km2 as number, f.properties.name).toBeLessThan(500);
  });

  it('lies on the coast, not inland: every centroid east of 117.35°E', () => {
    for (const f of feats) expect(turf.centroid(f).geometry.coordinates[0], f.properties.name).toBeGreaterThan(117.35);
  });

  it('does not overlap between core, ports, airport and sub-cities', () => {
    const base = feats.filter((f) => f.properties.kind !== 'group');
    for (let i = 0; i < base.length; i += 1) {
      for (let j = i + 1; j < base.length; j += 1) {
        const x = turf.intersect(turf.featureCollection([base[i], base[j]]));
        const km2 = x ? turf.area(x) / 1e6 : 0;
        expect(km2, `${base[i].properties.name} × ${base[j].properties.name}`).toBeLessThan(0.5);
      }
    }
  });

  it('agrees with the project points it should contain', () => {
    const inside = (point: string, zone: string): boolean =>
      turf.booleanPointInPolygon(byName(projects, point).geometry.coordinates, byName(binhai, zone));
    expect(inside('南港工业区', '南港—油田组团')).toBe(true);
    expect(inside('天津滨海国际机场T3航站楼', '空港片区')).toBe(true);
    expect(inside('机场综合交通枢纽', '空港片区')).toBe(true);
    // The estuary is where the core's Haihe bank meets the port areas on either side of the channel.
    const kmTo = (point: string, zone: string): number => {
      const ring = (byName(binhai, zone).geometry as Polygon).coordinates[0];
      return turf.pointToLineDistance(byName(projects, point).geometry.coordinates, turf.lineString(ring), { units: 'kilometers' });
    };
    for (const zone of ['滨城核心区', '北疆港区', '南疆港区']) expect(kmTo('海河入海口', zone), zone).toBeLessThan(2);
  });
});
