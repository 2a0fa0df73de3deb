// The plan's targets that the map can compute, hand-copied from
// seeds/facts/plan-targets.csv (rows whose map_computable starts with "yes";
// the app cannot read seeds at run time), and the 2020 census populations from
// seeds/facts/census-2020-districts.csv as a fallback population source.

import type { LocalText } from '../catalog/types.ts';

export type { LocalText };

/** How a value is judged against a target. `~` = "about": met at ≥ 95 % of the figure;
 *  `complete` = full coverage: met at ≥ 99 %. Count targets (`=`) are met once reached. */
export type TargetOp = '>=' | '>' | '~' | '=' | 'complete';

export interface PlanTarget {
  id: string;
  plan_ref: string;
  indicator: LocalText;
  /** the target as the CSV writes it */
  target: string;
  op: TargetOp;
  /** numeric threshold (for `complete`, the coverage % counted as complete) */
  threshold: number;
  unit: string;
  scope: string;
}

export const PLAN_TARGETS: readonly PlanTarget[] = [
  { id: 'rail_km', plan_ref: 'ch2-3; ch3-14', indicator: { zh: '轨道交通通车里程', en: 'metro/rail transit length in operation' }, target: '>500', op: '>', threshold: 500, unit: 'km', scope: 'city' },
  { id: 'shelter_per_capita', plan_ref: 'ch2-3; ch3-16', indicator: { zh: '人均避难场所面积', en: 'emergency shelter area per resident' }, target: '>=1.5', op: '>=', threshold: 1.5, unit: 'm2/person', scope: 'city and each district' },
  { id: 'shelters_per_district', plan_ref: 'ch3-16', indicator: { zh: '每区中心和固定应急避难场所', en: 'central + fixed shelters built per district' }, target: '>=3', op: '>=', threshold: 3, unit: 'sites', scope: 'each district' },
  { id: 'shelter_coverage', plan_ref: 'ch2-3', indicator: { zh: '紧急避难场所基本全覆盖', en: 'emergency shelters basically everywhere' }, target: '~100', op: '~', threshold: 100, unit: '% of built-up area within walking reach', scope: 'city' },
  { id: 'elderly_15min', plan_ref: 'ch2-3; ch3-7', indicator: { zh: '15分钟居家养老服务圈', en: '15-minute home elderly-care service circle' }, target: 'complete', op: 'complete', threshold: 99, unit: 'coverage', scope: 'central city' },
  { id: 'life_circle_15min', plan_ref: 'ch3-5', indicator: { zh: '15分钟生活圈', en: '15-minute community life circle' }, target: 'complete', op: 'complete', threshold: 99, unit: 'coverage', scope: 'central city' },
  { id: 'medical_15min', plan_ref: 'ch3-7', indicator: { zh: '居民步行不超过15分钟到达1所医疗卫生服务机构', en: 'every resident within a 15-minute walk of a medical facility' }, target: '100', op: '~', threshold: 100, unit: '% of residents', scope: 'central city' },
  { id: 'hospital_beds', plan_ref: 'ch3-7', indicator: { zh: '每千人医疗机构床位数', en: 'hospital beds per 1000 residents' }, target: '6', op: '>=', threshold: 6, unit: 'beds/1000', scope: 'central city' },
  { id: 'childcare_places', plan_ref: 'ch3-7', indicator: { zh: '每千人口拥有3岁以下婴幼儿托位数', en: 'childcare places for under-3s per 1000 residents' }, target: '4.5', op: '>=', threshold: 4.5, unit: 'places/1000', scope: 'city' },
  { id: 'sports_area', plan_ref: 'ch3-7', indicator: { zh: '人均体育场地面积', en: 'sports ground area per resident' }, target: '>=2.7', op: '>=', threshold: 2.7, unit: 'm2/person', scope: 'central city' },
  { id: 'pocket_parks', plan_ref: 'ch3-8', indicator: { zh: '新建提升改造口袋公园', en: 'pocket parks built or upgraded' }, target: '~300', op: '~', threshold: 300, unit: 'parks', scope: 'central city' },
  { id: 'historic_blocks', plan_ref: 'ch1; ch3-11', indicator: { zh: '历史文化街区', en: 'historic-cultural blocks protected' }, target: '14', op: '=', threshold: 14, unit: 'blocks', scope: 'central city' },
  { id: 'urban_renewal_works', plan_ref: 'ch3-3', indicator: { zh: '更新工程', en: 'renewal works under 5 improvement plans' }, target: '16', op: '=', threshold: 16, unit: 'works', scope: 'central city' },
];

/** 7th census (2020) residents by district, keyed by Chinese name. */
export const DISTRICT_POPULATION_2020: Readonly<Record<string, number>> = {
  和平区: 355000,
  河东区: 858787,
  河西区: 822174,
  南开区: 890422,
  河北区: 647702,
  红桥区: 483130,
  东丽区: 857027,
  西青区: 1195124,
  津南区: 928066,
  北辰区: 909643,
  武清区: 1151313,
  宝坻区: 722367,
  滨海新区: 2067318,
  宁河区: 395314,
  静海区: 787106,
  蓟州区: 795516,
};

/** Whether `value` meets target `t`. */
export function meets(t: Pick<PlanTarget, 'op' | 'threshold'>, value: number): boolean {
  switch (t.op) {
    case '>=':
    case '=':
      return value >= t.threshold;
    case '>':
      return value > t.threshold;
    case '~':
      return value >= 0.95 * t.threshold;
    case 'complete':
      return value >= t.threshold;
  }
}

export function targetById(id: string): PlanTarget {
  const t = PLAN_TARGETS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown plan target ${id}`);
  return t;
}
