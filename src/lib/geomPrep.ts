// Small, allocation-light geometry helpers for the filter, export and search
// hot paths: bounding boxes, prepared polygons with a bbox pre-check and
// even-odd ray casting, and a representative point for any geometry.
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type Bbox = [number, number, number, number];

interface PreparedPolygon {
  bbox: Bbox;
  rings: Position[][];
}

export interface PreparedArea {
  bbox: Bbox;
  polys: PreparedPolygon[];
  geometry: Polygon | MultiPolygon;
}

function extendPositions(b: Bbox, coords: Position[]): void {
  for (let i = 0; i < coords.length; i++) {
    const x = coords[i][0];
    const y = coords[i][1];
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
}

function extendGeometry(b: Bbox, g: Geometry): void {
  switch (g.type) {
    case 'Point':
      extendPositions(b, [g.coordinates]);
      break;
    case 'MultiPoint':
    case 'LineString':
      extendPositions(b, g.coordinates);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const part of g.coordinates) extendPositions(b, part);
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) extendPositions(b, ring);
      break;
    case 'GeometryCollection':
      for (const child of g.geometries) extendGeometry(b, child);
      break;
  }
}

/** [minLon, minLat, maxLon, maxLat], or null for an empty geometry. */
export function geometryBbox(g: Geometry | null | undefined): Bbox | null {
  if (!g) return null;
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  extendGeometry(b, g);
  return b[0] === Infinity ? null : b;
}

export function bboxesIntersect(a: Bbox, b: Bbox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

export function prepareArea(geometry: Polygon | MultiPolygon): PreparedArea {
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .filter((rings) => rings.length > 0 && rings[0].length >= 4)
    .map((rings) => ({ bbox: geometryBbox({ type: 'Polygon', coordinates: rings }) as Bbox, rings }));
  const bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys) {
    bbox[0] = Math.min(bbox[0], p.bbox[0]);
    bbox[1] = Math.min(bbox[1], p.bbox[1]);
    bbox[2] = Math.max(bbox[2], p.bbox[2]);
    bbox[3] = Math.max(bbox[3], p.bbox[3]);
  }
  return { bbox, polys, geometry };
}

/** Even-odd test over one ring (crossing count parity). */
function ringCrossings(ring: Position[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const yi = ring[i][1];
    const yj = ring[j][1];
    if (yi > y !== yj > y) {
      const xi = ring[i][0];
      const xj = ring[j][0];
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Point in polygon(s) with holes, even-odd rule, bbox pre-checks. */
export function pointInArea(area: PreparedArea, x: number, y: number): boolean {
  const b = area.bbox;
  if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) return false;
  for (let p = 0; p < area.polys.length; p++) {
    const poly = area.polys[p];
    const pb = poly.bbox;
    if (x < pb[0] || x > pb[2] || y < pb[1] || y > pb[3]) continue;
    let inside = false;
    for (let r = 0; r < poly.rings.length; r++) if (ringCrossings(poly.rings[r], x, y)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

function lineLength(line: Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
  return total;
}

function lineMidpoint(line: Position[]): Position {
  const total = lineLength(line);
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const seg = Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
    if (walked + seg >= total / 2 && seg > 0) {
      const t = (total / 2 - walked) / seg;
      return [line[i - 1][0] + t * (line[i][0] - line[i - 1][0]), line[i - 1][1] + t * (line[i][1] - line[i - 1][1])];
    }
    walked += seg;
  }
  return line[0];
}

/**
 * A point inside a polygon: the middle of the widest interior span on the
 * horizontal line through the bbox centre (holes respected).
 */
function polygonInteriorPoint(rings: Position[][]): Position {
  const b = geometryBbox({ type: 'Polygon', coordinates: rings }) as Bbox;
  const y = (b[1] + b[3]) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, c) => a - c);
  let best: Position = [(b[0] + b[2]) / 2, y];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [(xs[i] + xs[i + 1]) / 2, y];
    }
  }
  return best;
}

const bboxArea = (rings: Position[][]): number => {
  const b = geometryBbox({ type: 'Polygon', coordinates: rings });
  return b ? (b[2] - b[0]) * (b[3] - b[1]) : -1;
};

/**
 * One point standing for a geometry: the point itself, the first of a
 * MultiPoint, the midpoint along a line (longest part), a point inside a
 * polygon (largest part by bbox). Null for empty geometries.
 */
export function representativePoint(g: Geometry | null | undefined): Position | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return g.coordinates.length >= 2 ? g.coordinates : null;
    case 'MultiPoint':
      return g.coordinates[0] ?? null;
    case 'LineString':
      return g.coordinates.length ? lineMidpoint(g.coordinates) : null;
    case 'MultiLineString': {
      const parts = g.coordinates.filter((l) => l.length);
      if (!parts.length) return null;
      return lineMidpoint(parts.reduce((a, c) => (lineLength(c) > lineLength(a) ? c : a)));
    }
    case 'Polygon':
      return g.coordinates.length && g.coordinates[0].length ? polygonInteriorPoint(g.coordinates) : null;
    case 'MultiPolygon': {
      const parts = g.coordinates.filter((p) => p.length && p[0].length);
      if (!parts.length) return null;
      let best = parts[0];
      for (const p of parts) {
        if (bboxArea(p) > bboxArea(best)) best = p;
      }
      return polygonInteriorPoint(best);
    }
    case 'GeometryCollection':
      for (const child of g.geometries) {
        const p = representativePoint(child);
        if (p) return p;
      }
      return null;
  }
}
