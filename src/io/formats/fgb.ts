// FlatGeobuf (the flatgeobuf library) ↔ GeoJSON. The header's CRS code, when
// it names one, is handed to the pipeline; writing records the EPSG code.

import { geojson as fgb } from 'flatgeobuf';
import type { Feature, FeatureCollection } from 'geojson';
import { makeIssue, type Issue } from '../messages.ts';

export const isFgb = (b: Uint8Array) => b.length >= 8 && b[0] === 0x66 && b[1] === 0x67 && b[2] === 0x62 && b[3] === 3;

export async function readFgb(bytes: Uint8Array, file: string): Promise<{ ok: true; data: FeatureCollection; crs: { code: number; org: string | null; wkt: string | null } | null } | { ok: false; error: Issue }> {
  if (!isFgb(bytes)) return { ok: false, error: makeIssue('fgb.unreadable', { detail: 'the file does not start with the FlatGeobuf signature "fgb" v3' }, { file }) };
  let crs: { code: number; org: string | null; wkt: string | null } | null = null;
  const features: Feature[] = [];
  try {
    for await (const f of fgb.deserialize(bytes, { headerMetaFn: (h) => (crs = h.crs ? { code: h.crs.code, org: h.crs.org, wkt: h.crs.wkt } : null) })) {
      features.push({ type: 'Feature', properties: (f.properties ?? {}) as Feature['properties'], geometry: f.geometry as Feature['geometry'] });
    }
  } catch (e) {
    return { ok: false, error: makeIssue('fgb.unreadable', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 160) }, { file, record: features.length + 1 }) };
  }
  return { ok: true, data: { type: 'FeatureCollection', features }, crs };
}

export function writeFgb(fc: FeatureCollection, epsg: number): Uint8Array {
  return fgb.serialize(fc, epsg);
}
