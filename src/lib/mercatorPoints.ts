// A point layer's positions in Web Mercator units (0…1 across the world, y down), relative
// to the south-west corner of the layer, as 32-bit floats: what a GPU point renderer
// uploads once. Offsets from a local origin keep float32 precise to millimetres at city
// scale, where absolute Mercator floats would jitter by metres at street zoom. Pure.
import type { Feature, Geometry } from 'geojson';

export interface PointPositions {
  count: number;
  /** Mercator x, y of the origin (float64). */
  origin: [number, number];
  /** x, y per feature, minus the origin; 0, 0 for a feature without a point (drawn hidden). */
  xy: Float32Array;
}

export const mercatorX = (lng: number): number => (lng + 180) / 360;
export const mercatorY = (lat: number): number => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
};

/** The feature's single position, or null (no geometry, or not one point). */
export function singlePoint(g: Geometry | null | undefined): [number, number] | null {
  if (!g) return null;
  if (g.type === 'Point') return g.coordinates.length >= 2 ? [g.coordinates[0], g.coordinates[1]] : null;
  if (g.type === 'MultiPoint' && g.coordinates.length === 1) return [g.coordinates[0][0], g.coordinates[0][1]];
  return null;
}

/** Positions of a layer made only of points (features without geometry allowed); null otherwise. */
export function pointPositions(features: readonly Feature<Geometry | null>[]): PointPositions | null {
  const n = features.length;
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  let ox = Infinity;
  let oy = Infinity;
  for (let i = 0; i < n; i++) {
    const g = features[i].geometry;
    const p = singlePoint(g);
    if (!p) {
      if (g) return null;
      mx[i] = my[i] = NaN;
      continue;
    }
    mx[i] = mercatorX(p[0]);
    my[i] = mercatorY(p[1]);
    if (mx[i] < ox) ox = mx[i];
    if (my[i] < oy) oy = my[i];
  }
  if (!Number.isFinite(ox)) return null;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(mx[i])) continue;
    xy[2 * i] = mx[i] - ox;
    xy[2 * i + 1] = my[i] - oy;
  }
  return { count: n, origin: [ox, oy], xy };
}
