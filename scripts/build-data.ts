// npm run data: seeds/ + npm boundary data → public/geo/*.geojson + public/geo/catalog.json.
// Validates everything; any problem stops the build with the file and feature named.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, centerOfMass, length, pointOnFeature, polygonToLine } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CATALOG_VERSION, type Catalog, type CatalogLayer } from '../src/catalog/types';
import {
  applyCorrections, buildBasemapLand, containedShare, deriveOutside, gcjToWgs84, mergeDistricts,
  readCensus, readCorrections, readOldTianjin, selectDistricts,
} from './data/boundaries';
import { roundCoords } from './data/crs';
import { PLAN_FACTS_FILE, readPlanFacts } from './data/facts';
import { markDuplicateLabels } from './data/labels';
import { BuildError, catalogEntry, checkSeed, geometryKind, type LayerSeed, type Seed, type SeedMetadata } from './data/layer';

const OUT = 'public/geo';
const SEEDS = 'seeds';
const RING = ['东丽区', '西青区', '津南区', '北辰区'];
const OUTER = ['武清区', '宝坻区', '宁河区', '静海区', '蓟州区'];
const CENTRAL_SIX = ['和平区', '河东区', '河西区', '南开区', '河北区', '红桥区'];
/** Published: the area inside the outer ring road is roughly 370–380 km². */
const CENTRAL_AREA_KM2: [number, number] = [370, 380];
/** The coarse source boundaries may poke out of the ring road by a few hundred metres. */
const MIN_CONTAINED = 0.97;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new BuildError(`${file}: ${(e as Error).message}`);
  }
}

const readSeed = (id: string): Seed => checkSeed(join(SEEDS, `${id}.geojson`), readJson(join(SEEDS, `${id}.geojson`)));

function write(file: string, fc: FeatureCollection): number {
  const text = JSON.stringify(roundCoords(fc, 6));
  writeFileSync(join(OUT, file), text);
  return text.length;
}

const km2 = (f: Feature | FeatureCollection) => Number((area(f) / 1e6).toFixed(1));

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const seeds = (readJson(join(SEEDS, 'layers.json')) as { layers: LayerSeed[] }).layers;
  const seedOf = (id: string): LayerSeed => {
    const s = seeds.find((x) => x.id === id);
    if (!s) throw new BuildError(`seeds/layers.json: no entry for layer "${id}"`);
    return s;
  };
  const layers = new Map<string, { fc: FeatureCollection; meta: SeedMetadata; extra?: Partial<CatalogLayer> }>();

  // Districts: the old npm boundaries, merged, corrected, converted.
  const census = readCensus(join(SEEDS, 'facts/census-2020-districts.csv'));
  const corrections = readCorrections(join(SEEDS, 'corrections'));
  const districts = applyCorrections(mergeDistricts(gcjToWgs84(readOldTianjin()), census), corrections);
  if (districts.features.length !== 16) throw new BuildError(`districts: expected 16 districts, got ${districts.features.length}`);
  const districtMeta: SeedMetadata = {
    title: { zh: '行政区', en: 'Districts' },
    source: 'china-geojson 1.0.0 (MIT) tian_jin_geo.json: pre-2009 units merged into the 16 districts; reclaimed coast added and Hebei enclaves removed (seeds/corrections); population: 7th census (2020)',
    source_crs: 'GCJ-02 (converted to WGS84 with gcoord)',
    accuracy_m: 500,
  };
  layers.set('districts', { fc: districts, meta: districtMeta });

  // The central city: inside the outer ring road.
  const centralSeed = readSeed('central-city');
  const central = centralSeed.features[0] as Feature<Polygon | MultiPolygon>;
  const centralKm2 = km2(central);
  if (centralSeed.features.length !== 1 || centralKm2 < CENTRAL_AREA_KM2[0] || centralKm2 > CENTRAL_AREA_KM2[1]) {
    throw new BuildError(`seeds/central-city.geojson: one polygon of ${CENTRAL_AREA_KM2.join('–')} km² expected; got ${centralSeed.features.length} feature(s), ${centralKm2} km²`);
  }
  central.properties = { ...central.properties, area_km2: centralKm2 };
  for (const name of CENTRAL_SIX) {
    const d = districts.features.find((f) => f.properties.name === name);
    const share = d ? containedShare(d, central) : 0;
    if (share < MIN_CONTAINED) throw new BuildError(`central-city: ${name} lies only ${(share * 100).toFixed(1)}% inside the outer ring road (≥ ${MIN_CONTAINED * 100}% expected)`);
  }
  layers.set('central-city', { fc: centralSeed, meta: centralSeed.metadata });

  const ring = deriveOutside(districts, central, RING);
  layers.set('ring-districts', {
    fc: ring,
    meta: { ...districtMeta, title: { zh: '环城四区（外环线以外）', en: 'Ring districts (outside the Outer Ring Road)' },
      source: `${districtMeta.source}; minus the central-city polygon (Turf difference)` },
  });
  layers.set('outer-districts', { fc: selectDistricts(districts, OUTER), meta: { ...districtMeta, title: { zh: '外围五区', en: 'Five outer districts' } } });

  // The ring road: the central city's outline.
  const ringLine = polygonToLine(central as Feature<Polygon>) as Feature;
  const ringKm = Number(length(ringLine as Feature<never>, { units: 'kilometers' }).toFixed(1));
  ringLine.properties = {
    name: '外环线', name_en: 'Outer Ring Road', plan_ref: 'ch2-2', length_km: ringKm,
    source: central.properties?.source, accuracy_m: central.properties?.accuracy_m,
  };
  layers.set('ring-road', {
    fc: { type: 'FeatureCollection', features: [ringLine] },
    meta: { ...centralSeed.metadata, title: { zh: '外环线', en: 'Outer Ring Road' } },
  });

  // Plan layers straight from their seeds.
  for (const id of ['binhai-groups', 'historic-blocks', 'shelters', 'parks', 'plan-projects', 'rivers']) {
    const seed = readSeed(id);
    layers.set(id, { fc: seed, meta: seed.metadata });
  }

  // Polygon layers also ship one point per feature (same order, so the same ids):
  // labels are placed there once, and small polygons are drawn as dots at city scale.
  const pointsById = new Map<string, FeatureCollection>();
  for (const [id, l] of layers) {
    if (geometryKind(l.fc, id) !== 'polygon') continue;
    const points: FeatureCollection = {
      type: 'FeatureCollection',
      features: l.fc.features.map((f) => ({
        ...(CENTRAL_SIX.includes(String(f.properties?.name)) ? centerOfMass(f) : pointOnFeature(f as Feature<Polygon>)),
        properties: f.properties,
      })),
    };
    pointsById.set(id, points);
    l.extra = { pointsFile: `${id}.points.geojson` };
  }
  // One label per place: shelters and projects named like a park or block (or each other) nearby are not labelled again.
  const dupes = markDuplicateLabels([
    { id: 'parks', points: pointsById.get('parks')! },
    { id: 'historic-blocks', points: pointsById.get('historic-blocks')! },
    { id: 'shelters', points: layers.get('shelters')!.fc },
    { id: 'plan-projects', points: layers.get('plan-projects')!.fc },
  ]);
  for (const [id, points] of pointsById) write(`${id}.points.geojson`, points);

  // Catalog, in the draw order of seeds/layers.json.
  const entries: CatalogLayer[] = [];
  const sizes: string[] = [];
  for (const s of seeds) {
    const l = layers.get(s.id);
    if (!l) throw new BuildError(`seeds/layers.json names "${s.id}" but the build made no such layer`);
    const fc: FeatureCollection = { type: 'FeatureCollection', features: l.fc.features };
    const bytes = write(`${s.id}.geojson`, fc);
    entries.push(catalogEntry(seedOf(s.id), fc, l.meta, l.extra));
    sizes.push(`${s.id}: ${fc.features.length} features, ${(bytes / 1024).toFixed(0)} KB`);
  }
  const catalog: Catalog = { version: CATALOG_VERSION, generated: new Date().toISOString(), layers: entries };
  writeFileSync(join(OUT, 'catalog.json'), JSON.stringify(catalog, null, 1));

  // The embedded basemap: neighbours' land, water, labels.
  const land = buildBasemapLand(districts, corrections.hebeiEnclaves);
  const landFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: land.land.features.map((f) => ({ ...f, properties: { ...f.properties, kind: f.properties?.is_tianjin ? 'tianjin' : 'other' } })),
  };
  write('basemap-land.geojson', landFc);
  const water = readSeed('water');
  write('basemap-water.geojson', water);
  const districtLabels = districts.features.map((f) => ({
    ...(CENTRAL_SIX.includes(f.properties.name) ? centerOfMass(f) : pointOnFeature(f)),
    properties: { name: f.properties.name, name_en: f.properties.name_en, kind: 'district' },
  }));
  write('basemap-labels.geojson', { type: 'FeatureCollection', features: [...land.labels.features, ...districtLabels] });

  // The plan's targets and the census figures the app judges against (seeds/facts → planFacts.json).
  const facts = JSON.stringify(readPlanFacts(SEEDS), null, 1) + '\n';
  const factsChanged = !existsSync(PLAN_FACTS_FILE) || readFileSync(PLAN_FACTS_FILE, 'utf8') !== facts;
  if (factsChanged) writeFileSync(PLAN_FACTS_FILE, facts);

  console.log(`data: ${entries.length} layers → ${OUT}/ (central city ${centralKm2} km², ring road ${ringKm} km; ${dupes} repeated labels left out)`);
  console.log(`  plan facts: ${PLAN_FACTS_FILE} ${factsChanged ? 'rewritten from seeds/facts' : 'up to date'}`);
  for (const line of sizes) console.log(`  ${line}`);
}

try {
  if (!existsSync(SEEDS)) throw new BuildError('run from the repository root (seeds/ not found)');
  main();
} catch (e) {
  if (e instanceof BuildError) {
    console.error(`data build failed:\n${e.message}`);
  } else {
    console.error(`data build failed: ${(e as Error).message}`);
  }
  process.exit(1);
}
