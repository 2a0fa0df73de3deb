// FeatureCollection → zipped Shapefile(s): .shp/.shx/.dbf/.prj/.cpg (UTF-8).
// A Shapefile holds one geometry type, so mixed data becomes one Shapefile per
// kind (name_points, name_lines, name_polygons). dBASE field names are at most
// 10 bytes: longer names are cut on a character boundary and made unique, and
// the mapping is returned (and written to the archive's metadata). Numbers that
// a numeric field cannot hold exactly, and objects, are written as text.
// Outer rings are written clockwise, holes counter-clockwise, as the format wants.

import type { Feature, Geometry, Position } from 'geojson';
import { strToU8 } from 'fflate';

export interface FieldMapping {
  property: string;
  field: string;
  type: 'C' | 'N' | 'L';
}

export interface ShapefileFiles {
  /** Base name → { ext → bytes }. */
  files: Record<string, Uint8Array>;
  fields: FieldMapping[];
  /** Text values cut to 254 bytes, per property. */
  truncatedValues: Record<string, number>;
}

type Kind = 'point' | 'multipoint' | 'line' | 'polygon';
const SHP_TYPE: Record<Kind, number> = { point: 1, multipoint: 8, line: 3, polygon: 5 };
const KIND_SUFFIX: Record<'point' | 'line' | 'polygon', string> = { point: 'points', line: 'lines', polygon: 'polygons' };

const enc = new TextEncoder();

function kindOf(g: Geometry | null): 'point' | 'line' | 'polygon' | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
    case 'MultiPoint':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    case 'GeometryCollection':
      return g.geometries.map(kindOf).find((k) => k) ?? null;
  }
}

/** Cut a UTF-8 string to at most `max` bytes without splitting a character. */
export function cutBytes(s: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = enc.encode(ch).length;
    if (n + b > max) break;
    out += ch;
    n += b;
  }
  return out;
}

/** dBASE field names: ≤ 10 bytes, no NUL, unique (case-insensitive, as readers compare them). */
export function fieldNames(props: string[]): string[] {
  const used = new Set<string>();
  return props.map((p, i) => {
    const clean = p.replace(/[\u0000-\u001f]/g, '_') || `field_${i + 1}`;
    let name = cutBytes(clean, 10);
    for (let k = 1; used.has(name.toLowerCase()); k++) {
      const suffix = `_${k}`;
      name = cutBytes(clean, 10 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

const ringArea = (r: Position[]) => {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s / 2; // > 0: clockwise
};
const orient = (r: Position[], clockwise: boolean) => ((ringArea(r) > 0) === clockwise ? r : r.slice().reverse());

/** The parts (point lists) of one geometry, in Shapefile ring order. */
function partsOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'MultiPoint':
      return [g.coordinates];
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((r, i) => orient(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => orient(r, i === 0)));
    case 'GeometryCollection':
      return g.geometries.flatMap(partsOf);
  }
}

function writeShp(features: Feature[], kind: Kind): { shp: Uint8Array; shx: Uint8Array } {
  const type = SHP_TYPE[kind];
  const records = features.map((f) => partsOf(f.geometry).filter((p) => p.length));
  const size = (parts: Position[][]) => {
    if (!parts.length) return 4;
    if (kind === 'point') return 20;
    const n = parts.reduce((a, p) => a + p.length, 0);
    return kind === 'multipoint' ? 40 + 16 * n : 44 + 4 * parts.length + 16 * n;
  };
  const total = 100 + records.reduce((a, r) => a + 8 + size(r), 0);
  const shp = new DataView(new ArrayBuffer(total));
  const shx = new DataView(new ArrayBuffer(100 + 8 * records.length));
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of records) for (const p of r) for (const q of p) {
    box[0] = Math.min(box[0], q[0]);
    box[1] = Math.min(box[1], q[1]);
    box[2] = Math.max(box[2], q[0]);
    box[3] = Math.max(box[3], q[1]);
  }
  if (box[0] > box[2]) box.fill(0);
  for (const [dv, len] of [[shp, total], [shx, shx.byteLength]] as const) {
    dv.setInt32(0, 9994);
    dv.setInt32(24, len / 2);
    dv.setInt32(28, 1000, true);
    dv.setInt32(32, type, true);
    box.forEach((v, i) => dv.setFloat64(36 + 8 * i, v, true));
  }
  let off = 100;
  records.forEach((parts, i) => {
    const len = size(parts);
    shx.setInt32(100 + 8 * i, off / 2);
    shx.setInt32(104 + 8 * i, len / 2);
    shp.setInt32(off, i + 1);
    shp.setInt32(off + 4, len / 2);
    let o = off + 8;
    if (!parts.length) shp.setInt32(o, 0, true);
    else if (kind === 'point') {
      shp.setInt32(o, 1, true);
      shp.setFloat64(o + 4, parts[0][0][0], true);
      shp.setFloat64(o + 12, parts[0][0][1], true);
    } else {
      const pts = parts.flat();
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const q of pts) {
        b[0] = Math.min(b[0], q[0]);
        b[1] = Math.min(b[1], q[1]);
        b[2] = Math.max(b[2], q[0]);
        b[3] = Math.max(b[3], q[1]);
      }
      shp.setInt32(o, type, true);
      b.forEach((v, k) => shp.setFloat64(o + 4 + 8 * k, v, true));
      o += 36;
      if (kind === 'multipoint') {
        shp.setInt32(o, pts.length, true);
        o += 4;
      } else {
        shp.setInt32(o, parts.length, true);
        shp.setInt32(o + 4, pts.length, true);
        o += 8;
        let start = 0;
        for (const p of parts) {
          shp.setInt32(o, start, true);
          start += p.length;
          o += 4;
        }
      }
      for (const q of pts) {
        shp.setFloat64(o, q[0], true);
        shp.setFloat64(o + 8, q[1], true);
        o += 16;
      }
    }
    off += 8 + len;
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

interface Column extends FieldMapping {
  length: number;
  decimals: number;
}

function numberText(v: number, decimals: number): string {
  return decimals ? v.toFixed(decimals).replace(/\.?0+$/, '') : String(v);
}

function columns(features: Feature[]): Column[] {
  const props: string[] = [];
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) if (!seen.has(k) && !k.startsWith('__')) {
    seen.add(k);
    props.push(k);
  }
  const names = fieldNames(props);
  return props.map((p, i) => {
    const values = features.map((f) => f.properties?.[p]).filter((v) => v !== null && v !== undefined);
    if (values.length && values.every((v) => typeof v === 'boolean')) return { property: p, field: names[i], type: 'L', length: 1, decimals: 0 };
    if (values.length && values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      const nums = values as number[];
      let decimals = 0;
      for (const v of nums) {
        const s = String(v);
        if (/e/i.test(s)) decimals = 99;
        else decimals = Math.max(decimals, s.split('.')[1]?.length ?? 0);
      }
      let length = 1;
      for (const v of nums) length = Math.max(length, numberText(v, decimals).length);
      // dBASE numbers are at most 19 characters with ≤ 15 decimals: otherwise keep them exact as text.
      if (decimals <= 15 && length <= 19 && nums.every((v) => Number(numberText(v, decimals)) === v)) {
        return { property: p, field: names[i], type: 'N', length: Math.max(length, decimals ? decimals + 2 : 1), decimals };
      }
    }
    let length = 1;
    for (const v of values) if (length < 254) length = Math.max(length, enc.encode(text(v)).length);
    length = Math.min(254, length);
    return { property: p, field: names[i], type: 'C', length, decimals: 0 };
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

function writeDbf(features: Feature[], cols: Column[], truncated: Record<string, number>): Uint8Array {
  const headerLen = 32 + 32 * cols.length + 1;
  const recLen = 1 + cols.reduce((a, c) => a + c.length, 0);
  const out = new Uint8Array(headerLen + recLen * features.length + 1);
  const dv = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  dv.setUint32(4, features.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recLen, true);
  cols.forEach((c, i) => {
    const o = 32 + 32 * i;
    out.set(enc.encode(c.field), o);
    out[o + 11] = c.type.charCodeAt(0);
    out[o + 16] = c.length;
    out[o + 17] = c.decimals;
  });
  out[headerLen - 1] = 0x0d;
  features.forEach((f, r) => {
    let o = headerLen + r * recLen;
    out[o++] = 0x20;
    for (const c of cols) {
      out.fill(0x20, o, o + c.length);
      const v = f.properties?.[c.property];
      if (v !== null && v !== undefined) {
        if (c.type === 'N') {
          const s = numberText(v as number, c.decimals);
          out.set(enc.encode(s), o + c.length - s.length);
        } else if (c.type === 'L') out[o] = v ? 0x54 : 0x46;
        else {
          const full = text(v);
          const s = cutBytes(full, c.length);
          if (s.length < full.length) truncated[c.property] = (truncated[c.property] ?? 0) + 1;
          out.set(enc.encode(s), o);
        }
      }
      o += c.length;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** The Shapefile(s) for `features` (coordinates already in the target CRS); `prj` is the .prj text. */
export function writeShapefiles(features: Feature[], base: string, prj: string | null): ShapefileFiles {
  const groups = new Map<'point' | 'line' | 'polygon', Feature[]>();
  for (const f of features) {
    const k = kindOf(f.geometry) ?? 'point';
    const list = groups.get(k);
    if (list) list.push(f);
    else groups.set(k, [f]);
  }
  if (!groups.size) groups.set('point', []);
  const files: Record<string, Uint8Array> = {};
  let fields: FieldMapping[] = [];
  const truncatedValues: Record<string, number> = {};
  for (const [k, list] of groups) {
    const name = groups.size > 1 ? `${base}_${KIND_SUFFIX[k]}` : base;
    const kind: Kind = k === 'point' && list.some((f) => f.geometry?.type === 'MultiPoint') ? 'multipoint' : k;
    const { shp, shx } = writeShp(list, kind);
    const cols = columns(list);
    fields = [...fields, ...cols.filter((c) => !fields.some((x) => x.property === c.property)).map(({ property, field, type }) => ({ property, field, type }))];
    files[`${name}.shp`] = shp;
    files[`${name}.shx`] = shx;
    files[`${name}.dbf`] = writeDbf(list, cols, truncatedValues);
    files[`${name}.cpg`] = strToU8('UTF-8');
    if (prj) files[`${name}.prj`] = strToU8(prj);
  }
  return { files, fields, truncatedValues };
}
