// Test fixtures: shapes laid out in metres around a Tianjin origin.
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { EARTH_RADIUS_M } from './geo.ts';

export const LON0 = 117.2;
export const LAT0 = 39.12;
const MY = (EARTH_RADIUS_M * Math.PI) / 180;
const MX = MY * Math.cos((LAT0 * Math.PI) / 180);

/** lon/lat of a point x metres east and y metres north of the origin. */
export function at(x: number, y: number): Position {
  return [LON0 + x / MX, LAT0 + y / MY];
}

export function point(x: number, y: number, props: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at(x, y) } };
}

/** Axis-aligned rectangle [x0, x1] × [y0, y1] in metres, counter-clockwise. */
export function rectRing(x0: number, y0: number, x1: number, y1: number): Position[] {
  return [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)];
}

export function rect(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  props: Record<string, unknown> = {},
  holes: Position[][] = [],
): Feature<Polygon> {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [rectRing(x0, y0, x1, y1), ...holes] } };
}

export function fc(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** Seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Signed planar area (m²) of lon/lat rings in the fixtures' metric frame (CCW positive). */
export function polygonArea(rings: Position[][]): number {
  let total = 0;
  for (const ring of rings) {
    let s = 0;
    for (let k = 0, j = ring.length - 1; k < ring.length; j = k++) {
      s += (ring[j][0] - LON0) * MX * (ring[k][1] - LAT0) * MY - (ring[k][0] - LON0) * MX * (ring[j][1] - LAT0) * MY;
    }
    total += s / 2; // signed: holes wind clockwise and so subtract
  }
  return total;
}
