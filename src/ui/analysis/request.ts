// From the analysis settings and the loaded layers to one worker request (pure).
import type { Feature, FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../../catalog/types';
import { combineCompleteness, completenessOf } from '../../analysis/completeness';
import type { CoverageOptions, CoverageParams } from '../../analysis/coverage';
import type { CoverageTargetId } from '../../analysis/indicators';
import type { NetworkParams } from '../../analysis/network';
import { reachMeters, walkMeters } from '../../analysis/presets';
import type { AnalysisSettings } from '../../state/analysisSettings';
import type { RunMeta } from '../../state/analysisResults';

export type LayerInfo = Pick<CatalogLayer, 'id' | 'title' | 'geometry'> & Partial<Pick<CatalogLayer, 'completeness' | 'fieldMap'>>;

export interface RequestData {
  facilities: { layer: LayerInfo; fc: FeatureCollection }[];
  area: { layer: LayerInfo; fc: FeatureCollection };
  /** The districts layer, for residents when the area layer has none. */
  districts?: FeatureCollection;
  network?: { layer: LayerInfo; fc: FeatureCollection };
}

export type AnalysisRequestSpec =
  | { kind: 'coverage'; params: CoverageParams }
  | { kind: 'network'; params: NetworkParams };

/** What a run was, for the results panel, the exports and the targets. */
export type { RunMeta };

const POPULATION = 'population_2020';
const num = (v: unknown) => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));

/** Feature label used to pick one polygon of the area layer: its name, else its index. */
export function featureKey(f: Feature, i: number): string {
  const n = f.properties?.name;
  return typeof n === 'string' && n.trim() ? n : String(i);
}

/** The assessment polygons: all of the layer's, or the one named by `areaFeature`. */
export function selectArea(fc: FeatureCollection, areaFeature?: string): FeatureCollection {
  const polys = fc.features.filter((f) => f.geometry && /Polygon$/.test(f.geometry.type));
  if (areaFeature === undefined) return { type: 'FeatureCollection', features: polys };
  return { type: 'FeatureCollection', features: polys.filter((f) => featureKey(f, fc.features.indexOf(f)) === areaFeature) };
}

/** Plan projects limited to the chosen renewal types; other layers whole. */
export function filterFacilities(layerId: string, fc: FeatureCollection, types?: string[]): Feature[] {
  if (layerId !== 'plan-projects' || !types?.length) return fc.features;
  const want = new Set(types);
  return fc.features.filter((f) => want.has(String(f.properties?.renewal_type ?? '')));
}

/** Where residents come from: an attribute of the zones, else the districts spread by area. */
export function populationOptions(
  area: FeatureCollection,
  popAttr: string | undefined,
  districts: FeatureCollection | undefined,
): { options: Pick<CoverageOptions, 'populationProperty' | 'populationLayer'>; source: RunMeta['populationSource'] } {
  if (popAttr) return { options: { populationProperty: popAttr }, source: 'attribute' };
  if (area.features.length && area.features.every((f) => num(f.properties?.[POPULATION]))) return { options: {}, source: 'attribute' };
  if (districts?.features.length) return { options: { populationLayer: districts }, source: 'districts' };
  return { options: {}, source: 'none' };
}

const MEDICAL = /医院|医疗|卫生|诊所|hospital|clinic|medical|health/i;
const ELDERLY = /养老|老年|敬老|elder|aged|senior/i;
const DAILY = /生活圈|便民|社区服务|菜市场|daily|community service|market/i;

/** Which plan target a run answers: the user's tag, else guessed from the facility layers. */
export function inferTarget(settings: Pick<AnalysisSettings, 'target' | 'minutes'>, layers: LayerInfo[]): CoverageTargetId | null {
  if (settings.target === 'none') return null;
  if (settings.target) return settings.target;
  if (!layers.length) return null;
  const text = (l: LayerInfo) => `${l.id} ${l.title.zh} ${l.title.en}`;
  if (layers.every((l) => l.id === 'shelters' || /避难|shelter/i.test(text(l)))) return 'shelter_coverage';
  if (settings.minutes !== 15) return null;
  if (layers.every((l) => MEDICAL.test(text(l)))) return 'medical_15min';
  if (layers.every((l) => ELDERLY.test(text(l)))) return 'elderly_15min';
  if (layers.every((l) => DAILY.test(text(l)))) return 'life_circle_15min';
  return null;
}

const joinTitles = (ls: LayerInfo[], lang: 'zh' | 'en') => ls.map((l) => l.title[lang]).join(lang === 'zh' ? '、' : ', ');

export function buildRequest(s: AnalysisSettings, d: RequestData): { spec: AnalysisRequestSpec; meta: RunMeta } {
  const features = d.facilities.flatMap(({ layer, fc }) => filterFacilities(layer.id, fc, s.types));
  const facilities: FeatureCollection = { type: 'FeatureCollection', features };
  const area = selectArea(d.area.fc, s.areaFeature);
  const pop = populationOptions(area, s.popAttr ?? d.area.layer.fieldMap?.population, d.districts);
  const options: CoverageOptions = { ...pop.options };
  if (s.cell) options.cellSize = s.cell;
  const walkM = walkMeters(s.minutes, s.speed);
  const network = s.network && d.network ? d.network : undefined;
  const reachM = network ? walkM : reachMeters(s.minutes, s.speed, s.detour);
  const layers = d.facilities.map((f) => f.layer);
  const areaName = s.areaFeature ? ` · ${s.areaFeature}` : '';
  const namesEn: Record<string, string> = {};
  for (const f of area.features) {
    const zh = f.properties?.name;
    const en = f.properties?.name_en;
    if (typeof zh === 'string' && typeof en === 'string' && en.trim()) namesEn[zh] = en;
  }
  const meta: RunMeta = {
    mode: network ? 'network' : 'circle',
    minutes: s.minutes,
    walkM,
    reachM,
    areaLabel: { zh: d.area.layer.title.zh + areaName, en: d.area.layer.title.en + areaName },
    facilitiesLabel: { zh: joinTitles(layers, 'zh'), en: joinTitles(layers, 'en') },
    facilityCount: features.length,
    populationSource: pop.source,
    target: inferTarget(s, layers),
    centralCity: d.area.layer.id === 'central-city' && !s.areaFeature,
    namesEn,
    completeness: combineCompleteness(layers.map(completenessOf)),
  };
  const spec: AnalysisRequestSpec = network
    ? { kind: 'network', params: { network: network.fc, facilities, reachM, area, coverageOptions: options, ...(s.levelAttr ? { levelAttribute: s.levelAttr } : {}) } }
    : { kind: 'coverage', params: { facilities, radiusM: reachM, area, options } };
  return { spec, meta };
}
