// Category counts that follow the other active clauses: how many features each value of
// `field` would keep, given every other clause of the filter (faceted counts).
import type { Feature, Geometry } from 'geojson';
import { compileFilter, type FilterContext } from './filterEval';
import { categoryKey, type LayerFilter } from './filterModel';

/** The filter without its clause on `field` (the clause whose choices are being counted). */
export function withoutField(filter: LayerFilter, field: string): LayerFilter {
  if (!filter.categories?.[field]) return filter;
  const { [field]: _drop, ...categories } = filter.categories;
  void _drop;
  return { ...filter, categories };
}

/** Value → count among the features that pass every other clause. */
export function facetCounts(features: Feature<Geometry | null>[], filter: LayerFilter, field: string, ctx: FilterContext = {}): Map<string, number> {
  const keep = compileFilter(withoutField(filter, field), ctx);
  const out = new Map<string, number>();
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!keep(f, i)) continue;
    const k = categoryKey(f.properties?.[field]) ?? '';
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}
