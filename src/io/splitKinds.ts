// One map layer draws one kind of geometry (polygon, line or point). A file that
// mixes kinds is split into one collection per kind, in order of first
// appearance; features without geometry go with the first kind. Feature order
// inside each part is the file's order, so feature i of a part is MapLibre
// feature id i of that part's source.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { GeometryKind } from '../catalog/types.ts';

const KIND: Record<string, GeometryKind> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

/** Kind of a geometry; a GeometryCollection takes its highest-dimension member's kind. */
export function geometryKindOf(g: Geometry | null | undefined): GeometryKind | null {
  if (!g || typeof g !== 'object') return null;
  if (g.type === 'GeometryCollection') {
    const kinds = new Set((g.geometries ?? []).map((x) => geometryKindOf(x)));
    return kinds.has('polygon') ? 'polygon' : kinds.has('line') ? 'line' : kinds.has('point') ? 'point' : null;
  }
  return KIND[g.type] ?? null;
}

export type BBox = [number, number, number, number];

function extend(b: BBox, c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const p = c as Position;
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return;
    if (p[0] < b[0]) b[0] = p[0];
    if (p[1] < b[1]) b[1] = p[1];
    if (p[0] > b[2]) b[2] = p[0];
    if (p[1] > b[3]) b[3] = p[1];
    return;
  }
  for (const x of c) extend(b, x);
}

function extendGeometry(b: BBox, g: Geometry | null): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => extendGeometry(b, x));
  else extend(b, (g as { coordinates: unknown }).coordinates);
}

/** Bounding box of the features, or undefined when none has coordinates. */
export function bboxOf(features: Feature<Geometry | null>[]): BBox | undefined {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) extendGeometry(b, f.geometry);
  return b[0] <= b[2] ? b : undefined;
}

export interface KindPart {
  kind: GeometryKind;
  fc: FeatureCollection;
  bbox?: BBox;
}

/**
 * Group features by geometry kind. Kinds come in order of first appearance; a
 * file whose features all lack geometry yields one 'point' part. Foreign
 * members of the collection are kept only when there is a single part.
 */
export function splitByKind(fc: FeatureCollection): KindPart[] {
  const groups = new Map<GeometryKind, Feature[]>();
  let loose = 0;
  for (const f of fc.features) {
    const k = geometryKindOf(f.geometry);
    if (!k) {
      loose++;
      continue;
    }
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(f);
  }
  if (groups.size <= 1) {
    const kind = groups.keys().next().value ?? 'point';
    return [{ kind, fc, bbox: bboxOf(fc.features) }];
  }
  const parts = [...groups].map(([kind, features]) => ({ kind, features }));
  if (loose) {
    const first = parts[0].kind;
    parts[0].features = fc.features.filter((f) => {
      const k = geometryKindOf(f.geometry);
      return k === null || k === first;
    });
  }
  return parts.map(({ kind, features }) => ({ kind, fc: { type: 'FeatureCollection', features }, bbox: bboxOf(features) }));
}
