// The derived slices of the one store: each filtered layer's kept features (filterResults) and
// the coverage runs (results). Hooks read a slice like a store of its own; `actResults` applies
// a pure updater of analysisResults.ts; `refreshFilterResults` keeps the filter results current.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { layerData } from '../data/registry';
import { toMapLibreFilter } from '../lib/filterEval';
import { normalizeFilter, type FilterState, type LayerFilter } from '../lib/filterModel';
import type { AppState } from './appState';
import type { ResultsState } from './analysisResults';
import { DISTRICTS_LAYER, evaluate, keyOf, needsData, type AnyLayer, type FilterResults, type LayerFilterResult } from './filterResults';
import { useStore } from './store';

interface SliceHook<S> {
  (): S;
  <T>(select: (s: S) => T): T;
  getState(): S;
}

function sliceHook<S>(get: (a: AppState) => S): SliceHook<S> {
  function useSlice<T>(select?: (s: S) => T): S | T {
    return useStore((a) => (select ? select(get(a)) : get(a)));
  }
  return Object.assign(useSlice, { getState: () => get(useStore.getState()) }) as SliceHook<S>;
}

export const useResults = sliceHook((a) => a.results);
export const useFilterResults = sliceHook<FilterResults>((a) => a.filterResults);

export function actResults<A extends unknown[]>(fn: (s: ResultsState, ...args: A) => ResultsState, ...args: A): void {
  useStore.setState((a) => ({ ...a, results: fn(a.results, ...args) }), true);
}

function patch(id: string, r: LayerFilterResult | null): void {
  useStore.setState((a) => {
    const byLayer = { ...a.filterResults.byLayer };
    if (r) byLayer[id] = r;
    else delete byLayer[id];
    return { ...a, filterResults: { byLayer } };
  }, true);
}

/**
 * The features of a layer that pass filter `f`: the store's result when it is current
 * for this filter and data, else evaluated now (same code, same text index).
 */
export async function keptFeatures(layer: AnyLayer, f: LayerFilter, districtLayer?: AnyLayer): Promise<Feature<Geometry | null>[]> {
  const fc = await layerData(layer);
  const n = normalizeFilter(f);
  const stored = useFilterResults.getState().byLayer[layer.id];
  let ids = stored && !stored.pending && stored.key === keyOf(layer, n) ? stored.ids : null;
  if (!ids) ids = evaluate(fc, n, n.district && districtLayer ? await layerData(districtLayer) : undefined).ids!;
  const out = new Array<Feature<Geometry | null>>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = fc.features[ids[i]] as Feature<Geometry | null>;
  return out;
}

/**
 * Brings the store in line with `filters`: drops results of unfiltered
 * layers, recomputes those whose filter or data changed. Native clauses
 * (categories, ranges) reach the map at once; text and spatial ones when the
 * data is in (the previous drawing stays meanwhile).
 */
export function refreshFilterResults(layers: AnyLayer[], filters: FilterState): void {
  const byId = new Map(layers.map((l) => [l.id, l]));
  const current = useFilterResults.getState().byLayer;
  for (const id of Object.keys(current)) {
    if (!filters[id] || !byId.has(id)) patch(id, null);
  }
  for (const [id, raw] of Object.entries(filters)) {
    const layer = byId.get(id);
    if (!layer) continue;
    const f = normalizeFilter(raw);
    const key = keyOf(layer, f);
    const prev = useFilterResults.getState().byLayer[id];
    if (prev?.key === key) continue;
    const native = needsData(f) ? prev?.expr : ((toMapLibreFilter(f) as ExpressionSpecification | null) ?? undefined);
    patch(id, { key, ids: null, count: null, total: prev?.total ?? null, expr: native, pending: true });
    const districtLayer = f.district ? byId.get(DISTRICTS_LAYER) : undefined;
    Promise.all([layerData(layer), districtLayer ? layerData(districtLayer) : Promise.resolve(undefined)])
      .then(([fc, districts]) => {
        if (useFilterResults.getState().byLayer[id]?.key !== key) return; // superseded
        patch(id, { key, pending: false, ...evaluate(fc, f, districts) });
      })
      .catch((e: unknown) => {
        if (useFilterResults.getState().byLayer[id]?.key !== key) return;
        patch(id, { key, ids: null, count: null, total: null, expr: native, pending: false, error: String(e instanceof Error ? e.message : e) });
      });
  }
}
