// Moving coordinates between a registered CRS and WGS84 with proj4, for whole
// (possibly not yet validated) GeoJSON values: only arrays of finite numbers
// are treated as positions; anything else is left as it is for the validator
// to report.

import proj4 from 'proj4';
import gcoord from 'gcoord';
import type { SourceCrs } from './crsGuess.ts';
import { crsByEpsg, type CrsDef } from './registry.ts';

type Converter = (xy: [number, number]) => [number, number];
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/** "EPSG:4548", "GCJ02" or "BD09": anything a user or file may name as source. */
export type CrsId = string;

export function isDatumChoice(id: CrsId): id is Exclude<SourceCrs, 'WGS84'> {
  return id === 'GCJ02' || id === 'BD09';
}

/** A function taking [x, y] in `def` to WGS84 lon/lat (inverse = false), or back. */
export function converter(def: CrsDef, toWgs84 = true): Converter {
  const p = toWgs84 ? proj4(def.proj4, WGS84) : proj4(WGS84, def.proj4);
  return (xy) => p.forward(xy) as [number, number];
}

function mapPositions(c: unknown, f: Converter, digits: number): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number') {
    if (c.length < 2 || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) return c;
    const [x, y] = f([c[0], c[1]]);
    const s = 10 ** digits;
    return [Math.round(x * s) / s, Math.round(y * s) / s, ...c.slice(2)];
  }
  return c.map((x) => mapPositions(x, f, digits));
}

function mapGeometry(g: unknown, f: Converter, digits: number, depth = 0): unknown {
  if (!g || typeof g !== 'object' || Array.isArray(g) || depth > 8) return g;
  const o = g as Record<string, unknown>;
  const { bbox: _b, ...rest } = o;
  void _b;
  if (Array.isArray(o.geometries)) return { ...rest, geometries: o.geometries.map((x) => mapGeometry(x, f, digits, depth + 1)) };
  if ('coordinates' in o) return { ...rest, coordinates: mapPositions(o.coordinates, f, digits) };
  return g;
}

/**
 * Convert every position of a GeoJSON value (FeatureCollection, Feature,
 * geometry or array of features) with `f`. Returns a new value; bbox members
 * are dropped since they no longer match. Degrees keep 8 decimals (~1 mm),
 * metres 3 (1 mm).
 */
export function mapGeoJSON(value: unknown, f: Converter, digits: number): unknown {
  if (Array.isArray(value)) return value.map((v) => mapGeoJSON(v, f, digits));
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) {
    const { bbox: _b, ...rest } = o;
    void _b;
    return { ...rest, features: o.features.map((x) => mapGeoJSON(x, f, digits)) };
  }
  if (o.type === 'Feature') {
    const { bbox: _b, ...rest } = o;
    void _b;
    return { ...rest, geometry: mapGeometry(o.geometry, f, digits) };
  }
  return mapGeometry(value, f, digits);
}

/** Source CRS → WGS84: registered EPSG codes with proj4, GCJ-02/BD-09 with gcoord. */
export function toWgs84(value: unknown, from: CrsId): unknown {
  if (isDatumChoice(from)) {
    return mapGeoJSON(value, (xy) => gcoord.transform(xy, gcoord[from], gcoord.WGS84) as [number, number], 6);
  }
  const def = crsByEpsg(from);
  if (!def) throw new Error(`unknown CRS ${from}`);
  if (def.epsg === 4326) return value;
  return mapGeoJSON(value, converter(def), 8);
}

/** WGS84 → a registered projected or geographic CRS (for export). */
export function fromWgs84<T>(value: T, to: CrsDef): T {
  if (to.epsg === 4326) return value;
  return mapGeoJSON(value, converter(to, false), to.kind === 'projected' ? 3 : 8) as T;
}
