/**
 * Coordinate helpers for the data build: GCJ-02 → WGS84 conversion and
 * coordinate rounding. Pure functions; inputs are never mutated.
 */
import gcoord from 'gcoord';
import type { GeoJSON, Position } from 'geojson';

/** Round a number to `decimals` places (half away from zero, no -0). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f) / f;
  return r === 0 ? 0 : r;
}

/** Apply `fn` to every position of a GeoJSON object, returning a deep copy. */
export function mapPositions<T extends GeoJSON>(g: T, fn: (p: Position) => Position): T {
  const walk = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number') return fn(c as Position);
    if (Array.isArray(c)) return c.map(walk);
    return c;
  };
  const visit = (o: unknown): unknown => {
    if (o === null || typeof o !== 'object') return o;
    if (Array.isArray(o)) return o.map(visit);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      // `properties` may hold arrays of numbers (e.g. `cp`) that are not geometry.
      out[k] = k === 'coordinates' ? walk(v) : k === 'properties' ? structuredClone(v) : visit(v);
    }
    return out;
  };
  return visit(g) as T;
}

/** Round every coordinate to `decimals` places (default 6, as RFC 7946 files here require). */
export function roundCoords<T extends GeoJSON>(g: T, decimals = 6): T {
  return mapPositions(g, (p) => p.map((v) => roundTo(v, decimals)));
}

/** Convert one GCJ-02 [lon, lat] to WGS84 (extra ordinates dropped). */
export function gcjPointToWgs84(p: Position): [number, number] {
  const [lon, lat] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return [lon, lat];
}

/**
 * Convert every position of a GCJ-02 GeoJSON object (Chinese web-map sources)
 * to WGS84 with gcoord, rounded to 6 decimals. Returns a new object.
 */
export function gcjToWgs84<T extends GeoJSON>(g: T): T {
  return mapPositions(g, (p) => gcjPointToWgs84(p).map((v) => roundTo(v, 6)));
}
