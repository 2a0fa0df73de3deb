// Derived filter results (not URL state): for each layer with an active
// filter, the kept feature indices, the counts and the MapLibre expression.
// The map, the filter panel, the table and the export all read this one store,
// so they always agree. `refreshFilterResults` recomputes what changed.
import { create } from 'zustand';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CatalogLayer } from '../catalog/types';
import { layerData } from '../data/registry';
import { applyFilter, textIndexOf, toMapLibreFilter, type FilterContext } from '../lib/filterEval';
import { normalizeFilter, type FilterState, type LayerFilter } from '../lib/filterModel';
import type { TextIndex } from '../lib/textIndex';

export interface LayerFilterResult {
  /** Which filter (and data) this result is for. */
  key: string;
  /** Kept feature indices, ascending; null until the layer's data is in. */
  ids: Uint32Array | null;
  count: number | null;
  total: number | null;
  /** What the map draws with (undefined: everything). */
  expr?: ExpressionSpecification;
  pending: boolean;
  /** Main-thread time of the last evaluation (filter + expression), ms. */
  ms?: number;
  error?: string;
}

export interface FilterResults {
  byLayer: Record<string, LayerFilterResult>;
}

export const useFilterResults = create<FilterResults>(() => ({ byLayer: {} }));

/** The layer whose polygons a district clause is matched against. */
export const DISTRICTS_LAYER = 'districts';

type AnyLayer = Pick<CatalogLayer, 'id' | 'file'> & { dataUrl?: string };


const textIndexes = new WeakMap<object, TextIndex>();

/** The layer's text index, built once per FeatureCollection. */
export function textIndexFor(fc: FeatureCollection): TextIndex {
  let t = textIndexes.get(fc);
  if (!t) {
    t = textIndexOf(fc.features as Feature<Geometry | null>[]);
    textIndexes.set(fc, t);
  }
  return t;
}

const needsData = (f: LayerFilter) => !!(f.text || f.district || f.polygon);

function keyOf(layer: AnyLayer, f: LayerFilter): string {
  return `${layer.dataUrl ?? layer.file}|${JSON.stringify(f)}`;
}

function patch(id: string, r: LayerFilterResult | null): void {
  useFilterResults.setState((s) => {
    const byLayer = { ...s.byLayer };
    if (r) byLayer[id] = r;
    else delete byLayer[id];
    return { byLayer };
  });
}

/** Evaluates one layer's filter over its data (synchronous once the data is in). */
export function evaluate(fc: FeatureCollection, f: LayerFilter, districts?: FeatureCollection): Omit<LayerFilterResult, 'key' | 'pending'> {
  const t0 = performance.now();
  const features = fc.features as Feature<Geometry | null>[];
  const ctx: FilterContext = {};
  if (f.text) ctx.textIndex = textIndexFor(fc);
  if (f.district && districts) ctx.districtPolygons = districts.features as Feature<Geometry | null>[];
  const kept = applyFilter(features, f, ctx);
  const expr = toMapLibreFilter(f, kept) as ExpressionSpecification | null;
  return { ids: kept.ids, count: kept.count, total: kept.total, expr: expr ?? undefined, ms: performance.now() - t0 };
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
