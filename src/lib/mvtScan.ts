// The first geometry kind found in one layer of a Mapbox Vector Tile, read by
// walking the protobuf fields (Tile.layers = 3; Layer.name = 1, Layer.features
// = 2; Feature.type = 3: 1 point, 2 line, 3 polygon). Used to style a PMTiles
// archive whose metadata does not say what it holds.
import type { GeometryKind } from '../catalog/types';

interface Cursor {
  b: Uint8Array;
  p: number;
}

function varint(c: Cursor): number {
  let v = 0;
  let m = 1;
  for (;;) {
    const x = c.b[c.p++];
    v += (x & 0x7f) * m;
    if (x < 0x80) return v;
    m *= 128;
  }
}

/** Calls `f(field, wireType, start, end)` for each field of a message in [start, end). */
function fields(b: Uint8Array, start: number, end: number, f: (field: number, wire: number, s: number, e: number, value: number) => void): void {
  const c = { b, p: start };
  while (c.p < end) {
    const key = varint(c);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) f(field, wire, c.p, c.p, varint(c));
    else if (wire === 2) {
      const len = varint(c);
      f(field, wire, c.p, c.p + len, len);
      c.p += len;
    } else if (wire === 1) c.p += 8;
    else if (wire === 5) c.p += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

const KINDS: Record<number, GeometryKind> = { 1: 'point', 2: 'line', 3: 'polygon' };

export function mvtGeometryKind(tile: Uint8Array, layerName: string): GeometryKind | null {
  const dec = new TextDecoder();
  let found: GeometryKind | null = null;
  fields(tile, 0, tile.length, (field, wire, s, e) => {
    if (found || field !== 3 || wire !== 2) return;
    let name = '';
    const features: [number, number][] = [];
    fields(tile, s, e, (lf, lw, ls, le) => {
      if (lf === 1 && lw === 2) name = dec.decode(tile.subarray(ls, le));
      if (lf === 2 && lw === 2) features.push([ls, le]);
    });
    if (name !== layerName) return;
    for (const [fs, fe] of features) {
      fields(tile, fs, fe, (ff, fw, _s, _e, v) => {
        if (!found && ff === 3 && fw === 0) found = KINDS[v] ?? null;
      });
      if (found) break;
    }
  });
  return found;
}
