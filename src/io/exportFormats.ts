// Writing a layer's (filtered) features for planners' tools: zipped Shapefile,
// KML, FlatGeobuf, GeoPackage or GeoJSON, in WGS84 or a registered projected
// CRS (the export menu offers CGCS2000 / 3-degree GK CM 117°E, EPSG:4548).
// Pure: bytes out; the browser downloads them, the convert CLI writes them.

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { strToU8, zipSync } from 'fflate';
import { esriWkt } from './crs/esriWkt.ts';
import { crsByEpsg, type CrsDef } from './crs/registry.ts';
import { fromWgs84 } from './crs/reproject.ts';
import { writeFgb } from './formats/fgb.ts';
import { writeGpkg } from './formats/gpkgWrite.ts';
import { writeKml } from './formats/kmlWrite.ts';
import { writeShapefiles, type FieldMapping } from './formats/shapefileWrite.ts';

export type ExportFormat = 'shp' | 'kml' | 'fgb' | 'gpkg' | 'geojson';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { shp: '.shp.zip', kml: '.kml', fgb: '.fgb', gpkg: '.gpkg', geojson: '.geojson' };
const MIME: Record<ExportFormat, string> = {
  shp: 'application/zip',
  kml: 'application/vnd.google-earth.kml+xml',
  fgb: 'application/octet-stream',
  gpkg: 'application/geopackage+sqlite3',
  geojson: 'application/geo+json',
};

/** The output format a file name asks for (".shp.zip", ".kml", …), or null. */
export function formatFromName(name: string): ExportFormat | null {
  const n = name.toLowerCase();
  if (n.endsWith('.shp.zip') || n.endsWith('.zip') || n.endsWith('.shp')) return 'shp';
  if (n.endsWith('.kml')) return 'kml';
  if (n.endsWith('.fgb')) return 'fgb';
  if (n.endsWith('.gpkg')) return 'gpkg';
  if (n.endsWith('.geojson') || n.endsWith('.json')) return 'geojson';
  return null;
}

export interface WriteOptions {
  /** Layer / file base name (no extension). */
  name: string;
  /** Target CRS (EPSG code); default 4326. KML is always WGS84. */
  epsg?: number;
  /** Written into the Shapefile's metadata.json and the GeoPackage description. */
  meta?: Record<string, unknown>;
  /** Browser: URL of sql.js's .wasm (GeoPackage). */
  sqlWasmUrl?: string;
}

export interface Written {
  bytes: Uint8Array;
  mime: string;
  ext: string;
  epsg: number;
  /** Shapefile: property → dBASE field name (≤ 10 bytes). */
  fields?: FieldMapping[];
}

const clean = (features: Feature<Geometry | null>[]): Feature[] =>
  features.map((f) => ({
    type: 'Feature',
    ...(f.id !== undefined ? { id: f.id } : {}),
    properties: Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !k.startsWith('__'))),
    geometry: f.geometry as Geometry,
  }));

/** A file-system-safe base name (keeps Chinese). */
export const safeBase = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 80) || 'layer';

export async function writeLayer(features: Feature<Geometry | null>[], format: ExportFormat, opts: WriteOptions): Promise<Written> {
  const epsg = format === 'kml' ? 4326 : (opts.epsg ?? 4326);
  const def: CrsDef | undefined = crsByEpsg(epsg);
  if (!def) throw new Error(`EPSG:${epsg} is not a known coordinate system`);
  const base = safeBase(opts.name);
  const fc: FeatureCollection = fromWgs84({ type: 'FeatureCollection', features: clean(features) }, def);
  const out = (bytes: Uint8Array, fields?: FieldMapping[]): Written => ({ bytes, mime: MIME[format], ext: EXPORT_EXTENSIONS[format], epsg, ...(fields ? { fields } : {}) });
  switch (format) {
    case 'geojson': {
      if (epsg !== 4326) throw new Error('GeoJSON (RFC 7946) is always WGS84 longitude/latitude');
      return out(strToU8(JSON.stringify(fc)));
    }
    case 'kml':
      return out(strToU8(writeKml(fc, opts.name)));
    case 'fgb':
      return out(writeFgb(fc, epsg));
    case 'gpkg':
      return out(await writeGpkg(fc, base, def, opts.sqlWasmUrl, typeof opts.meta?.description === 'string' ? opts.meta.description : ''));
    case 'shp': {
      const shp = writeShapefiles(fc.features, base, esriWkt(def));
      const meta = { ...opts.meta, crs: `EPSG:${epsg}`, features: features.length, encoding: 'UTF-8', fields: shp.fields, truncatedTextValues: shp.truncatedValues };
      const zip = zipSync({ ...shp.files, [`${base}.metadata.json`]: strToU8(JSON.stringify(meta, null, 2)) });
      return out(zip, shp.fields);
    }
  }
}
