// Well-Known Binary geometry (OGC Simple Features, ISO and EWKB-style Z/M
// flags) ↔ GeoJSON geometry, for GeoPackage blobs. Readers take any byte
// order; the writer emits little-endian 2D or 3D (Z) WKB.

import type { Geometry, Position } from 'geojson';

const TYPES = ['', 'Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon', 'GeometryCollection'] as const;

export function readWkb(bytes: Uint8Array): Geometry | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  const geom = (depth: number): Geometry | null => {
    if (depth > 8) throw new Error('geometry nested too deeply');
    const le = dv.getUint8(off) === 1;
    off += 1;
    const raw = dv.getUint32(off, le);
    off += 4;
    let base = raw & 0xffff;
    let hasZ = (raw & 0x80000000) !== 0;
    let hasM = (raw & 0x40000000) !== 0;
    if (base > 3000) [base, hasZ, hasM] = [base - 3000, true, true];
    else if (base > 2000) [base, hasM] = [base - 2000, true];
    else if (base > 1000) [base, hasZ] = [base - 1000, true];
    if (raw & 0x20000000) off += 4; // EWKB SRID
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const u32 = () => {
      const v = dv.getUint32(off, le);
      off += 4;
      return v;
    };
    const pos = (): Position => {
      const p: Position = [dv.getFloat64(off, le), dv.getFloat64(off + 8, le)];
      if (hasZ) p.push(dv.getFloat64(off + 16, le));
      off += 8 * dims;
      return p;
    };
    const list = (): Position[] => Array.from({ length: u32() }, pos);
    const rings = (): Position[][] => Array.from({ length: u32() }, list);
    const kids = () => Array.from({ length: u32() }, () => geom(depth + 1));
    switch (TYPES[base]) {
      case 'Point': {
        const p = pos();
        return Number.isNaN(p[0]) ? null : { type: 'Point', coordinates: p };
      }
      case 'LineString':
        return { type: 'LineString', coordinates: list() };
      case 'Polygon':
        return { type: 'Polygon', coordinates: rings() };
      case 'MultiPoint':
        return { type: 'MultiPoint', coordinates: kids().filter(Boolean).map((g) => (g as GeoJSON.Point).coordinates) };
      case 'MultiLineString':
        return { type: 'MultiLineString', coordinates: kids().map((g) => (g as GeoJSON.LineString).coordinates) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: kids().map((g) => (g as GeoJSON.Polygon).coordinates) };
      case 'GeometryCollection':
        return { type: 'GeometryCollection', geometries: kids().filter((g): g is Geometry => !!g) };
      default:
        throw new Error(`WKB geometry type ${raw} is not supported`);
    }
  };
  return geom(0);
}

/** Little-endian WKB; Z when the first position has 3 numbers. */
export function writeWkb(g: Geometry): Uint8Array {
  const hasZ = firstDims(g) > 2;
  const chunks: Uint8Array[] = [];
  const head = (type: number) => {
    const b = new Uint8Array(5);
    const dv = new DataView(b.buffer);
    b[0] = 1;
    dv.setUint32(1, type + (hasZ ? 1000 : 0), true);
    chunks.push(b);
  };
  const u32 = (n: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    chunks.push(b);
  };
  const pos = (p: Position) => {
    const b = new Uint8Array(hasZ ? 24 : 16);
    const dv = new DataView(b.buffer);
    dv.setFloat64(0, p[0], true);
    dv.setFloat64(8, p[1], true);
    if (hasZ) dv.setFloat64(16, p[2] ?? 0, true);
    chunks.push(b);
  };
  const list = (ps: Position[]) => {
    u32(ps.length);
    ps.forEach(pos);
  };
  const rings = (rs: Position[][]) => {
    u32(rs.length);
    rs.forEach(list);
  };
  const write = (x: Geometry) => {
    switch (x.type) {
      case 'Point':
        head(1);
        pos(x.coordinates);
        break;
      case 'LineString':
        head(2);
        list(x.coordinates);
        break;
      case 'Polygon':
        head(3);
        rings(x.coordinates);
        break;
      case 'MultiPoint':
        head(4);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => write({ type: 'Point', coordinates: c }));
        break;
      case 'MultiLineString':
        head(5);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => write({ type: 'LineString', coordinates: c }));
        break;
      case 'MultiPolygon':
        head(6);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => write({ type: 'Polygon', coordinates: c }));
        break;
      case 'GeometryCollection':
        head(7);
        u32(x.geometries.length);
        x.geometries.forEach(write);
        break;
    }
  };
  write(g);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function firstDims(g: Geometry): number {
  let c: unknown = g.type === 'GeometryCollection' ? (g.geometries[0] ? (g.geometries[0] as { coordinates?: unknown }).coordinates : undefined) : g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) ? c.length : 2;
}
