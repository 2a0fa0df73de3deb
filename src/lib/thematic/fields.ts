// The attributes of a layer and whether they hold numbers (from a sample of features).
import type { Feature } from 'geojson';
import { numericValue } from './values';

export interface FieldInfo {
  name: string;
  /** Most present values read as numbers. */
  numeric: boolean;
  /** Distinct present values in the sample. */
  distinct: number;
}

export function fieldsOf(features: readonly Pick<Feature, 'properties'>[], sample = 2000): FieldInfo[] {
  const step = Math.max(1, Math.floor(features.length / sample));
  const seen = new Map<string, { n: number; num: number; values: Set<unknown> }>();
  for (let i = 0; i < features.length; i += step) {
    const p = features[i].properties;
    if (!p) continue;
    for (const [k, v] of Object.entries(p)) {
      let s = seen.get(k);
      if (!s) seen.set(k, (s = { n: 0, num: 0, values: new Set() }));
      if (v === null || v === undefined || v === '') continue;
      s.n++;
      if (numericValue(v) !== null) s.num++;
      if (s.values.size < 1000) s.values.add(typeof v === 'object' ? JSON.stringify(v) : v);
    }
  }
  return [...seen].map(([name, s]) => ({ name, numeric: s.n > 0 && s.num / s.n >= 0.9, distinct: s.values.size }));
}
