// The plan's map-computable targets, measured from loaded layers. Every result
// says how it was measured; where data is missing or incomplete the value is
// null and the status says so, rather than showing a misleading number.
import type { Feature, FeatureCollection } from 'geojson';
import { gateVerdict, incompleteText, type Completeness } from './completeness.ts';
import { lineLengthM } from './geo.ts';
import { DISTRICT_POPULATION_2020, meets, targetById, type LocalText, type PlanTarget } from './targets.ts';

export type IndicatorStatus = 'met' | 'not_met' | 'incomplete' | 'needs_data';

export interface IndicatorRow {
  zone: string;
  value: number | null;
  status: IndicatorStatus;
}

export interface IndicatorResult {
  id: string;
  plan_ref: string;
  indicator: LocalText;
  target: string;
  unit: string;
  value: number | null;
  status: IndicatorStatus;
  detail: LocalText;
  /** per-district values where the target applies to each district */
  breakdown?: IndicatorRow[];
}

export interface GroupTotal {
  members: string[];
  area_m2: number | null;
  capacity_persons?: number | null;
}

/** The numbers a coverage run hands to the targets (a CoverageResult fits). */
export interface CoverageSummary {
  coveredPct: number;
  population: number | null;
  coveredPopulation: number | null;
  facilityCount: number;
  radiusM: number;
  /** completeness of the facility layers the run counted (none given: judged as complete) */
  completeness?: Completeness;
}

/** The input layers whose completeness decides whether a verdict may be drawn. */
export type InputKey = 'shelters' | 'historicBlocks' | 'parks' | 'metro' | 'works' | 'medical' | 'childcare' | 'sports';

export type CoverageTargetId = 'medical_15min' | 'elderly_15min' | 'life_circle_15min' | 'shelter_coverage';

export interface IndicatorInputs {
  /** districts with `name` and `population_2020` (census figures are the fallback) */
  districts?: FeatureCollection;
  shelters?: FeatureCollection & { metadata?: { group_totals?: GroupTotal[] } };
  historicBlocks?: FeatureCollection;
  parks?: FeatureCollection;
  metro?: FeatureCollection;
  /** plan projects; features cite works as `plan_ref` `ch3-N` */
  works?: FeatureCollection;
  /** facilities with a `beds` attribute */
  medical?: FeatureCollection;
  /** facilities with a `places` attribute */
  childcare?: FeatureCollection;
  /** facilities with an `area_m2` attribute */
  sports?: FeatureCollection;
  coverage?: Partial<Record<CoverageTargetId, CoverageSummary>>;
  /** residents of the central city (e.g. a coverage run's `population` over the central-city polygon) */
  centralCityPopulation?: number | null;
  /** completeness of each input layer (none given: judged as complete) */
  completeness?: Partial<Record<InputKey, Completeness>>;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const fmt = (v: number, d = 2) => Number(v.toFixed(d)).toLocaleString('en');

function result(t: PlanTarget, value: number | null, status: IndicatorStatus, detail: LocalText, breakdown?: IndicatorRow[]): IndicatorResult {
  const r: IndicatorResult = { id: t.id, plan_ref: t.plan_ref, indicator: t.indicator, target: t.target, unit: t.unit, value, status, detail };
  if (breakdown) r.breakdown = breakdown;
  return r;
}
const judged = (t: PlanTarget, value: number, detail: LocalText) => result(t, value, meets(t, value) ? 'met' : 'not_met', detail);
const needs = (t: PlanTarget, zh: string, en: string) => result(t, null, 'needs_data', { zh, en });

/** District names and residents: the districts layer, else the 2020 census table. */
function districtPopulations(districts?: FeatureCollection): { name: string; pop: number | null }[] {
  if (districts?.features.length) return districts.features.map((f) => ({ name: str(f.properties?.name), pop: num(f.properties?.population_2020) }));
  return Object.entries(DISTRICT_POPULATION_2020).map(([name, pop]) => ({ name, pop }));
}

export function shelterPerCapita(inp: IndicatorInputs): IndicatorResult {
  const t = targetById('shelter_per_capita');
  const feats = inp.shelters?.features ?? [];
  if (!feats.length) return needs(t, '请加载应急避难场所图层。', 'Load the emergency shelters layer.');
  const groups = (inp.shelters?.metadata?.group_totals ?? []).filter((g) => num(g.area_m2) !== null);
  const inGroup = (name: string) => groups.some((g) => g.members.includes(name));
  const missing = feats.filter((f) => num(f.properties?.area_m2) === null);
  // City: sites with their own area, plus each published group total in place of its members.
  const cityMissing = missing.filter((f) => !inGroup(str(f.properties?.name)));
  const present = new Set(feats.map((f) => str(f.properties?.name)));
  const groupArea = groups.filter((g) => g.members.some((m) => present.has(m))).reduce((s, g) => s + num(g.area_m2)!, 0);
  const ownArea = feats.filter((f) => !inGroup(str(f.properties?.name))).reduce((s, f) => s + (num(f.properties?.area_m2) ?? 0), 0);
  const dists = districtPopulations(inp.districts);
  const cityPop = dists.reduce((s, d) => s + (d.pop ?? 0), 0);
  const cityValue = cityMissing.length === 0 && cityPop > 0 ? (groupArea + ownArea) / cityPop : null;
  // Districts: a group total cannot be split, so any site without its own area leaves its district open.
  const breakdown: IndicatorRow[] = dists.map((d) => {
    const here = feats.filter((f) => str(f.properties?.district) === d.name);
    if (here.some((f) => num(f.properties?.area_m2) === null) || !d.pop) return { zone: d.name, value: null, status: 'incomplete' };
    const v = here.reduce((s, f) => s + num(f.properties?.area_m2)!, 0) / d.pop;
    return { zone: d.name, value: v, status: meets(t, v) ? 'met' : 'not_met' };
  });
  const open = breakdown.filter((b) => b.status === 'incomplete');
  const names = missing.map((f) => str(f.properties?.name)).join('、');
  const cityZh = cityValue === null ? `全市无法计算（${cityMissing.length} 处场所面积未公布且不属于已公布的合计）` : `全市 ${fmt(cityValue)} 平方米/人（${feats.length} 处场所，其中 ${feats.length - missing.length} 处有单独面积，其余计入已公布的合计）`;
  const cityEn = cityValue === null ? `city value cannot be computed (${cityMissing.length} site(s) lack an area and are in no published group total)` : `city ${fmt(cityValue)} m²/person from ${feats.length} sites (site areas where published, otherwise the published group totals)`;
  if (missing.length || open.length || cityValue === null) {
    return result(t, cityValue, 'incomplete', {
      zh: `${cityZh}；${missing.length} 处场所缺少单独面积（${names}），${open.length} 个区无法计算人均面积。图层只含公开文件点名的场所。`,
      en: `${cityEn}; ${missing.length} site(s) lack their own area (${names}), so ${open.length} district(s) cannot be computed. The layer holds only sites named in public documents.`,
    }, breakdown);
  }
  const allMet = meets(t, cityValue) && breakdown.every((b) => b.status === 'met');
  return result(t, cityValue, allMet ? 'met' : 'not_met', { zh: `${cityZh}。`, en: `${cityEn}.` }, breakdown);
}

const COUNTED_TIERS = /^(city_central|central|fixed)$|中心|固定/;

export function sheltersPerDistrict(inp: IndicatorInputs): IndicatorResult {
  const t = targetById('shelters_per_district');
  const feats = inp.shelters?.features ?? [];
  if (!feats.length) return needs(t, '请加载应急避难场所图层。', 'Load the emergency shelters layer.');
  const counted = feats.filter((f) => COUNTED_TIERS.test(str(f.properties?.tier)) || COUNTED_TIERS.test(str(f.properties?.tier_zh)));
  const breakdown: IndicatorRow[] = districtPopulations(inp.districts).map((d) => {
    const n = counted.filter((f) => str(f.properties?.district) === d.name).length;
    return { zone: d.name, value: n, status: meets(t, n) ? 'met' : 'not_met' };
  });
  const ok = breakdown.filter((b) => b.status === 'met').length;
  const min = Math.min(...breakdown.map((b) => b.value ?? 0));
  return result(t, min, ok === breakdown.length ? 'met' : 'not_met', {
    zh: `${breakdown.length} 个区中 ${ok} 个区有不少于 3 处中心或固定避难场所（值为各区最少处数）；另有 ${feats.length - counted.length} 处紧急/短期场所未计入。图层只含公开文件点名的场所。`,
    en: `${ok} of ${breakdown.length} districts have at least 3 central or fixed shelters (the value is the smallest district count); ${feats.length - counted.length} emergency/short-term site(s) not counted. The layer holds only sites named in public documents.`,
  }, breakdown);
}

function countTarget(id: string, feats: Feature[] | undefined, what: LocalText, names = true): IndicatorResult {
  const t = targetById(id);
  if (!feats?.length) return needs(t, `请加载${what.zh}图层。`, `Load a layer of ${what.en}.`);
  const n = names ? new Set(feats.map((f, i) => str(f.properties?.name) || `#${i}`)).size : feats.length;
  return judged(t, n, { zh: `图层中有 ${n} 个${what.zh}（按名称去重）。`, en: `${n} ${what.en} in the layer (distinct names).` });
}

export function historicBlocks(inp: IndicatorInputs): IndicatorResult {
  return countTarget('historic_blocks', inp.historicBlocks?.features, { zh: '历史文化街区', en: 'historic-cultural blocks' });
}

const POCKET = /pocket|口袋公园/i;
export function pocketParks(inp: IndicatorInputs): IndicatorResult {
  const pockets = inp.parks?.features.filter((f) => ['park_type', 'name', 'name_en'].some((k) => POCKET.test(str(f.properties?.[k]))));
  return countTarget('pocket_parks', pockets, { zh: '口袋公园', en: 'pocket parks' }, false);
}

export function renewalWorks(inp: IndicatorInputs): IndicatorResult {
  const t = targetById('urban_renewal_works');
  if (!inp.works?.features.length) return needs(t, '请加载规划项目图层。', 'Load the plan projects layer.');
  const works = new Set<number>();
  for (const f of inp.works.features) {
    for (const ref of str(f.properties?.plan_ref).split(';')) {
      const m = /^ch3-(\d+)/.exec(ref.trim());
      if (m && +m[1] >= 1 && +m[1] <= 16) works.add(+m[1]);
    }
  }
  return judged(t, works.size, { zh: `第三章 16 项更新工程中有 ${works.size} 项在地图上有对应项目。`, en: `${works.size} of the 16 renewal works of chapter 3 have at least one mapped project.` });
}

const NOT_OPERATING = /plan|construct|规划|在建/i;
export function railLength(inp: IndicatorInputs): IndicatorResult {
  const t = targetById('rail_km');
  const lines = inp.metro?.features.filter((f) => f.geometry && /LineString$/.test(f.geometry.type));
  if (!lines?.length) return needs(t, '请加载地铁线路图层。', 'Load a metro lines layer.');
  const open = lines.filter((f) => !NOT_OPERATING.test(str(f.properties?.status)));
  const km = open.reduce((s, f) => s + lineLengthM(f.geometry), 0) / 1000;
  return judged(t, km, {
    zh: `${open.length} 条运营线路的图上长度之和（规划/在建线路 ${lines.length - open.length} 条未计入）。`,
    en: `Drawn length of ${open.length} operating line feature(s) (${lines.length - open.length} planned/under construction left out).`,
  });
}

const COVERAGE_LAYER: Record<CoverageTargetId, LocalText> = {
  medical_15min: { zh: '医疗卫生机构', en: 'medical facilities' },
  elderly_15min: { zh: '养老服务设施', en: 'elderly-care facilities' },
  life_circle_15min: { zh: '社区生活服务设施', en: 'daily-service facilities' },
  shelter_coverage: { zh: '应急避难场所', en: 'emergency shelters' },
};

export function coverageTarget(id: CoverageTargetId, inp: IndicatorInputs): IndicatorResult {
  const t = targetById(id);
  const c = inp.coverage?.[id];
  const layer = COVERAGE_LAYER[id];
  if (!c) return needs(t, `请选择${layer.zh}图层并运行覆盖分析。`, `Choose a layer of ${layer.en} and run the coverage analysis.`);
  const byPeople = id === 'medical_15min';
  if (byPeople && (c.population === null || c.coveredPopulation === null || c.population <= 0)) {
    return result(t, null, 'incomplete', { zh: '覆盖分析的评估区域没有人口数据，无法按居民计算。', en: 'The assessed area has no population, so residents cannot be counted.' });
  }
  const v = byPeople ? (100 * c.coveredPopulation!) / c.population! : c.coveredPct;
  const how = byPeople ? { zh: '覆盖居民比例', en: 'share of residents covered' } : { zh: '覆盖面积比例', en: 'share of area covered' };
  return judged(t, v, {
    zh: `${how.zh}：${fmt(v, 1)}%（${c.facilityCount} 处${layer.zh}，直线半径 ${Math.round(c.radiusM)} 米）。`,
    en: `${how.en}: ${fmt(v, 1)}% (${c.facilityCount} ${layer.en}, straight-line reach ${Math.round(c.radiusM)} m).`,
  });
}

function perPopulation(id: string, fc: FeatureCollection | undefined, attr: string, per: number, pop: number | null | undefined, what: LocalText): IndicatorResult {
  const t = targetById(id);
  if (!fc?.features.length) return needs(t, `请加载带 ${attr} 属性的${what.zh}图层。`, `Load a layer of ${what.en} with a \`${attr}\` attribute.`);
  const missing = fc.features.filter((f) => num(f.properties?.[attr]) === null).length;
  if (missing) return result(t, null, 'incomplete', { zh: `${missing} 个要素缺少 ${attr} 属性。`, en: `${missing} feature(s) lack \`${attr}\`.` });
  if (!pop) return needs(t, '需要评估范围的人口：请先对该范围运行覆盖分析。', 'Needs the residents of the scope: run a coverage analysis over it first.');
  const total = fc.features.reduce((s, f) => s + num(f.properties?.[attr])!, 0);
  const scale = per === 1 ? '' : ` × ${per}`;
  return judged(t, (total / pop) * per, { zh: `${fmt(total, 0)} ÷ ${fmt(pop, 0)} 人${scale}`, en: `${fmt(total, 0)} ÷ ${fmt(pop, 0)} residents${scale}` });
}

/** A verdict drawn from an incomplete layer: "not met" becomes "incomplete", with the reason first. */
export function gate(r: IndicatorResult, c: Completeness | undefined): IndicatorResult {
  if (r.status !== 'met' && r.status !== 'not_met') return r;
  const words = incompleteText(r.status, c);
  if (!words.zh) return r;
  const out: IndicatorResult = { ...r, status: gateVerdict(r.status, c), detail: { zh: `${words.zh}${r.detail.zh}`, en: `${words.en} ${r.detail.en}` } };
  if (r.breakdown) out.breakdown = r.breakdown.map((b) => ({ ...b, status: gateVerdict(b.status, c) as IndicatorStatus }));
  return out;
}

export function computeIndicators(inp: IndicatorInputs): IndicatorResult[] {
  const cityPop = districtPopulations(inp.districts).reduce((s, d) => s + (d.pop ?? 0), 0);
  const c = inp.completeness ?? {};
  const cov = (id: CoverageTargetId) => gate(coverageTarget(id, inp), inp.coverage?.[id]?.completeness);
  return [
    gate(railLength(inp), c.metro),
    gate(shelterPerCapita(inp), c.shelters),
    gate(sheltersPerDistrict(inp), c.shelters),
    cov('shelter_coverage'),
    cov('elderly_15min'),
    cov('life_circle_15min'),
    cov('medical_15min'),
    gate(perPopulation('hospital_beds', inp.medical, 'beds', 1000, inp.centralCityPopulation, { zh: '医疗机构', en: 'medical facilities' }), c.medical),
    gate(perPopulation('childcare_places', inp.childcare, 'places', 1000, cityPop, { zh: '托育机构', en: 'childcare facilities' }), c.childcare),
    gate(perPopulation('sports_area', inp.sports, 'area_m2', 1, inp.centralCityPopulation, { zh: '体育场地', en: 'sports grounds' }), c.sports),
    gate(pocketParks(inp), c.parks),
    gate(historicBlocks(inp), c.historicBlocks),
    gate(renewalWorks(inp), c.works),
  ];
}
