// Compiles a LayerFilter into a fast predicate and applies it to a layer.
//
// Spatial semantics (district and drawn polygon):
// - Point: inside by even-odd ray casting after a bbox pre-check (no turf).
// - MultiPoint: passes if any of its points is inside.
// - Lines and polygons: pass if they intersect the area. The feature's bbox
//   (cached per geometry) is tested against the area's bbox first; only
//   overlapping candidates go to turf.booleanIntersects (exact test).
// - A feature without geometry fails any spatial clause.
// Several districts are a union. District names that match no district
// polygon contribute nothing (with none known, the clause matches nothing).
//
// Text: query and values are NFKC-normalised and lower-cased; each
// whitespace-separated term must occur (substring, so Chinese works without
// segmentation) in name, name_en or any other string property. The
// normalised text of each feature is cached (WeakMap on its properties
// object), so features are treated as immutable. With a prebuilt per-layer
// TextIndex in the context (textIndexOf), the text clause is answered by
// scanning one joined string instead (same result, much faster at 100k).
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { booleanIntersects } from '@turf/turf';
import { categoryKey, normalizeFilter, type LayerFilter } from './filterModel';
import { buildTextIndex, textMask, type TextIndex } from './textIndex';
import { bboxesIntersect, geometryBbox, pointInArea, prepareArea, type Bbox, type PreparedArea } from './geomPrep';

export interface FilterContext {
  /** District boundaries (Polygon/MultiPolygon) with `name` / `name_en`. */
  districtPolygons?: Feature<Geometry | null>[];
  /** The layer's text index (textIndexOf); used when the predicate gets the feature's index. */
  textIndex?: TextIndex;
}

/** `index` (the feature's position in its layer) lets a context text index answer the text clause. */
export type FeaturePredicate = (feature: Feature<Geometry | null>, index?: number) => boolean;

export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

const textCache = new WeakMap<object, string>();

/** Normalised searchable text of a feature (name, name_en, string props). */
export function featureText(f: Feature<Geometry | null>): string {
  const props = f.properties;
  if (!props) return '';
  let t = textCache.get(props);
  if (t !== undefined) return t;
  t = '';
  for (const k in props) {
    const v = props[k];
    if (typeof v === 'string' && v && !k.startsWith('__')) t += (t ? '\n' : '') + v;
  }
  t = normalizeText(t);
  textCache.set(props, t);
  return t;
}

/** The layer's text index over featureText (build once per layer, pass in FilterContext). */
export function textIndexOf(features: Feature<Geometry | null>[]): TextIndex {
  const texts = new Array<string>(features.length);
  for (let i = 0; i < features.length; i++) texts[i] = featureText(features[i]);
  return buildTextIndex(texts);
}

/** Pre-computes the text cache (e.g. when a layer loads). */
export function warmTextIndex(features: Feature<Geometry | null>[]): void {
  for (let i = 0; i < features.length; i++) featureText(features[i]);
}

const bboxCache = new WeakMap<object, Bbox | null>();
function cachedBbox(g: Geometry): Bbox | null {
  let b = bboxCache.get(g);
  if (b === undefined) {
    b = geometryBbox(g);
    bboxCache.set(g, b);
  }
  return b;
}

function isArea(g: Geometry | null | undefined): g is Polygon | MultiPolygon {
  return !!g && (g.type === 'Polygon' || g.type === 'MultiPolygon');
}

/** True if the geometry is inside / intersects any of the areas. */
function geometryHitsAreas(g: Geometry | null, areas: PreparedArea[]): boolean {
  if (!g) return false;
  if (g.type === 'Point') {
    const x = g.coordinates[0];
    const y = g.coordinates[1];
    for (let i = 0; i < areas.length; i++) if (pointInArea(areas[i], x, y)) return true;
    return false;
  }
  if (g.type === 'MultiPoint') {
    for (const c of g.coordinates) for (const a of areas) if (pointInArea(a, c[0], c[1])) return true;
    return false;
  }
  const b = cachedBbox(g);
  if (!b) return false;
  for (const a of areas) {
    if (!bboxesIntersect(b, a.bbox)) continue;
    if (g.type === 'GeometryCollection') {
      if (g.geometries.some((child) => geometryHitsAreas(child, [a]))) return true;
    } else if (booleanIntersects(g, a.geometry)) return true;
  }
  return false;
}

function districtAreas(names: string[], ctx: FilterContext): PreparedArea[] {
  const wanted = new Set(names);
  const out: PreparedArea[] = [];
  for (const d of ctx.districtPolygons ?? []) {
    const p = d.properties ?? {};
    const hit = wanted.has(String(p.name ?? '')) || wanted.has(String(p.name_en ?? '')) ||
      (d.id !== undefined && wanted.has(String(d.id)));
    if (hit && isArea(d.geometry)) out.push(prepareArea(d.geometry));
  }
  return out;
}

/** Compiles the filter once; the predicate does no allocation for points. */
export function compileFilter(filter: LayerFilter, ctx: FilterContext = {}): FeaturePredicate {
  const f = normalizeFilter(filter);
  const cats = Object.entries(f.categories ?? {}).map(([k, v]) => ({ k, set: new Set(v) }));
  const ranges = Object.entries(f.ranges ?? {}).map(([k, [lo, hi]]) => ({
    k,
    lo: lo ?? -Infinity,
    hi: hi ?? Infinity,
  }));
  const terms = f.text ? normalizeText(f.text).split(/\s+/).filter(Boolean) : [];
  const districts = f.district ? districtAreas(f.district, ctx) : null;
  const drawn = f.polygon ? [prepareArea(f.polygon)] : null;
  const nc = cats.length;
  const nr = ranges.length;
  const nt = terms.length;
  const mask = nt && ctx.textIndex ? textMask(ctx.textIndex, terms) : null;

  return (feature: Feature<Geometry | null>, index?: number): boolean => {
    const props = feature.properties ?? {};
    for (let i = 0; i < nc; i++) {
      const key = categoryKey(props[cats[i].k]);
      if (key === null || !cats[i].set.has(key)) return false;
    }
    for (let i = 0; i < nr; i++) {
      const v = props[ranges[i].k];
      if (typeof v !== 'number' || !(v >= ranges[i].lo && v <= ranges[i].hi)) return false;
    }
    if (mask && index !== undefined && index < mask.length) {
      if (!mask[index]) return false;
    } else if (nt) {
      const t = featureText(feature);
      for (let i = 0; i < nt; i++) if (t.indexOf(terms[i]) < 0) return false;
    }
    if (districts && !geometryHitsAreas(feature.geometry, districts)) return false;
    if (drawn && !geometryHitsAreas(feature.geometry, drawn)) return false;
    return true;
  };
}

export interface FilterResult {
  /** Indices (into the layer's feature array) of the kept features, ascending. */
  ids: Uint32Array;
  count: number;
  total: number;
}

export function applyFilter(
  fc: FeatureCollection<Geometry | null> | Feature<Geometry | null>[],
  filter: LayerFilter,
  ctx: FilterContext = {},
): FilterResult {
  const features = Array.isArray(fc) ? fc : fc.features;
  const n = features.length;
  const ids = new Uint32Array(n);
  let count = 0;
  if (Object.keys(normalizeFilter(filter)).length === 0) {
    for (let i = 0; i < n; i++) ids[i] = i;
    return { ids, count: n, total: n };
  }
  // A text index built for other features would answer for the wrong ones.
  const stale = ctx.textIndex && ctx.textIndex.starts.length - 1 !== n;
  const pred = compileFilter(filter, stale ? { ...ctx, textIndex: undefined } : ctx);
  for (let i = 0; i < n; i++) if (pred(features[i], i)) ids[count++] = i;
  return { ids: ids.subarray(0, count), count, total: n };
}

/** A MapLibre filter expression (cast to FilterSpecification at the call site). */
export type MapFilterExpression = [string, ...unknown[]];

/**
 * Shows exactly the kept indices: a `match` on the feature id (`['id']`). The
 * app's GeoJSON sources use `generateId`, so a feature's id is its index in
 * the layer's FeatureCollection (also in the `:pts` companion source, which
 * keeps the same order). `match` is a hash lookup in MapLibre, unlike `in`,
 * which scans its list. When more than half the features are kept, the
 * excluded ones are listed instead. Null = show everything.
 */
export function indexExpression(ids: Uint32Array, total: number): MapFilterExpression | null {
  const count = ids.length;
  if (count >= total) return null;
  const get = ['id'];
  if (count === 0) return ['==', ['literal', 1], 0];
  if (count <= total / 2) return ['match', get, Array.from(ids), true, false];
  const excluded = new Array<number>(total - count);
  let e = 0;
  let k = 0;
  for (let i = 0; i < total; i++) {
    if (k < count && ids[k] === i) k++;
    else excluded[e++] = i;
  }
  return ['match', get, excluded, false, true];
}

/**
 * MapLibre filter equivalent to the LayerFilter. Categories and ranges become
 * native expressions (`match` on `to-string`, typed `>=`/`<=`), which stay
 * valid however the data changes. Text and spatial clauses cannot be
 * expressed natively: when any is present, `kept` (from applyFilter) is
 * expressed by index instead (it already includes every clause). Without
 * `kept`, only the native clauses are returned.
 */
export function toMapLibreFilter(
  filter: LayerFilter,
  kept?: { ids: Uint32Array; total: number },
): MapFilterExpression | null {
  const f = normalizeFilter(filter);
  if ((f.text || f.district || f.polygon) && kept) return indexExpression(kept.ids, kept.total);
  const parts: MapFilterExpression[] = [];
  for (const [k, values] of Object.entries(f.categories ?? {})) {
    parts.push(['match', ['to-string', ['get', k]], values, true, false]);
  }
  for (const [k, [lo, hi]] of Object.entries(f.ranges ?? {})) {
    const clause: MapFilterExpression = ['all', ['==', ['typeof', ['get', k]], 'number']];
    if (lo !== null) clause.push(['>=', ['to-number', ['get', k]], lo]);
    if (hi !== null) clause.push(['<=', ['to-number', ['get', k]], hi]);
    parts.push(clause);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : ['all', ...parts];
}
