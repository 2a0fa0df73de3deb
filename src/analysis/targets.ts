// The plan's targets that the map can compute and the 2020 census residents by district, as the
// data build writes them from seeds/facts (scripts/data/facts.ts → planFacts.json), and the pure
// functions that judge a measured value against a target.

import type { LocalText } from '../catalog/types.ts';
import planFacts from './planFacts.json' with { type: 'json' };

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

/** What the data build writes to planFacts.json. */
export interface PlanFacts {
  source: string;
  planTargets: PlanTarget[];
  /** 7th census (2020) residents by district, keyed by Chinese name. */
  districtPopulation2020: Record<string, number>;
}

const FACTS = planFacts as PlanFacts;

export const PLAN_TARGETS: readonly PlanTarget[] = FACTS.planTargets;

/** 7th census (2020) residents by district, keyed by Chinese name. */
export const DISTRICT_POPULATION_2020: Readonly<Record<string, number>> = FACTS.districtPopulation2020;

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

export function targetById(id: string, targets: readonly PlanTarget[] = PLAN_TARGETS): PlanTarget {
  const t = targets.find((x) => x.id === id);
  if (!t) throw new Error(`unknown plan target ${id}`);
  return t;
}
