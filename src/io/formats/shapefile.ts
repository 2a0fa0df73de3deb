// One Shapefile (a .shp with its .dbf, .prj, .cpg; .shx is not needed) → raw
// GeoJSON in the file's own coordinates, plus what the .prj says. Geometry is
// read by shpjs's parseShp after a structural walk of the .shp (so a truncated
// file is reported with the record where it breaks, not silently shortened);
// attributes by dbf.ts. Rings are rewound to RFC 7946 order (outer
// counter-clockwise), since Shapefiles store outer rings clockwise.

import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { parseShp } from 'shpjs';
import { identifyPrj, type PrjMatch } from '../crs/prj.ts';
import { makeIssue, type Issue } from '../messages.ts';
import { readDbf } from './dbf.ts';

export interface ShapefileSet {
  /** Path without extension, as named in the archive or selection. */
  base: string;
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
  shx?: Uint8Array;
}

export type ShapefileRead =
  | { ok: true; data: FeatureCollection; prj: PrjMatch | null; warnings: Issue[]; encoding: string }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

const SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28]);

/** Walk the record headers; the number of records, or where the file breaks. */
export function walkShp(shp: Uint8Array): { ok: true; count: number; type: number } | { ok: false; record?: number; detail: string; detailZh: string } {
  if (shp.length < 100) return { ok: false, detail: `${shp.length} bytes, shorter than the 100-byte header`, detailZh: `只有 ${shp.length} 字节，不足 100 字节的文件头` };
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (dv.getInt32(0) !== 9994) return { ok: false, detail: 'the file code is not 9994: this is not a .shp', detailZh: '文件代码不是 9994，这不是 .shp 文件' };
  const declared = dv.getInt32(24) * 2;
  const type = dv.getInt32(32, true);
  if (!SHAPE_TYPES.has(type)) return { ok: false, detail: `shape type ${type} is not supported`, detailZh: `不支持几何类型 ${type}` };
  let off = 100;
  let n = 0;
  while (off < shp.length) {
    if (off + 8 > shp.length) return { ok: false, record: n, detail: `the record header is cut off at byte ${off}`, detailZh: `记录头在第 ${off} 字节处被截断` };
    const len = dv.getInt32(off + 4) * 2;
    if (len < 0 || off + 8 + len > shp.length) return { ok: false, record: n, detail: `the record needs ${len} bytes, ${shp.length - off - 8} remain`, detailZh: `该记录需要 ${len} 字节，只剩 ${shp.length - off - 8} 字节` };
    off += 8 + len;
    n++;
  }
  if (declared > shp.length) return { ok: false, record: n, detail: `the header declares ${declared} bytes, the file has ${shp.length}`, detailZh: `文件头声明 ${declared} 字节，实际只有 ${shp.length} 字节` };
  return { ok: true, count: n, type };
}

const ringArea = (r: Position[]) => {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s / 2;
};
const orient = (r: Position[], ccw: boolean) => ((ringArea(r) > 0) === ccw ? r : r.slice().reverse());
const polygon = (rings: Position[][]) => rings.map((r, i) => orient(r, i === 0));

function rewind(g: Geometry | null): Geometry | null {
  if (!g) return g;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(g.coordinates) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
  return g;
}

export function readShapefile(set: ShapefileSet): ShapefileRead {
  const warnings: Issue[] = [];
  const file = (ext: string) => `${set.base}.${ext}`;
  if (!set.shp) return { ok: false, errors: [makeIssue('shp.missing', { name: set.base }, { file: file('shp') })], warnings };
  const walk = walkShp(set.shp);
  if (!walk.ok) {
    const where = walk.record !== undefined ? { file: file('shp'), record: walk.record + 1 } : { file: file('shp') };
    return { ok: false, errors: [makeIssue('shp.truncated', { detail: walk.detail, detailZh: walk.detailZh }, where)], warnings };
  }
  let geoms: (Geometry | null)[];
  try {
    geoms = parseShp(set.shp, false);
  } catch (e) {
    return { ok: false, errors: [makeIssue('shp.unreadable', { detail: e instanceof Error ? e.message : String(e) }, { file: file('shp') })], warnings };
  }
  let props: Record<string, unknown>[] | null = null;
  let encoding = 'none';
  if (!set.dbf) warnings.push(makeIssue('shp.no_dbf', {}, { file: file('dbf') }));
  else {
    const dbf = readDbf(set.dbf, set.cpg);
    if (!dbf.ok) {
      const code = dbf.reason === 'cpg' ? 'dbf.cpg_unknown' : dbf.reason === 'truncated' ? 'dbf.truncated' : 'dbf.unreadable';
      const where = dbf.record !== undefined ? { file: file(dbf.reason === 'cpg' ? 'cpg' : 'dbf'), record: dbf.record + 1 } : { file: file(dbf.reason === 'cpg' ? 'cpg' : 'dbf') };
      return { ok: false, errors: [makeIssue(code, { detail: dbf.detail }, where)], warnings };
    }
    if (dbf.records.length !== geoms.length) {
      return { ok: false, errors: [makeIssue('shp.count_mismatch', { shp: geoms.length, dbf: dbf.records.length, name: set.base }, { file: file('dbf') })], warnings };
    }
    props = dbf.records;
    encoding = dbf.encoding.label;
    const shown = dbf.encoding.label === 'utf-8' ? 'UTF-8' : 'GBK/GB18030';
    if (dbf.encoding.how === 'detected' || dbf.encoding.how === 'ldid') warnings.push(makeIssue('dbf.encoding_detected', { encoding: shown }, { file: file('dbf') }));
  }
  let prj: PrjMatch | null = null;
  if (set.prj !== undefined) prj = identifyPrj(set.prj);
  const features: Feature[] = geoms.map((g, i) => ({ type: 'Feature', properties: props ? (props[i] as Feature['properties']) : {}, geometry: rewind(g) as Geometry }));
  return { ok: true, data: { type: 'FeatureCollection', features }, prj, warnings, encoding };
}
