// Derived filter results (not URL state): for each layer with an active
// filter, the kept feature indices, the counts and the MapLibre expression.
// The map, the filter panel, the table and the export all read this one store,
// so they always agree. `refreshFilterResults` recomputes what changed.
import { create } from 'zustand';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import { dataService, type LayerSource } from '../data/client';
import { toMapLibreFilter } from '../lib/filterEval';
import { normalizeFilter, type FilterState, type LayerFilter } from '../lib/filterModel';

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
  /** Time of the last evaluation in the data service (filter + expression), ms. */
  ms?: number;
  error?: string;
}

export interface FilterResults {
  byLayer: Record<string, LayerFilterResult>;
}

export const useFilterResults = create<FilterResults>(() => ({ byLayer: {} }));

/** The layer whose polygons a district clause is matched against. */
export const DISTRICTS_LAYER = 'districts';

type AnyLayer = LayerSource;

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

/** Evaluates one layer's filter in the data service: kept ids, counts, the map expression. */
export async function evaluate(layer: AnyLayer, f: LayerFilter, districtLayer?: AnyLayer): Promise<Omit<LayerFilterResult, 'key' | 'pending'>> {
  const svc = dataService();
  if (districtLayer) svc.open(districtLayer);
  const a = await svc.ask(layer, 'filter', { layerId: layer.id, filter: f, districtsId: districtLayer?.id });
  return { ids: a.ids, count: a.count, total: a.total, expr: (a.expr as ExpressionSpecification | null) ?? undefined, ms: a.ms };
}

/** The kept ids of a layer under filter `f`: the store's when current, else evaluated now (same code). */
export async function keptIds(layer: AnyLayer, f: LayerFilter, districtLayer?: AnyLayer): Promise<{ ids: Uint32Array; total: number }> {
  const n = normalizeFilter(f);
  const stored = useFilterResults.getState().byLayer[layer.id];
  if (stored && !stored.pending && stored.key === keyOf(layer, n) && stored.ids && stored.total !== null) return { ids: stored.ids, total: stored.total };
  const r = await evaluate(layer, n, n.district ? districtLayer : undefined);
  return { ids: r.ids!, total: r.total! };
}

/** The features of a layer that pass filter `f`, copied out of the data service. */
export async function keptFeatures(layer: AnyLayer, f: LayerFilter, districtLayer?: AnyLayer): Promise<Feature<Geometry | null>[]> {
  const { ids } = await keptIds(layer, f, districtLayer);
  return dataService().ask(layer, 'features', { layerId: layer.id, indices: ids });
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
    if (layer.type === 'pmtiles') {
      // Tiles from an archive: only what MapLibre can test on tile attributes (categories, ranges); no counts.
      const expr = (toMapLibreFilter(f) as ExpressionSpecification | null) ?? undefined;
      patch(id, { key, ids: null, count: null, total: null, expr, pending: false, error: needsData(f) ? 'text and spatial clauses need the data, not only tiles' : undefined });
      continue;
    }
    patch(id, { key, ids: null, count: null, total: prev?.total ?? null, expr: native, pending: true });
    const districtLayer = f.district ? byId.get(DISTRICTS_LAYER) : undefined;
    evaluate(layer, f, districtLayer)
      .then((r) => {
        if (useFilterResults.getState().byLayer[id]?.key !== key) return; // superseded
        patch(id, { key, pending: false, ...r });
      })
      .catch((e: unknown) => {
        if (useFilterResults.getState().byLayer[id]?.key !== key) return;
        patch(id, { key, ids: null, count: null, total: null, expr: native, pending: false, error: String(e instanceof Error ? e.message : e) });
      });
  }
}
