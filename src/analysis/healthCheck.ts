// The city health check (城市体检): indicators per unit (the 16 districts, or any polygon
// layer), each with its unit of measure, its formula in words, its sources and, where the
// plan sets one, its target and a meets/misses verdict per unit. A unit that lacks what an
// indicator needs gets `value: null` and a note saying what is missing, never 0.
// Pure: used by the panel (src/ui/health) and the command line (scripts/indicators-cli.ts).
import { area as turfArea, booleanPointInPolygon, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { normalizeName } from '../lib/thematic/join.ts';
import { computeCoverage } from './coverage.ts';
import { CENSUS_SOURCE, TARGETS_SOURCE, censusPopulation, meetsTarget, targetById, type TargetRef } from './planTargetsAdapter.ts';
import { presetFor, presetReachMeters, reachMeters } from './presets.ts';

export interface LocalText {
  zh: string;
  en: string;
}

export interface HealthCell {
  value: number | null;
  /** Against the target: true meets, false misses, null no target or no value. */
  meets: boolean | null;
  /** Why the value is missing (or a caveat). */
  note?: LocalText;
}

export interface HealthIndicator {
  id: string;
  name: LocalText;
  unit: LocalText;
  formula: LocalText;
  sources: LocalText;
  target: TargetRef | null;
  /** Decimals to show. */
  digits: number;
  cells: HealthCell[];
}

export interface HealthUnit {
  id: string;
  name: string;
}

export interface HealthTable {
  units: HealthUnit[];
  unitsSource: LocalText;
  indicators: HealthIndicator[];
  minutes: number;
  date: string;
}

type FC = FeatureCollection;

export interface HealthInputs {
  units: FC;
  /** Names the units layer in the sources (e.g. "行政区 / Districts"). */
  unitsLabel: LocalText;
  nameProperty?: string;
  /** Attribute with residents (default `population_2020`). */
  populationProperty?: string;
  /** Use the 2020 census by district name where a unit lacks the attribute (the districts). */
  censusFallback?: boolean;
  /** Polygons with residents to spread over units that have none (coverage weighting). */
  populationLayer?: FC;
  shelters?: FC;
  parks?: FC;
  historicBlocks?: FC;
  projects?: FC;
  /** A facility layer the user picked for the third coverage indicator. */
  facilities?: { label: LocalText; fc: FC };
  /** Walking time for the coverage indicators: 5, 10 or 15 minutes (default 15). */
  minutes?: number;
  /** ISO date printed with the table (default today). */
  date?: string;
}

const T = (zh: string, en: string): LocalText => ({ zh, en });
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v));
const isPoly = (f: Feature): f is Feature<Polygon | MultiPolygon> => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

const MISSING = {
  population: T('该单元没有人口数据', 'no population for this unit'),
  layer: (zh: string, en: string) => T(`未加载${zh}图层`, `no ${en} layer loaded`),
};

/** A representative point of any feature (points as they are). */
function anchor(f: Feature): [number, number] | null {
  if (!f.geometry) return null;
  if (f.geometry.type === 'Point') return f.geometry.coordinates as [number, number];
  try {
    return pointOnFeature(f).geometry.coordinates as [number, number];
  } catch {
    return null;
  }
}

function inside(unit: Feature<Polygon | MultiPolygon>, features: readonly Feature[]): Feature[] {
  return features.filter((f) => {
    const a = anchor(f);
    return a !== null && booleanPointInPolygon(a, unit);
  });
}

function overlapM2(unit: Feature<Polygon | MultiPolygon>, polys: readonly Feature[]): number {
  let s = 0;
  for (const p of polys) {
    if (!isPoly(p)) continue;
    const x = intersect(featureCollection([unit, p]));
    if (x) s += turfArea(x);
  }
  return s;
}

/** Finer units whose representative point lies inside `district` (the drill-down). */
export function unitsWithin(finer: FC, district: Feature): FC {
  if (!isPoly(district)) return { type: 'FeatureCollection', features: [] };
  return { type: 'FeatureCollection', features: finer.features.filter((f) => isPoly(f) && inside(district, [f]).length === 1) };
}

const COUNTED_TIERS = /^(city_central|central|fixed)$|中心|固定/;

export function healthCheck(inp: HealthInputs): HealthTable {
  const nameProp = inp.nameProperty ?? 'name';
  const popProp = inp.populationProperty ?? 'population_2020';
  const minutes = inp.minutes ?? 15;
  const units = inp.units.features.filter(isPoly);
  const census = censusPopulation();
  const censusByName = new Map(Object.entries(census).map(([k, v]) => [normalizeName(k), v]));
  const pops = units.map((u) => {
    const v = num(u.properties?.[popProp]);
    if (v !== null) return v;
    return inp.censusFallback ? (censusByName.get(normalizeName(u.properties?.[nameProp])) ?? null) : null;
  });
  const areas = units.map((u) => turfArea(u));
  const unitsOut: HealthUnit[] = units.map((u, i) => ({ id: str(u.properties?.adcode ?? u.properties?.id ?? u.id ?? i), name: str(u.properties?.[nameProp]) || `#${i + 1}` }));
  const popSource = inp.censusFallback
    ? T(`${inp.unitsLabel.zh}的 ${popProp}；缺失时用${CENSUS_SOURCE.zh}`, `${inp.unitsLabel.en} ${popProp}; where missing, the ${CENSUS_SOURCE.en}`)
    : T(`${inp.unitsLabel.zh}的 ${popProp} 属性`, `${inp.unitsLabel.en} attribute ${popProp}`);
  const layerSrc = (zh: string, en: string) => T(`${zh}图层；单元：${inp.unitsLabel.zh}`, `${en} layer; units: ${inp.unitsLabel.en}`);
  const judge = (targetId: string | undefined, value: number | null): boolean | null => (targetId && value !== null ? meetsTarget(targetId, value) : null);
  const out: HealthIndicator[] = [];
  const add = (def: Omit<HealthIndicator, 'cells' | 'target'> & { targetId?: string }, cell: (i: number) => HealthCell) => {
    const { targetId, ...rest } = def;
    out.push({ ...rest, target: targetId ? targetById(targetId) : null, cells: units.map((_, i) => cell(i)) });
  };
  const perCapita = (i: number, amount: number | null, note?: LocalText): HealthCell => {
    if (amount === null) return { value: null, meets: null, note };
    const p = pops[i];
    if (!p) return { value: null, meets: null, note: MISSING.population };
    return { value: amount / p, meets: null };
  };

  add({ id: 'population', name: T('常住人口', 'Resident population'), unit: T('人', 'persons'), formula: T('单元的常住人口', 'residents of the unit'), sources: popSource, digits: 0 },
    (i) => (pops[i] === null ? { value: null, meets: null, note: MISSING.population } : { value: pops[i], meets: null }));
  add({ id: 'density', name: T('人口密度', 'Population density'), unit: T('人/平方公里', 'persons/km²'), formula: T('常住人口 ÷ 单元面积（椭球面积）', 'residents ÷ unit area (geodesic)'), sources: popSource, digits: 0 },
    (i) => (pops[i] === null ? { value: null, meets: null, note: MISSING.population } : { value: pops[i]! / (areas[i] / 1e6), meets: null }));

  const shelters = inp.shelters?.features ?? null;
  const shelterIn = shelters ? units.map((u) => inside(u, shelters)) : null;
  add({
    id: 'shelter_per_capita', targetId: 'shelter_per_capita', name: T('人均避难场所面积', 'Emergency-shelter area per resident'), unit: T('平方米/人', 'm²/person'),
    formula: T('单元内各避难场所公布面积之和 ÷ 常住人口；任一场所面积未公布时不计算', 'sum of the published areas of the shelters in the unit ÷ residents; not computed when any site has no published area'),
    sources: T(`应急避难场所图层（area_m2）；${popSource.zh}；目标：${TARGETS_SOURCE.zh}`, `shelters layer (area_m2); ${popSource.en}; target: ${TARGETS_SOURCE.en}`), digits: 2,
  }, (i) => {
    if (!shelterIn) return { value: null, meets: null, note: MISSING.layer('应急避难场所', 'shelters') };
    const here = shelterIn[i];
    if (!here.length) return { value: null, meets: null, note: T('图层中该单元没有避难场所（图层只含公开文件点名的场所，面积无从得知）', 'no shelter of the layer lies in this unit (the layer holds only sites named in public documents, so the area is unknown)') };
    const lacking = here.filter((f) => num(f.properties?.area_m2) === null);
    if (lacking.length) {
      const names = lacking.map((f) => str(f.properties?.name)).join('、');
      return { value: null, meets: null, note: T(`${lacking.length} 处场所未公布面积（${names}）`, `${lacking.length} site(s) without a published area (${names})`) };
    }
    const c = perCapita(i, here.reduce((s, f) => s + num(f.properties?.area_m2)!, 0));
    return { ...c, meets: judge('shelter_per_capita', c.value) };
  });
  add({
    id: 'shelters_per_district', targetId: 'shelters_per_district', name: T('中心和固定避难场所数量', 'Central and fixed shelters'), unit: T('处', 'sites'),
    formula: T('位于单元内、等级为中心或固定的避难场所个数（紧急/短期场所不计）', 'shelters inside the unit whose tier is central or fixed (emergency/short-term sites not counted)'),
    sources: T(`应急避难场所图层（tier）；目标：${TARGETS_SOURCE.zh}`, `shelters layer (tier); target: ${TARGETS_SOURCE.en}`), digits: 0,
  }, (i) => {
    if (!shelterIn) return { value: null, meets: null, note: MISSING.layer('应急避难场所', 'shelters') };
    const n = shelterIn[i].filter((f) => COUNTED_TIERS.test(str(f.properties?.tier)) || COUNTED_TIERS.test(str(f.properties?.tier_zh))).length;
    return { value: n, meets: judge('shelters_per_district', n) };
  });

  // Coverage: the project's engine, area-weighted residents as the analysis panel does.
  const preset = presetFor(minutes);
  const radius = preset ? presetReachMeters(preset) : reachMeters(minutes);
  const unitsFc: FC = { type: 'FeatureCollection', features: units };
  const hasPop = pops.some((p) => p !== null);
  const coverage = (fc: FC | undefined) => {
    if (!fc?.features.length) return null;
    const unitsWithPop: FC = { type: 'FeatureCollection', features: units.map((u, i) => ({ ...u, properties: { ...u.properties, __pop: pops[i] } })) };
    const r = computeCoverage({
      facilities: fc, radiusM: radius, area: hasPop ? unitsWithPop : unitsFc,
      options: { skipPolygons: true, populationProperty: hasPop ? '__pop' : popProp, ...(!hasPop && inp.populationLayer ? { populationLayer: inp.populationLayer } : {}) },
    });
    return r.perZone;
  };
  const covIndicator = (id: string, what: LocalText, fc: FC | undefined, src: LocalText) => {
    const rows = coverage(fc);
    add({
      id: `${id}_${minutes}min`, name: T(`${minutes}分钟步行可达${what.zh}的居民比例`, `Residents within a ${minutes}-minute walk of ${what.en}`), unit: T('%', '%'),
      formula: T(`步行 ${minutes} 分钟（直线 ${Math.round(radius)} 米 = 步行距离 ÷ 绕行系数 1.3）范围内的居民 ÷ 单元居民；居民按面积均摊`, `residents within ${Math.round(radius)} m straight line (${minutes}-minute walk ÷ detour 1.3) ÷ residents of the unit; residents spread evenly over area`),
      sources: T(`${src.zh}；${popSource.zh}；覆盖分析引擎（GB 50180-2018 生活圈）`, `${src.en}; ${popSource.en}; the coverage engine (GB 50180-2018 life circles)`), digits: 1,
    }, (i) => {
      if (!rows) return { value: null, meets: null, note: T(`未加载${what.zh}图层`, `no ${what.en} layer loaded`) };
      const r = rows[i];
      if (!r || r.population === null || r.coveredPopulation === null || !(r.population > 0)) return { value: null, meets: null, note: MISSING.population };
      return { value: (100 * r.coveredPopulation) / r.population, meets: null };
    });
  };
  covIndicator('parks_coverage', T('公园', 'parks'), inp.parks, layerSrc('公园与绿色空间', 'parks'));
  covIndicator('shelters_coverage', T('避难场所', 'shelters'), inp.shelters, layerSrc('应急避难场所', 'shelters'));
  covIndicator('facility_coverage', inp.facilities?.label ?? T('所选设施', 'the chosen facilities'), inp.facilities?.fc, inp.facilities ? layerSrc(inp.facilities.label.zh, inp.facilities.label.en) : T('用户选择的设施图层', 'a facility layer the user picks'));

  add({
    id: 'park_per_capita', name: T('人均公园绿地面积', 'Park and green-space area per resident'), unit: T('平方米/人', 'm²/person'),
    formula: T('单元内公园轮廓面积之和（与单元相交部分）÷ 常住人口', 'area of the park outlines inside the unit ÷ residents'),
    sources: T(`公园与绿色空间图层（轮廓多为示意）；${popSource.zh}`, `parks layer (outlines mostly schematic); ${popSource.en}`), digits: 2,
  }, (i) => (inp.parks ? perCapita(i, overlapM2(units[i], inp.parks.features)) : { value: null, meets: null, note: MISSING.layer('公园', 'parks') }));
  add({
    id: 'historic_share', name: T('历史文化街区面积占比', 'Share of area in historic-cultural blocks'), unit: T('%', '%'),
    formula: T('单元内历史文化街区面积 ÷ 单元面积', 'area of historic-cultural blocks inside the unit ÷ unit area'),
    sources: layerSrc('历史文化街区', 'historic-cultural blocks'), digits: 2,
  }, (i) => (inp.historicBlocks ? { value: (100 * overlapM2(units[i], inp.historicBlocks.features)) / areas[i], meets: null } : { value: null, meets: null, note: MISSING.layer('历史文化街区', 'historic-block') }));

  // Named renewal projects by type: one column per type, and all types.
  const projects = inp.projects?.features ?? null;
  const projIn = projects ? units.map((u) => inside(u, projects)) : null;
  const types = projects ? [...new Map(projects.map((f) => [str(f.properties?.renewal_type) || 'other', str(f.properties?.renewal_type_zh) || str(f.properties?.renewal_type) || '其他'])).entries()].sort() : [];
  const projDef = (id: string, name: LocalText, keep: (f: Feature) => boolean) => add({
    id, name, unit: T('个', 'projects'), formula: T('位于单元内的规划点名项目个数', 'projects named by the plan located inside the unit'),
    sources: layerSrc('规划点名的更新项目', 'plan projects'), digits: 0,
  }, (i) => (projIn ? { value: projIn[i].filter(keep).length, meets: null } : { value: null, meets: null, note: MISSING.layer('规划项目', 'plan projects') }));
  projDef('projects_all', T('规划点名更新项目（全部类型）', 'Named renewal projects (all types)'), () => true);
  for (const [type, zh] of types) projDef(`projects_${type}`, T(`规划点名更新项目：${zh}`, `Named renewal projects: ${type}`), (f) => (str(f.properties?.renewal_type) || 'other') === type);

  return { units: unitsOut, unitsSource: inp.unitsLabel, indicators: out, minutes, date: inp.date ?? new Date().toISOString().slice(0, 10) };
}
