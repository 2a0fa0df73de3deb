/**
 * Offline basemap land around Tianjin: neighbouring land polygons (Beijing,
 * the Hebei cities, nearby provinces) plus Tianjin itself, converted from
 * GCJ-02 to WGS84, clipped to a bbox and simplified; and name labels.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Point, Position } from 'geojson';
import { gcjPointToWgs84, gcjToWgs84, roundCoords } from './crs.ts';
import { type Areal, areaKm2, dropSlivers, intersection, unionAll } from './geom.ts';

export const BASEMAP_BBOX: BBox = [114.5, 37.0, 120.5, 41.5];
export const SIMPLIFY_TOLERANCE_DEG = 0.002;
/** Clipped neighbours smaller than this get no label. */
const MIN_LABEL_KM2 = 500;

export type LabelKind = 'province' | 'city';
export interface LandProps { name: string; name_en: string; kind: LabelKind; is_tianjin: boolean; source: string }
export interface LabelProps { name: string; name_en: string; kind: LabelKind }
export interface BasemapLand {
  land: FeatureCollection<Areal, LandProps>;
  labels: FeatureCollection<Point, LabelProps>;
}

export const NAME_EN: Readonly<Record<string, string>> = {
  北京市: 'Beijing', 天津市: 'Tianjin', 河北省: 'Hebei', 山东省: 'Shandong', 辽宁省: 'Liaoning',
  山西省: 'Shanxi', 内蒙古自治区: 'Inner Mongolia', 河南省: 'Henan',
  承德市: 'Chengde', 张家口市: 'Zhangjiakou', 保定市: 'Baoding', 唐山市: 'Tangshan', 沧州市: 'Cangzhou',
  石家庄市: 'Shijiazhuang', 邢台市: 'Xingtai', 邯郸市: 'Handan', 秦皇岛市: 'Qinhuangdao', 衡水市: 'Hengshui',
  廊坊市: 'Langfang',
};
/** china.json short names → full names, for the provinces used here. */
const PROVINCE_FULL: Readonly<Record<string, string>> = {
  山东: '山东省', 辽宁: '辽宁省', 山西: '山西省', 内蒙古: '内蒙古自治区', 河南: '河南省',
};
const SRC = 'china-geojson 1.0.0 (MIT, antvis)';

function readChinaGeojson(file: string): FeatureCollection {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`china-geojson/src/geojson/${file}`), 'utf8')) as FeatureCollection;
}

/** A source `cp` ([lon, lat]) or latitude/longitude pair, in GCJ-02, if present. */
function sourceCentre(p: Record<string, unknown> | null): Position | null {
  if (Array.isArray(p?.cp) && p.cp.length === 2) return p.cp as Position;
  if (typeof p?.longitude === 'number' && typeof p?.latitude === 'number') return [p.longitude, p.latitude];
  return null;
}

interface Piece { name: string; kind: LabelKind; geometry: Areal; centre: Position | null; source: string; tianjin: boolean }

function insideBbox(p: Position, b: BBox): boolean {
  return p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
}

/** Clip to the bbox, simplify, round (5 decimals ≈ 1 m, far below the tolerance). */
function prepare(g: Areal, bbox: BBox): Areal | null {
  const clipped = intersection(turf.feature(g), turf.bboxPolygon(bbox));
  if (!clipped) return null;
  const simple = turf.simplify(clipped, { tolerance: SIMPLIFY_TOLERANCE_DEG, highQuality: false });
  const cleaned = dropSlivers(simple.geometry, 0.5);
  return cleaned ? roundCoords(cleaned, 5) : null;
}

/**
 * Land polygons and labels for an offline basemap around Tianjin.
 * @param tianjin the corrected districts (WGS84); their union becomes the Tianjin land piece.
 * @param hebeiEnclaves Hebei land inside Tianjin's outline (WGS84), added to 唐山市.
 */
export function buildBasemapLand(
  tianjin: FeatureCollection<Areal>,
  hebeiEnclaves: FeatureCollection<Areal> = { type: 'FeatureCollection', features: [] },
  bbox: BBox = BASEMAP_BBOX,
): BasemapLand {
  const pieces: Piece[] = [];
  const tj = unionAll(tianjin.features);
  if (!tj) throw new Error('buildBasemapLand: no Tianjin districts given');
  pieces.push({ name: '天津市', kind: 'province', geometry: tj.geometry, centre: null, source: 'the corrected district layer', tianjin: true });

  const beijing = unionAll(gcjToWgs84(readChinaGeojson('bei_jing_geo.json')).features as Feature<Areal>[]);
  if (beijing) pieces.push({ name: '北京市', kind: 'province', geometry: beijing.geometry, centre: [116.3975, 39.9087] /* Tiananmen, WGS84 */, source: `${SRC} bei_jing_geo.json (districts dissolved)`, tianjin: false });

  for (const f of gcjToWgs84(readChinaGeojson('he_bei_geo.json')).features as Feature<Areal>[]) {
    const name = String(f.properties?.name);
    const extra = name === '唐山市' ? hebeiEnclaves.features : [];
    const g = unionAll([f, ...extra]);
    const centre = sourceCentre(f.properties);
    if (g) pieces.push({ name, kind: 'city', geometry: g.geometry, centre: centre && gcjPointToWgs84(centre), source: `${SRC} he_bei_geo.json${extra.length ? ' + seeds/corrections/hebei-enclaves.geojson' : ''}`, tianjin: false });
  }

  const china = readChinaGeojson('china.json');
  for (const f of china.features as Feature<Areal>[]) {
    const full = PROVINCE_FULL[String(f.properties?.name)];
    if (!full) continue;
    const centre = sourceCentre(f.properties);
    pieces.push({ name: full, kind: 'province', geometry: gcjToWgs84(f).geometry, centre: centre && gcjPointToWgs84(centre), source: `${SRC} china.json (province outline)`, tianjin: false });
  }
  const hebei = (china.features as Feature<Areal>[]).find((f) => f.properties?.name === '河北');
  const hebeiCentre = hebei ? sourceCentre(hebei.properties) : null;

  const land: Feature<Areal, LandProps>[] = [];
  const labels: Feature<Point, LabelProps>[] = [];
  for (const p of pieces) {
    const g = prepare(p.geometry, bbox);
    if (!g) continue;
    const props: LandProps = { name: p.name, name_en: NAME_EN[p.name] ?? p.name, kind: p.kind, is_tianjin: p.tianjin, source: p.source };
    land.push(turf.feature(g, props));
    if (p.tianjin || areaKm2(g) < MIN_LABEL_KM2) continue;
    const at = p.centre && insideBbox(p.centre, bbox) && turf.booleanPointInPolygon(p.centre, g)
      ? p.centre : turf.pointOnFeature(g).geometry.coordinates;
    labels.push(turf.point(at.map((v) => Math.round(v * 1e5) / 1e5), { name: props.name, name_en: props.name_en, kind: p.kind }));
  }
  if (hebeiCentre) {
    const at = gcjPointToWgs84(hebeiCentre);
    if (insideBbox(at, bbox)) labels.push(turf.point(at.map((v) => Math.round(v * 1e5) / 1e5), { name: '河北省', name_en: 'Hebei', kind: 'province' }));
  }
  return { land: turf.featureCollection(land), labels: turf.featureCollection(labels) };
}
