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

/** The shared EPSG:4548 frame (the proj4 converter is made on first use, not at import). */
export function gkFrame(): PlaneFrame {
  if (frame) return frame;
  const conv = proj4('EPSG:4326', GK117_PROJ);
  frame = {
    toXY: (lon, lat) => conv.forward([lon, lat]) as [number, number],
    toLonLat: (x, y) => conv.inverse([x, y]) as [number, number],
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
