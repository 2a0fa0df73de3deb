// Small geometry helpers shared by the analysis modules: a local metric
// projection, geodesic length, and flattening GeoJSON into plain rings/lines.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/** Mean Earth radius (m), the IUGG value that Turf uses for distances. */
export const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/**
 * Local equirectangular projection around (lon0, lat0): x east, y north, metres.
 * x is scaled by cos(lat0) (≈0.777 at Tianjin's 39.1°N). Over the central city
 * (±0.15° of latitude) the scale error stays below ~0.2 %.
 */
export interface LocalProjection {
  lon0: number;
  lat0: number;
  /** metres per degree of longitude at lat0 */
  kx: number;
  /** metres per degree of latitude */
  ky: number;
}

export function localProjection(lon0: number, lat0: number): LocalProjection {
  const ky = EARTH_RADIUS_M * RAD;
  return { lon0, lat0, kx: ky * Math.cos(lat0 * RAD), ky };
}

export function projectX(p: LocalProjection, lon: number): number {
  return (lon - p.lon0) * p.kx;
}
export function projectY(p: LocalProjection, lat: number): number {
  return (lat - p.lat0) * p.ky;
}
export function unprojectLon(p: LocalProjection, x: number): number {
  return p.lon0 + x / p.kx;
}
export function unprojectLat(p: LocalProjection, y: number): number {
  return p.lat0 + y / p.ky;
}

/** Round to 6 decimals (≈0.1 m), the project's coordinate precision. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Great-circle distance in metres (haversine). */
export function haversineM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Parts of a geometry, flattened: points, lines (open paths) and polygons (lists of rings). */
export interface GeometryParts {
  points: Position[];
  lines: Position[][];
  polygons: Position[][][];
}

export function geometryParts(g: Geometry | null | undefined, out?: GeometryParts): GeometryParts {
  const parts = out ?? { points: [], lines: [], polygons: [] };
  if (!g) return parts;
  switch (g.type) {
    case 'Point':
      parts.points.push(g.coordinates);
      break;
    case 'MultiPoint':
      parts.points.push(...g.coordinates);
      break;
    case 'LineString':
      parts.lines.push(g.coordinates);
      break;
    case 'MultiLineString':
      parts.lines.push(...g.coordinates);
      break;
    case 'Polygon':
      parts.polygons.push(g.coordinates);
      break;
    case 'MultiPolygon':
      parts.polygons.push(...g.coordinates);
      break;
    case 'GeometryCollection':
      for (const c of g.geometries) geometryParts(c, parts);
      break;
  }
  return parts;
}

/** Geodesic length of all lines of a geometry, metres. */
export function lineLengthM(g: Geometry | null | undefined): number {
  let total = 0;
  for (const line of geometryParts(g).lines) {
    for (let i = 1; i < line.length; i++) total += haversineM(line[i - 1], line[i]);
  }
  return total;
}

/** [minLon, minLat, maxLon, maxLat] of every position in a collection, or null if empty. */
export function collectionBBox(fc: FeatureCollection | Feature[]): [number, number, number, number] | null {
  const feats = Array.isArray(fc) ? fc : fc.features;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < x0) x0 = p[0];
    if (p[0] > x1) x1 = p[0];
    if (p[1] < y0) y0 = p[1];
    if (p[1] > y1) y1 = p[1];
  };
  for (const f of feats) {
    const parts = geometryParts(f.geometry);
    parts.points.forEach(visit);
    parts.lines.forEach((l) => l.forEach(visit));
    parts.polygons.forEach((poly) => poly.forEach((r) => r.forEach(visit)));
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}

/** Projected planar area of a polygon (outer ring minus holes), m². */
export function polygonAreaM2(p: LocalProjection, rings: Position[][]): number {
  let total = 0;
  rings.forEach((ring, i) => {
    let s = 0;
    for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
      const xj = projectX(p, ring[j][0]);
      const yj = projectY(p, ring[j][1]);
      const xk = projectX(p, ring[k][0]);
      const yk = projectY(p, ring[k][1]);
      s += xj * yk - xk * yj;
    }
    const a = Math.abs(s) / 2;
    total += i === 0 ? a : -a;
  });
  return total;
}
