// Derived filter results (not URL state): for each layer with an active
// filter, the kept feature indices, the counts and the MapLibre expression.
// They are the `filterResults` slice of the one store, so the map, the filter
// panel, the table and the export always agree; derivedResults.ts keeps them
// current (`refreshFilterResults`). This file holds the shapes and the evaluation.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CatalogLayer } from '../catalog/types';
import { applyFilter, textIndexOf, toMapLibreFilter, type FilterContext } from '../lib/filterEval';
import type { LayerFilter } from '../lib/filterModel';
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

/** The layer whose polygons a district clause is matched against. */
export const DISTRICTS_LAYER = 'districts';

export type AnyLayer = Pick<CatalogLayer, 'id' | 'file'> & { dataUrl?: string };


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

export const needsData = (f: LayerFilter) => !!(f.text || f.district || f.polygon);

export function keyOf(layer: AnyLayer, f: LayerFilter): string {
  return `${layer.dataUrl ?? layer.file}|${JSON.stringify(f)}`;
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
