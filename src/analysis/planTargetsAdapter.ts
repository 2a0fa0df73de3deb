// The ONE place the thematic styles and the health check read the plan's targets and the
// 2020 census. Today: src/analysis/targets.ts (hand-copied from seeds/facts); at merge this
// can be re-pointed at the data build's catalog without touching its callers.
import { DISTRICT_POPULATION_2020, PLAN_TARGETS, meets, type PlanTarget } from './targets.ts';

export interface TargetRef {
  id: string;
  threshold: number;
  /** The plan's targets are all minimums ("at least"). */
  direction: 'min';
  target: string;
  unit: string;
  plan_ref: string;
  indicator: { zh: string; en: string };
}

const toRef = (t: PlanTarget): TargetRef => ({
  id: t.id, threshold: t.op === '~' ? 0.95 * t.threshold : t.threshold, direction: 'min', target: t.target, unit: t.unit, plan_ref: t.plan_ref, indicator: t.indicator,
});

/** Attribute names (lower case) that mean a plan target, besides the target ids themselves. */
const ALIASES: Record<string, string> = {
  shelter_m2_per_person: 'shelter_per_capita',
  shelter_area_per_capita: 'shelter_per_capita',
  人均避难场所面积: 'shelter_per_capita',
  shelters: 'shelters_per_district',
  shelter_count: 'shelters_per_district',
  避难场所数量: 'shelters_per_district',
  sports_m2_per_person: 'sports_area',
  人均体育场地面积: 'sports_area',
  beds_per_1000: 'hospital_beds',
  每千人床位数: 'hospital_beds',
  places_per_1000: 'childcare_places',
};

/** The plan target an attribute measures, if any (its threshold is preselected for target classes). */
export function targetForField(field: string | undefined): TargetRef | null {
  if (!field) return null;
  const key = field.trim().toLowerCase();
  const id = PLAN_TARGETS.some((t) => t.id === key) ? key : ALIASES[key] ?? ALIASES[field.trim()];
  const t = id ? PLAN_TARGETS.find((x) => x.id === id) : undefined;
  return t ? toRef(t) : null;
}

export function targetById(id: string): TargetRef | null {
  const t = PLAN_TARGETS.find((x) => x.id === id);
  return t ? toRef(t) : null;
}

/** Whether `value` meets target `id` (the plan's own rule, e.g. "about" = ≥ 95 %). */
export function meetsTarget(id: string, value: number): boolean {
  const t = PLAN_TARGETS.find((x) => x.id === id);
  return t ? meets(t, value) : false;
}

/** 2020 census residents by district name. */
export function censusPopulation(): Readonly<Record<string, number>> {
  return DISTRICT_POPULATION_2020;
}

export const CENSUS_SOURCE = { zh: '第七次全国人口普查（2020）各区公报', en: '7th national census (2020), district bulletins' };
export const TARGETS_SOURCE = { zh: '《天津市城市更新行动计划（2023—2027年）》', en: 'Tianjin Urban Renewal Action Plan 2023–2027' };
