// The plane the analyses measure in: CGCS2000 / 3-degree Gauss–Krüger zone 39,
// central meridian 117°E (EPSG:4548, false easting 500 km), through proj4.
// The whole municipality (116.7–118.1°E) lies within ±1.1° of the meridian, so
// the point scale factor stays below 1 + 1.1e-4. Transverse Mercator is
// conformal, not equal-area: projected areas are k² times the true areas, and
// `areaScale` gives that factor so areas can be brought back to the ellipsoid.
import proj4 from 'proj4';

export const GK117_EPSG = 'EPSG:4548';
export const GK117_PROJ = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const LON0 = 117;
/** GRS80 first eccentricity squared. */
const E2 = 0.00669438002290;

export interface PlaneFrame {
  /** Projected [x east, y north] in metres. */
  toXY(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

let frame: PlaneFrame | null = null;

/** proj4's own degree/radian factors, so the frame gives its converter's results to the last bit. */
const D2R = 0.017453292519943295;
const R2D = 57.29577951308232;

/**
 * The shared EPSG:4548 frame (made on first use, not at import). It calls the
 * proj4 projection's forward and inverse directly: the converter around them
 * only copies the point and checks datums, and GRS80 with no datum is left
 * alone as proj4 does, so the results are the converter's, at a quarter of
 * the cost (it runs for every zone vertex and every lattice node).
 */
export function gkFrame(): PlaneFrame {
  if (frame) return frame;
  const proj = new proj4.Proj(GK117_PROJ);
  const toMeter = (proj as unknown as { to_meter?: number }).to_meter || 1;
  frame = {
    toXY: (lon, lat) => {
      const p = proj.forward({ x: lon * D2R, y: lat * D2R });
      return p ? [p.x / toMeter, p.y / toMeter] : [NaN, NaN];
    },
    toLonLat: (x, y) => {
      const p = proj.inverse({ x: x * toMeter, y: y * toMeter });
      return p ? [p.x * R2D, p.y * R2D] : [NaN, NaN];
    },
  };
  return frame;
}

/**
 * Point scale factor k of the projection at (lon, lat): the series of the
 * transverse Mercator to the fourth power of Δλ·cosφ (Snyder 1987, eq. 8-11; error < 1e-9 here).
 */
export function scaleFactor(lon: number, lat: number): number {
  const phi = (lat * Math.PI) / 180;
  const l = (((lon - LON0) * Math.PI) / 180) * Math.cos(phi);
  const ep2 = E2 / (1 - E2);
  const c = ep2 * Math.cos(phi) ** 2;
  const t = Math.tan(phi) ** 2;
  return 1 + ((1 + c) * l * l) / 2 + ((5 - 4 * t + 42 * c + 13 * c * c - 28 * ep2) * l ** 4) / 24;
}

/** Projected area over true area at (lon, lat): k². */
export function areaScale(lon: number, lat: number): number {
  return scaleFactor(lon, lat) ** 2;
}

/** Plane (x, y) to [lon, lat], written into `out` when given (no allocation per call). */
export type LonLatOf = (x: number, y: number, out?: [number, number]) => [number, number];

/**
 * A fast inverse over a box of the plane: exact inverses on a lattice of
 * `step` metres, bilinear in between. The inverse is smooth, so over 1 km the
 * interpolation is off by under 0.02 m, far below the 0.1 m of the output's
 * 6 decimals. Lattice nodes are computed on first use, so the cost is one
 * proj4 call per square kilometre the outlines pass through, not per vertex
 * and not per square kilometre of the box.
 */
export function latticeInverse(frame: PlaneFrame, x0: number, y0: number, x1: number, y1: number, step = 1000): LonLatOf {
  const nx = Math.max(1, Math.ceil((x1 - x0) / step)) + 1;
  const ny = Math.max(1, Math.ceil((y1 - y0) / step)) + 1;
  const lon = new Float64Array(nx * ny).fill(NaN);
  const lat = new Float64Array(nx * ny);
  const node = (k: number) => {
    if (lon[k] === lon[k]) return; // computed already (NaN until then)
    const [a, b] = frame.toLonLat(x0 + (k % nx) * step, y0 + Math.floor(k / nx) * step);
    lon[k] = a;
    lat[k] = b;
  };
  return (x, y, out = [0, 0]) => {
    const fx = (x - x0) / step;
    const fy = (y - y0) / step;
    if (fx < 0 || fy < 0 || fx > nx - 1 || fy > ny - 1) {
      const [a, b] = frame.toLonLat(x, y);
      out[0] = a;
      out[1] = b;
      return out;
    }
    const i = Math.min(nx - 2, Math.floor(fx));
    const j = Math.min(ny - 2, Math.floor(fy));
    const u = fx - i;
    const v = fy - j;
    const k = j * nx + i;
    node(k);
    node(k + 1);
    node(k + nx);
    node(k + nx + 1);
    const w00 = (1 - u) * (1 - v);
    const w10 = u * (1 - v);
    const w01 = (1 - u) * v;
    const w11 = u * v;
    out[0] = lon[k] * w00 + lon[k + 1] * w10 + lon[k + nx] * w01 + lon[k + nx + 1] * w11;
    out[1] = lat[k] * w00 + lat[k + 1] * w10 + lat[k + nx] * w01 + lat[k + nx + 1] * w11;
    return out;
  };
}
