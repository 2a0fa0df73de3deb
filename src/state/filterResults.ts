// Derived filter results (not URL state): for each layer with an active
// filter, the kept feature indices, the counts and the MapLibre expression.
// They are the `filterResults` slice of the one store, so the map, the filter
// panel, the table and the export always agree; derivedResults.ts keeps them
// current (`refreshFilterResults`). This file holds the shapes and the
// evaluation, which runs in the data service worker (data/client.ts).
import type { ExpressionSpecification } from 'maplibre-gl';
import { dataService, type LayerSource } from '../data/client';
import type { LayerFilter } from '../lib/filterModel';

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

/** The layer whose polygons a district clause is matched against. */
export const DISTRICTS_LAYER = 'districts';

export type AnyLayer = LayerSource;

export const needsData = (f: LayerFilter) => !!(f.text || f.district || f.polygon);

export function keyOf(layer: AnyLayer, f: LayerFilter): string {
  return `${layer.dataUrl ?? layer.file}|${JSON.stringify(f)}`;
}

/** Evaluates one layer's filter in the data service: kept ids, counts, the map expression. */
export async function evaluate(layer: AnyLayer, f: LayerFilter, districtLayer?: AnyLayer): Promise<Omit<LayerFilterResult, 'key' | 'pending'>> {
  const svc = dataService();
  if (districtLayer) svc.open(districtLayer);
  const a = await svc.ask(layer, 'filter', { layerId: layer.id, filter: f, districtsId: districtLayer?.id });
  return { ids: a.ids, count: a.count, total: a.total, expr: (a.expr as ExpressionSpecification | null) ?? undefined, ms: a.ms };
}
