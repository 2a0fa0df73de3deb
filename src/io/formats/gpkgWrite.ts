// FeatureCollection → GeoPackage 1.4 (one feature table) with sql.js: the
// required gpkg_spatial_ref_sys / gpkg_contents / gpkg_geometry_columns tables,
// geometries as "GP" blobs (header with srs_id and envelope, then WKB).
// Column types follow the values: INTEGER, REAL, TEXT (objects as JSON), BOOLEAN.

import type { FeatureCollection, Geometry } from 'geojson';
import { crsByEpsg, type CrsDef } from '../crs/registry.ts';
import { esriWkt } from '../crs/esriWkt.ts';
import { loadSqlJs } from './sqlite.ts';
import { writeWkb } from './wkb.ts';

function envelope(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else c.forEach(walk);
  };
  const geom = (x: Geometry) => (x.type === 'GeometryCollection' ? x.geometries.forEach(geom) : walk(x.coordinates));
  geom(g);
  return b;
}

/** GeoPackage geometry blob: magic, version 0, flags (little-endian, xy envelope), srs_id, envelope, WKB. */
export function gpkgBlob(g: Geometry, srsId: number): Uint8Array {
  const wkb = writeWkb(g);
  const out = new Uint8Array(8 + 32 + wkb.length);
  const dv = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = 0b00000011; // envelope [minx, maxx, miny, maxy], little-endian
  dv.setInt32(4, srsId, true);
  const [x0, y0, x1, y1] = envelope(g);
  [x0, x1, y0, y1].forEach((v, i) => dv.setFloat64(8 + 8 * i, v, true));
  out.set(wkb, 40);
  return out;
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function writeGpkg(fc: FeatureCollection, table: string, def: CrsDef, wasmUrl?: string, description = ''): Promise<Uint8Array> {
  const SQL = await loadSqlJs(wasmUrl);
  const db = new SQL.Database();
  try {
    db.run('PRAGMA application_id = 1196444487; PRAGMA user_version = 10400;');
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', '']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', '']);
    if (def.epsg !== 4326) srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326, esriWkt(crsByEpsg(4326)!)!, '']);
    srs.run([def.name.en, def.epsg, 'EPSG', def.epsg, esriWkt(def) ?? 'undefined', def.name.en]);
    srs.free();
    const props: string[] = [];
    for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) if (!props.includes(k) && k.toLowerCase() !== 'fid' && k.toLowerCase() !== 'geom') props.push(k);
    const type = (k: string) => {
      const vals = fc.features.map((f) => f.properties?.[k]).filter((v) => v !== null && v !== undefined);
      if (vals.length && vals.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
      if (vals.length && vals.every((v) => Number.isInteger(v))) return 'INTEGER';
      if (vals.length && vals.every((v) => typeof v === 'number')) return 'REAL';
      return 'TEXT';
    };
    const types = props.map(type);
    db.run(`CREATE TABLE ${q(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY${props.map((p, i) => `, ${q(p)} ${types[i]}`).join('')})`);
    const ins = db.prepare(`INSERT INTO ${q(table)} (geom${props.map((p) => `, ${q(p)}`).join('')}) VALUES (?${props.map(() => ', ?').join('')})`);
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    const kinds = new Set<string>();
    for (const f of fc.features) {
      let blob: Uint8Array | null = null;
      if (f.geometry) {
        blob = gpkgBlob(f.geometry, def.epsg);
        kinds.add(f.geometry.type);
        const e = envelope(f.geometry);
        box[0] = Math.min(box[0], e[0]);
        box[1] = Math.min(box[1], e[1]);
        box[2] = Math.max(box[2], e[2]);
        box[3] = Math.max(box[3], e[3]);
      }
      const values = props.map((p, i) => {
        const v = f.properties?.[p];
        if (v === undefined || v === null) return null;
        if (types[i] === 'BOOLEAN') return v ? 1 : 0;
        if (types[i] === 'TEXT') return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
        return v as number;
      });
      ins.run([blob, ...values]);
    }
    ins.free();
    const gtype = kinds.size === 1 ? [...kinds][0].toUpperCase() : 'GEOMETRY';
    db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      table, 'features', table, description, ...(box[0] <= box[2] ? box : [null, null, null, null]), def.epsg,
    ]);
    db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', gtype, def.epsg]);
    return db.export();
  } finally {
    db.close();
  }
}
