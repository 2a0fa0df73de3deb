// GeoPackage (OGC 12-128) vector tables with sql.js: each `features` table of
// gpkg_contents becomes one layer, in its own srs_id (EPSG codes from the
// registry, else the stored WKT). Geometry blobs: "GP" header + WKB.

import type { Database } from 'sql.js';
import type { Feature, FeatureCollection } from 'geojson';
import { identifyPrj } from '../crs/prj.ts';
import { crsByEpsg, type CrsDef } from '../crs/registry.ts';
import { makeIssue, type Issue } from '../messages.ts';
import { loadSqlJs } from './sqlite.ts';
import { readWkb } from './wkb.ts';

export interface GpkgLayer {
  table: string;
  data: FeatureCollection;
  /** Known CRS; `unknown` names one that is not; neither: undefined srs (-1/0). */
  crs: { def: CrsDef } | { unknown: string } | null;
}

export const isSqlite = (b: Uint8Array) => b.length >= 16 && new TextDecoder().decode(b.subarray(0, 15)) === 'SQLite format 3';

const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** A GeoPackage geometry blob → GeoJSON geometry (null for empty). */
export function readGpkgGeometry(b: Uint8Array): GeoJSON.Geometry | null {
  if (b.length < 8 || b[0] !== 0x47 || b[1] !== 0x50) throw new Error('the blob does not start with "GP"');
  const flags = b[3];
  const env = ENVELOPE_BYTES[(flags >> 1) & 7];
  if (env === undefined) throw new Error('bad envelope code');
  if (flags & 0x10) return null;
  return readWkb(b.subarray(8 + env));
}

function rows(db: Database, sql: string, params: (string | number)[] = []): Record<string, unknown>[] {
  const st = db.prepare(sql);
  try {
    st.bind(params);
    const out: Record<string, unknown>[] = [];
    while (st.step()) out.push(st.getAsObject());
    return out;
  } finally {
    st.free();
  }
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

export async function readGpkg(bytes: Uint8Array, file: string, wasmUrl?: string): Promise<{ ok: true; layers: GpkgLayer[] } | { ok: false; error: Issue }> {
  if (!isSqlite(bytes)) return { ok: false, error: makeIssue('gpkg.unreadable', { detail: 'the file does not start with "SQLite format 3"' }, { file }) };
  const SQL = await loadSqlJs(wasmUrl);
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (e) {
    return { ok: false, error: makeIssue('gpkg.unreadable', { detail: e instanceof Error ? e.message : String(e) }, { file }) };
  }
  try {
    let contents: Record<string, unknown>[];
    try {
      contents = rows(db, 'SELECT table_name, data_type, srs_id FROM gpkg_contents');
    } catch (e) {
      return { ok: false, error: makeIssue('gpkg.unreadable', { detail: `no gpkg_contents table (${e instanceof Error ? e.message : String(e)})` }, { file }) };
    }
    const tables = contents.filter((c) => String(c.data_type).toLowerCase() === 'features');
    if (!tables.length) {
      const list = contents.map((c) => `${c.table_name} (${c.data_type})`).join(', ') || '—';
      return { ok: false, error: makeIssue('gpkg.no_vector', { list }, { file }) };
    }
    const layers: GpkgLayer[] = [];
    for (const t of tables) {
      const table = String(t.table_name);
      const where = `${file} [${table}]`;
      const gc = rows(db, 'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', [table])[0];
      if (!gc) return { ok: false, error: makeIssue('gpkg.unreadable', { detail: `table "${table}" has no entry in gpkg_geometry_columns` }, { file: where }) };
      const geomCol = String(gc.column_name);
      const srsId = Number(gc.srs_id);
      let crs: GpkgLayer['crs'] = null;
      if (srsId > 0) {
        const srs = rows(db, 'SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId])[0];
        const code = srs && String(srs.organization).toUpperCase() === 'EPSG' ? crsByEpsg(Number(srs.organization_coordsys_id)) : crsByEpsg(srsId);
        if (code) crs = { def: code };
        else if (srs && typeof srs.definition === 'string') {
          const m = identifyPrj(srs.definition);
          crs = m.ok ? { def: m.def } : { unknown: `${srsId} ${String(srs.srs_name ?? m.name)}` };
        } else crs = { unknown: String(srsId) };
      }
      const info = rows(db, `PRAGMA table_info(${quote(table)})`);
      const pk = info.find((c) => Number(c.pk) === 1 && String(c.type).toUpperCase() === 'INTEGER');
      const booleans = new Set(info.filter((c) => String(c.type).toUpperCase() === 'BOOLEAN').map((c) => String(c.name)));
      const pkName = pk ? String(pk.name) : null;
      const features: Feature[] = [];
      const st = db.prepare(`SELECT * FROM ${quote(table)}`);
      try {
        let n = 0;
        while (st.step()) {
          n++;
          const row = st.getAsObject();
          let geometry: GeoJSON.Geometry | null = null;
          const blob = row[geomCol];
          if (blob instanceof Uint8Array) {
            try {
              geometry = readGpkgGeometry(blob);
            } catch (e) {
              return { ok: false, error: makeIssue('gpkg.geometry', { detail: e instanceof Error ? e.message : String(e) }, { file: where, record: n }) };
            }
          }
          const properties: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) {
            if (k === geomCol || k === pkName) continue;
            properties[k] = v instanceof Uint8Array ? `[${v.length} bytes]` : booleans.has(k) && (v === 0 || v === 1) ? v === 1 : v;
          }
          const id = pkName !== null && typeof row[pkName] === 'number' ? (row[pkName] as number) : undefined;
          features.push({ type: 'Feature', ...(id !== undefined ? { id } : {}), properties, geometry: geometry as GeoJSON.Geometry });
        }
      } finally {
        st.free();
      }
      layers.push({ table, data: { type: 'FeatureCollection', features }, crs });
    }
    return { ok: true, layers };
  } finally {
    db.close();
  }
}
