// Coordinate reference systems: converting Chinese web-map datums (GCJ-02, BD-09)
// to WGS84 with gcoord, and recognising projected metre coordinates (Gauss–Krüger,
// Web Mercator) that were saved where degrees belong.

import gcoord from 'gcoord';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Bilingual } from '../messages.ts';

export type SourceCrs = 'WGS84' | 'GCJ02' | 'BD09';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function convertCoords(c: unknown, from: 'GCJ02' | 'BD09'): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number') {
    if (c.length < 2 || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return c.slice();
    const [lon, lat] = gcoord.transform([c[0], c[1]] as [number, number], gcoord[from], gcoord.WGS84);
    return [round6(lon), round6(lat), ...c.slice(2)];
  }
  return c.map((x) => convertCoords(x, from));
}

function convertGeometry(g: Geometry | null, from: 'GCJ02' | 'BD09'): Geometry | null {
  if (!g || typeof g !== 'object') return g;
  if (g.type === 'GeometryCollection') {
    return { ...g, geometries: g.geometries.map((x) => convertGeometry(x, from) as Geometry) };
  }
  return { ...g, coordinates: convertCoords((g as { coordinates: unknown }).coordinates, from) } as Geometry;
}

/**
 * Convert every position of a FeatureCollection from GCJ-02 (Amap, Tencent) or
 * BD-09 (Baidu) to WGS84, rounded to 6 decimals (~0.1 m). Returns a new
 * collection; properties objects are shared with the input. The bbox member, if
 * any, is dropped because it no longer matches.
 */
export function convertCrs(fc: FeatureCollection, from: SourceCrs, to: 'WGS84' = 'WGS84'): FeatureCollection {
  if (from === to) return fc;
  const { bbox: _drop, ...rest } = fc;
  void _drop;
  return {
    ...rest,
    features: fc.features.map((f) => {
      const { bbox: _b, ...frest } = f;
      void _b;
      return { ...frest, geometry: convertGeometry(f.geometry, from) as Geometry };
    }),
  };
}

// ---------------------------------------------------------------- projections

const R = 6378137;
const MERC_MAX = 20037508.342789244;

export function mercatorToLonLat(x: number, y: number): [number, number] {
  const lon = (x / R) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat];
}

export interface ProjectionGuess {
  kind: 'gk' | 'mercator' | 'other';
  /** Likely EPSG code, as text ("4527"). */
  epsg?: string;
  /** Human description of the CRS. */
  crs?: Bilingual;
  /** For Web Mercator: the sample point in lon/lat. */
  lonlat?: [number, number];
}

/** Northings plausible for China (≈ 3°N … 54°N) in a transverse Mercator projection. */
const chinaNorthing = (y: number) => y > 300_000 && y < 6_100_000;

/**
 * Guess which projected CRS a metre coordinate comes from. `x`,`y` is a
 * representative position (e.g. the centre of the out-of-range positions).
 * Returns null when the numbers do not look like any projection we know.
 */
export function guessProjection(x: number, y: number): ProjectionGuess | null {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  if (ax <= 1000 && ay <= 1000) return null; // degrees, possibly swapped or a little off: not metres
  // Gauss–Krüger with the zone number prefixed to the easting.
  if (x >= 25_000_000 && x < 46_000_000 && chinaNorthing(y)) {
    const zone = Math.floor(x / 1_000_000);
    const cm = zone * 3;
    return {
      kind: 'gk',
      epsg: String(4513 + zone - 25),
      crs: {
        en: `CGCS2000 3-degree Gauss–Krüger zone ${zone}, central meridian ${cm}°E`,
        zh: `CGCS2000 三度带高斯-克吕格第 ${zone} 带，中央经线 ${cm}°E`,
      },
    };
  }
  if (x > MERC_MAX && x < 24_000_000 && chinaNorthing(y)) {
    const zone = Math.floor(x / 1_000_000);
    const cm = zone * 6 - 3;
    return {
      kind: 'gk',
      epsg: String(4491 + zone - 13),
      crs: {
        en: `CGCS2000 6-degree Gauss–Krüger zone ${zone}, central meridian ${cm}°E`,
        zh: `CGCS2000 六度带高斯-克吕格第 ${zone} 带，中央经线 ${cm}°E`,
      },
    };
  }
  // Easting with the 500 km false easting but no zone prefix.
  if (x > 100_000 && x < 900_000 && chinaNorthing(y)) {
    return {
      kind: 'gk',
      epsg: '4548',
      crs: {
        en: 'CGCS2000 3-degree Gauss–Krüger without zone prefix; for Tianjin central meridian 117°E (other candidates: EPSG:4509 6-degree CM 117E, UTM 50N EPSG:32650)',
        zh: 'CGCS2000 三度带高斯-克吕格（无带号），天津为中央经线 117°E（也可能是 EPSG:4509 六度带 117°E 或 UTM 50N EPSG:32650）',
      },
    };
  }
  if (ax <= MERC_MAX && ay <= MERC_MAX * 1.01 && (ax > 180 || ay > 90)) {
    const [lon, lat] = mercatorToLonLat(x, y);
    if (Math.abs(lat) <= 85.06) return { kind: 'mercator', epsg: '3857', lonlat: [round6(lon), round6(lat)] };
  }
  return { kind: 'other' };
}
