// The data engine: every layer's features, held once, and the answers the
// panels need (a page of rows in sort order, search hits, filter ids and
// counts, field statistics, export text, vector tiles). Pure: no DOM, no
// MapLibre, no React; the service worker wraps it, the unit tests drive it
// directly. Feature i of a layer is feature id i on the map (tiles are cut
// with generated ids), so every answer speaks in feature indices.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { facetCounts } from '../lib/facetCounts';
import { computeFieldStats, type FieldStats } from '../lib/fieldStats';
import { applyFilter, textIndexOf, toMapLibreFilter, type FilterContext, type MapFilterExpression } from '../lib/filterEval';
import { normalizeFilter, type LayerFilter } from '../lib/filterModel';
import { buildPlaceIndex, searchPlaces, type PlaceHit, type PlaceIndex } from '../lib/placeSearch';
import { sortedOrder, tableColumns, visibleRows, type SortDir } from '../lib/tableModel';
import type { TextIndex } from '../lib/textIndex';
import { pointPositions, singlePoint, type PointPositions } from '../lib/mercatorPoints';
import { computeThematic, type ThematicResult } from '../lib/thematic/compute';
import { featureClasses } from '../lib/thematic/featureClasses';
import type { ThematicSpec } from '../lib/thematic/spec';
import { TileCutter } from './tileCutter';

type F = Feature<Geometry | null>;

interface Held {
  features: F[];
  /** Bumped on every replace, so caches keyed by it go stale. */
  version: number;
  text?: TextIndex;
  stats?: FieldStats[];
  tiles?: TileCutter;
  props?: (Record<string, unknown> | null)[];
  orders: Map<string, Uint32Array>;
}

export interface FilterAnswer {
  ids: Uint32Array;
  count: number;
  total: number;
  /** What the map draws with; null = everything. */
  expr: MapFilterExpression | null;
  ms: number;
}

export interface RowsAnswer {
  /** The rows to show, in display order (kept ∩ sort order). */
  order: Uint32Array;
  columns: string[];
  total: number;
}

export interface LayerSummary {
  count: number;
  bbox: [number, number, number, number] | null;
}

let versions = 0;

export class DataEngine {
  private layers = new Map<string, Held>();
  private places: { key: string; index: PlaceIndex } | null = null;

  has(id: string): boolean {
    return this.layers.has(id);
  }

  ids(): string[] {
    return [...this.layers.keys()];
  }

  /** Holds (or replaces) a layer's features. */
  put(id: string, fc: FeatureCollection | F[]): LayerSummary {
    const features = (Array.isArray(fc) ? fc : fc.features) as F[];
    this.layers.set(id, { features, version: ++versions, orders: new Map() });
    this.places = null;
    return { count: features.length, bbox: bboxOf(features) };
  }

  /** Holds `from`'s features under `to` instead (an imported part becomes a layer). */
  rename(from: string, to: string): void {
    const h = this.held(from);
    this.layers.delete(from);
    this.layers.set(to, h);
    this.places = null;
  }

  drop(id: string): void {
    this.layers.delete(id);
    this.places = null;
  }

  private held(id: string): Held {
    const h = this.layers.get(id);
    if (!h) throw new Error(`layer ${id} is not loaded`);
    return h;
  }

  features(id: string): F[] {
    return this.held(id).features;
  }

  feature(id: string, index: number): F | null {
    return this.held(id).features[index] ?? null;
  }

  /** The features at these indices, in that order (export, analysis, focus). */
  pick(id: string, indices: ArrayLike<number> | null): F[] {
    const all = this.held(id).features;
    if (!indices) return all;
    const out = new Array<F>(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = all[indices[i]];
    return out;
  }

  textIndex(id: string): TextIndex {
    const h = this.held(id);
    return (h.text ??= textIndexOf(h.features));
  }

  /** Kept ids, counts and the map expression of one filter (district clauses use `districtsId`). */
  filter(id: string, raw: LayerFilter, districtsId?: string): FilterAnswer {
    const t0 = performance.now();
    const f = normalizeFilter(raw);
    const h = this.held(id);
    const ctx: FilterContext = {};
    if (f.text) ctx.textIndex = this.textIndex(id);
    if (f.district && districtsId && this.layers.has(districtsId)) ctx.districtPolygons = this.features(districtsId);
    const kept = applyFilter(h.features, f, ctx);
    const expr = toMapLibreFilter(f, kept);
    return { ids: kept.ids, count: kept.count, total: kept.total, expr, ms: performance.now() - t0 };
  }

  /** Per category field, value → count among the features passing every other clause of the filter. */
  facets(id: string, raw: LayerFilter, fields: string[], districtsId?: string): Record<string, Map<string, number>> {
    const f = normalizeFilter(raw);
    const ctx: FilterContext = {};
    if (f.text) ctx.textIndex = this.textIndex(id);
    if (f.district && districtsId && this.layers.has(districtsId)) ctx.districtPolygons = this.features(districtsId);
    const features = this.features(id);
    return Object.fromEntries(fields.map((name) => [name, facetCounts(features, f, name, ctx)]));
  }

  /** Table rows: `kept` (all when null) in the order of `sort` (feature order when null). */
  rows(id: string, kept: Uint32Array | null, sort: { key: string; dir: SortDir } | null, preferred: string[] = []): RowsAnswer {
    const h = this.held(id);
    let order: Uint32Array | null = null;
    if (sort) {
      const k = `${sort.key}\u0000${sort.dir}`;
      order = h.orders.get(k) ?? null;
      if (!order) {
        order = sortedOrder(h.features, sort.key, sort.dir);
        h.orders.set(k, order);
      }
    }
    const rows = visibleRows(h.features.length, kept, order);
    // A fresh copy: the answer is transferred, the cached order must stay.
    return { order: rows === order || rows === kept ? rows.slice() : rows, columns: tableColumns(h.features, preferred), total: h.features.length };
  }

  /** Properties of the rows at these indices (one page of the table). */
  page(id: string, indices: ArrayLike<number>): Record<string, unknown>[] {
    const all = this.held(id).features;
    return Array.from(indices, (i) => all[i]?.properties ?? {});
  }

  stats(id: string): FieldStats[] {
    const h = this.held(id);
    return (h.stats ??= computeFieldStats(h.features));
  }

  /**
   * A thematic style's classes and legend over the kept features (all when null); with
   * `perFeature`, also every feature's class byte (hidden: dropped by the filter, or no point).
   */
  thematic(id: string, style: ThematicSpec, kept: Uint32Array | null, key = '', perFeature = false): ThematicResult {
    const h = this.held(id);
    h.props ??= h.features.map((f) => (f.properties as Record<string, unknown> | null) ?? null);
    const r = computeThematic(h.props, style, kept, key);
    if (perFeature && r.classes && style.field) {
      const fs = h.features;
      r.perFeature = featureClasses(h.props, style.field, r.classes, kept, (i) => singlePoint(fs[i].geometry) !== null);
    }
    return r;
  }

  /** Mercator positions of a layer made only of points (null otherwise), for drawing on the GPU. */
  points(id: string): PointPositions | null {
    return pointPositions(this.held(id).features);
  }

  /** Place search over these layers (index built once per set of layers held). */
  search(layerIds: string[], query: string, limit = 12): PlaceHit[] {
    const present = layerIds.filter((l) => this.layers.has(l));
    const key = present.map((l) => `${l}@${this.held(l).version}`).join('|');
    if (this.places?.key !== key) {
      this.places = { key, index: buildPlaceIndex(present.map((layerId) => ({ layerId, features: this.features(layerId) }))) };
    }
    return searchPlaces(this.places.index, query, { limit });
  }

  /** Builds the layer's tile index now (it is otherwise built on the first tile asked for). */
  prepareTiles(id: string): void {
    const h = this.held(id);
    h.tiles ??= new TileCutter(h.features);
  }

  /** One vector tile (MVT bytes, source layer `features`), or null when empty. */
  tile(id: string, z: number, x: number, y: number): Uint8Array | null {
    const h = this.held(id);
    h.tiles ??= new TileCutter(h.features);
    return h.tiles.tile(z, x, y);
  }
}

function bboxOf(features: F[]): [number, number, number, number] | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const x = c[0] as number;
      const y = c[1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    } else for (const p of c) visit(p);
  };
  const geom = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries.forEach(geom);
    else visit(g.coordinates);
  };
  for (const f of features) geom(f.geometry);
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}
