/**
 * Tianjin district boundaries for the data build: read the pre-2009 source
 * (china-geojson, GCJ-02), merge it into the 16 current districts, apply the
 * coast/enclave corrections and derive the ring/outer district layers.
 * Pure, synchronous functions (the readers only read files).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { roundCoords } from './crs.ts';
import {
  type Areal, type ArealFeature, areaKm2, areaKm2Rounded, dropSlivers, intersection, subtract, unionAll,
} from './geom.ts';

export { gcjToWgs84 } from './crs.ts';
export { buildBasemapLand } from './basemap.ts';

export type PlanZone = 'central_six' | 'ring_four' | 'binhai' | 'outer_five';
const PLAN_ZONES: readonly PlanZone[] = ['central_six', 'ring_four', 'binhai', 'outer_five'];

export interface CensusRow {
  adcode: number;
  name_zh: string;
  name_en: string;
  plan_zone: PlanZone;
  population_2020: number;
  status: string;
}

export interface DistrictProps {
  name: string;
  name_en: string;
  adcode: number;
  population_2020: number;
  plan_zone: PlanZone;
  source: string;
  accuracy_m: number;
  plan_ref: string;
  area_km2: number;
}
export type District = Feature<Areal, DistrictProps>;
export type Districts = FeatureCollection<Areal, DistrictProps>;

export interface Corrections {
  /** Reclaimed land to add to 滨海新区 (seeds/corrections/reclaimed-coast.geojson). */
  reclaimedCoast: FeatureCollection<Areal>;
  /** Hebei land drawn inside Tianjin (seeds/corrections/hebei-enclaves.geojson). */
  hebeiEnclaves: FeatureCollection<Areal>;
}

export const BINHAI = '滨海新区';
/** Pre-2009 units of the source → current district. Unlisted names map to themselves. */
export const OLD_TO_NEW: Readonly<Record<string, string>> = {
  塘沽区: BINHAI, 汉沽区: BINHAI, 大港区: BINHAI,
  蓟县: '蓟州区', 静海县: '静海区', 宁河县: '宁河区',
};
export const SOURCE_OLD =
  'china-geojson 1.0.0 (MIT, antvis) tian_jin_geo.json, pre-2009 units merged to the 16 current districts; GCJ-02 → WGS84 (gcoord)';
/** The source is generalised (4-decimal, ~1 km vertex spacing); its lines are good to a few hundred metres. */
export const ACCURACY_OLD_M = 500;
export const PLAN_REF_ZONES = 'ch2-2';
const SLIVER_KM2 = 0.5;

/** Split one CSV line (RFC 4180 quoting). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Parse the text of seeds/facts/census-2020-districts.csv. */
export function parseCensus(text: string): CensusRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`census CSV: missing column ${name}`);
    return i;
  };
  const [ia, iz, ie, ip, in_, is] =
    ['adcode', 'name_zh', 'name_en', 'plan_zone', 'population_2020', 'status'].map(col);
  return lines.slice(1).map((line, k) => {
    const c = splitCsvLine(line);
    const zone = c[ip] as PlanZone;
    const adcode = Number(c[ia]);
    const population = Number(c[in_]);
    if (!PLAN_ZONES.includes(zone)) throw new Error(`census CSV row ${k + 2}: bad plan_zone ${c[ip]}`);
    if (!Number.isInteger(adcode) || !Number.isFinite(population)) {
      throw new Error(`census CSV row ${k + 2}: bad number`);
    }
    return { adcode, name_zh: c[iz], name_en: c[ie], plan_zone: zone, population_2020: population, status: c[is] ?? '' };
  });
}

/** Read and parse the census CSV (default path relative to the working directory). */
export function readCensus(path = 'seeds/facts/census-2020-districts.csv'): CensusRow[] {
  return parseCensus(readFileSync(path, 'utf8'));
}

/** The 18 pre-2009 Tianjin districts/counties of china-geojson (GCJ-02, MIT). */
export function readOldTianjin(): FeatureCollection<Polygon> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('china-geojson/src/geojson/tian_jin_geo.json');
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon>;
}

/** Read the two correction files (parsed FeatureCollections). */
export function readCorrections(dir = 'seeds/corrections'): Corrections {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FeatureCollection<Areal>;
  return { reclaimedCoast: read('reclaimed-coast.geojson'), hebeiEnclaves: read('hebei-enclaves.geojson') };
}

function cleaned(g: Areal | undefined | null, what: string): Areal {
  const c = g ? dropSlivers(g, SLIVER_KM2) : null;
  if (!c) throw new Error(`empty geometry for ${what}`);
  return c;
}

/**
 * The 16 current districts from the 18 pre-2009 units: 塘沽+汉沽+大港 → 滨海新区
 * (Turf union), the three counties renamed; census figures joined by name.
 */
export function mergeDistricts(old: FeatureCollection, census: CensusRow[]): Districts {
  const groups = new Map<string, Feature<Areal>[]>();
  for (const f of old.features) {
    const oldName = String(f.properties?.name ?? '');
    const name = OLD_TO_NEW[oldName] ?? oldName;
    if (!census.some((r) => r.name_zh === name)) throw new Error(`source unit ${oldName} has no census district`);
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') throw new Error(`${oldName} is not areal`);
    groups.set(name, [...(groups.get(name) ?? []), f as Feature<Areal>]);
  }
  const features = census.map((row): District => {
    const parts = groups.get(row.name_zh);
    if (!parts) throw new Error(`census district ${row.name_zh} missing from the source`);
    const geometry = cleaned(unionAll(parts)?.geometry, row.name_zh);
    return roundCoords(turf.feature(geometry, {
      name: row.name_zh, name_en: row.name_en, adcode: row.adcode, population_2020: row.population_2020,
      plan_zone: row.plan_zone, source: SOURCE_OLD, accuracy_m: ACCURACY_OLD_M, plan_ref: PLAN_REF_ZONES,
      area_km2: areaKm2Rounded(geometry),
    }));
  });
  return turf.featureCollection(features);
}

/**
 * Add the reclaimed coast to 滨海新区 (union, after removing any part that
 * overlaps another district) and subtract the Hebei enclaves from every
 * district they overlap. Areas are recomputed.
 */
export function applyCorrections(districts: Districts, corrections: Corrections): Districts {
  const enclaves = corrections.hebeiEnclaves.features;
  const noEnclaves = districts.features.map((d): District => {
    const hit = enclaves.filter((e) => intersection(d, e) !== null);
    if (hit.length === 0) return d;
    const g = cleaned(subtract(d, hit)?.geometry, d.properties.name);
    return { ...d, geometry: g, properties: { ...d.properties, source: `${d.properties.source}; minus Hebei enclaves (seeds/corrections/hebei-enclaves.geojson)` } };
  });
  const others = noEnclaves.filter((d) => d.properties.name !== BINHAI);
  const reclaimed = unionAll(corrections.reclaimedCoast.features);
  const addition = reclaimed ? subtract(reclaimed, [...others, ...enclaves]) : null;
  const features = noEnclaves.map((d): District => {
    let geometry = d.geometry;
    let source = d.properties.source;
    if (d.properties.name === BINHAI && addition) {
      geometry = cleaned(unionAll([d, addition])?.geometry, BINHAI);
      source = `${source}; plus reclaimed coast (seeds/corrections/reclaimed-coast.geojson)`;
    }
    return roundCoords(turf.feature(geometry, { ...d.properties, source, area_km2: areaKm2Rounded(geometry) }));
  });
  return turf.featureCollection(features);
}

function byName(districts: Districts, name: string): District {
  const d = districts.features.find((f) => f.properties.name === name);
  if (!d) throw new Error(`no district named ${name}`);
  return d;
}

/** The named districts, in the order given (for the outer-districts layer). */
export function selectDistricts(districts: Districts, names: string[]): Districts {
  return turf.featureCollection(names.map((n) => byName(districts, n)));
}

/**
 * The parts of the named districts lying outside `centralCity` (Turf
 * difference), properties carried over and `area_km2` recomputed. Districts
 * wholly inside the central city are left out.
 */
export function deriveOutside(districts: Districts, centralCity: Feature<Polygon | MultiPolygon>, names: string[]): Districts {
  const features: District[] = [];
  for (const name of names) {
    const d = byName(districts, name);
    const diff = subtract(d, [centralCity]);
    const g = diff ? dropSlivers(diff.geometry, 0.01) : null;
    if (g) features.push(roundCoords(turf.feature(g, { ...d.properties, area_km2: areaKm2Rounded(g) })));
  }
  return turf.featureCollection(features);
}

/** Share (0..1) of `inner`'s area that lies inside `outer`. */
export function containedShare(inner: Feature<Areal>, outer: Feature<Areal>): number {
  const total = areaKm2(inner);
  if (total === 0) return 0;
  const common = intersection(inner, outer);
  return common ? Math.min(1, areaKm2(common) / total) : 0;
}

export type { ArealFeature };
