// Test fixtures for measuring code (coverage, network): shapes laid out in true
// metres around a Tianjin origin (testgeo.ts has the older spherical frame). The metres
// are those of a Lambert azimuthal equal-area projection on the GRS80
// ellipsoid centred on the origin: areas in it are true areas, and within
// 10 km of the origin distances are true to 1e-6. It shares nothing with the
// code under test (which measures in Gauss–Krüger), so a projection or scale
// error in the code shows up against these fixtures.
import proj4 from 'proj4';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

export const LON0 = 117.2;
export const LAT0 = 39.12;

/** An equal-area frame (metres) centred on (lon0, lat0). */
export function laea(lon0 = LON0, lat0 = LAT0) {
  const conv = proj4('EPSG:4326', `+proj=laea +lat_0=${lat0} +lon_0=${lon0} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs`);
  return {
    at: (x: number, y: number): Position => conv.inverse([x, y]),
    xy: (p: Position): [number, number] => conv.forward([p[0], p[1]]) as [number, number],
  };
}

/** A metric frame: metres (x east, y north of the origin) to lon/lat and back. */
export interface MetricFrame {
  at: (x: number, y: number) => Position;
  xy: (p: Position) => [number, number];
}

/** Fixture shapes laid out in metres in `frame`, and their signed area measured back in it. */
export function shapesIn(frame: MetricFrame) {
  const { at } = frame;
  const point = (x: number, y: number, props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at(x, y) } });
  /** Axis-aligned rectangle [x0, x1] × [y0, y1] in metres, counter-clockwise. */
  const rectRing = (x0: number, y0: number, x1: number, y1: number): Position[] => [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)];
  const rect = (x0: number, y0: number, x1: number, y1: number, props: Record<string, unknown> = {}, holes: Position[][] = []): Feature<Polygon> =>
    ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [rectRing(x0, y0, x1, y1), ...holes] } });
  /** Signed area (m²) of lon/lat rings in the frame (CCW positive; holes wind clockwise and so subtract). */
  const polygonArea = (rings: Position[][]): number => {
    let total = 0;
    for (const ring of rings) {
      const q = ring.map((p) => frame.xy(p));
      let s = 0;
      for (let k = 0, j = q.length - 1; k < q.length; j = k++) s += q[j][0] * q[k][1] - q[k][0] * q[j][1];
      total += s / 2;
    }
    return total;
  };
  return { at, point, rectRing, rect, polygonArea };
}

export const { at, point, rectRing, rect, polygonArea } = shapesIn(laea());

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
