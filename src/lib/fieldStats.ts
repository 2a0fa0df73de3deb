// Per-field summaries of a layer, to build filter controls: the kind of
// field, its most frequent values and its numeric extent.
import type { Feature, Geometry } from 'geojson';
import { categoryKey } from './filterModel';

export type FieldType = 'category' | 'number' | 'text';

export interface ValueCount {
  /** Category key (see filterModel.categoryKey). */
  value: string;
  count: number;
}

export interface FieldStats {
  name: string;
  type: FieldType;
  /** Features with a non-blank value. */
  count: number;
  /** Features where the field is missing, null or ''. */
  missing: number;
  /** Distinct non-blank values (a lower bound when `distinctCapped`). */
  distinct: number;
  distinctCapped: boolean;
  /** Most frequent values, by count then value; at most `topN`. */
  values: ValueCount[];
  /** Over finite numeric values, when any. */
  min?: number;
  max?: number;
}

export interface FieldStatsOptions {
  topN?: number;
  /** A string field with at most this many distinct values is a category. */
  maxCategories?: number;
  /** Stop tracking new distinct values beyond this many per field. */
  distinctCap?: number;
}

interface Acc {
  name: string;
  present: number;
  numbers: number;
  others: number;
  min: number;
  max: number;
  counts: Map<string, number>;
  capped: boolean;
}

/**
 * A field is `number` when every non-blank value is a number; `category`
 * when its values are scalars with few distinct values (≤ maxCategories, or
 * ≤ 10 % of the non-blank count); `text` otherwise (also for objects and
 * arrays). Internal properties (`__*`) are skipped. Fields keep first-seen order.
 */
export function computeFieldStats(features: Feature<Geometry | null>[], opts: FieldStatsOptions = {}): FieldStats[] {
  const topN = opts.topN ?? 50;
  const maxCategories = opts.maxCategories ?? 50;
  const cap = opts.distinctCap ?? 10000;
  const accs = new Map<string, Acc>();
  for (let i = 0; i < features.length; i++) {
    const props = features[i].properties;
    if (!props) continue;
    for (const k in props) {
      if (k.startsWith('__')) continue;
      let a = accs.get(k);
      if (!a) {
        a = { name: k, present: 0, numbers: 0, others: 0, min: Infinity, max: -Infinity, counts: new Map(), capped: false };
        accs.set(k, a);
      }
      const v = props[k];
      const key = categoryKey(v);
      if (key === '') continue;
      a.present++;
      if (typeof v === 'number') {
        a.numbers++;
        if (Number.isFinite(v)) {
          if (v < a.min) a.min = v;
          if (v > a.max) a.max = v;
        }
      }
      if (key === null) {
        a.others++;
        continue;
      }
      const c = a.counts.get(key);
      if (c !== undefined) a.counts.set(key, c + 1);
      else if (a.counts.size < cap) a.counts.set(key, 1);
      else a.capped = true;
    }
  }
  const n = features.length;
  return [...accs.values()].map((a) => {
    const distinct = a.counts.size;
    let type: FieldType;
    if (a.present > 0 && a.numbers === a.present) type = 'number';
    else if (a.others === 0 && !a.capped && (distinct <= maxCategories || distinct <= a.present * 0.1)) type = 'category';
    else type = 'text';
    const values = [...a.counts]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, topN)
      .map(([value, count]) => ({ value, count }));
    const s: FieldStats = {
      name: a.name, type, count: a.present, missing: n - a.present, distinct, distinctCapped: a.capped, values,
    };
    if (a.min <= a.max) {
      s.min = a.min;
      s.max = a.max;
    }
    return s;
  });
}
