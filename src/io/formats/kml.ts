// KML and GPX (XML, always WGS84) → GeoJSON with @tmcw/togeojson, parsed by
// @xmldom/xmldom's DOMParser so it runs in a worker and in Node alike. A KML's
// folders become a `folder` property ("Outer / Inner").

import { gpx, kmlWithFolders, type F, type Folder } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { makeIssue, type Issue } from '../messages.ts';

type XmlRead = { ok: true; data: FeatureCollection } | { ok: false; error: Issue };

function parseXml(text: string, kind: string, file: string): { ok: true; doc: ReturnType<DOMParser['parseFromString']> } | { ok: false; error: Issue } {
  const errors: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(text, 'text/xml');
    if (!doc.documentElement || errors.length) throw new Error(errors[0] ?? 'no root element');
    return { ok: true, doc };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);
    return { ok: false, error: makeIssue('xml.unreadable', { kind, detail }, { file }) };
  }
}

/** KML MultiGeometry of one kind comes back from togeojson as a GeometryCollection: make it a Multi*. */
function homogenise(g: Geometry | null): Geometry | null {
  if (!g || g.type !== 'GeometryCollection' || !g.geometries.length) return g;
  const types = new Set(g.geometries.map((x) => x.type));
  if (types.size !== 1) return g;
  const t = [...types][0];
  const cs = g.geometries.map((x) => (x as { coordinates: unknown }).coordinates);
  if (t === 'Point') return { type: 'MultiPoint', coordinates: cs as Position[] };
  if (t === 'LineString') return { type: 'MultiLineString', coordinates: cs as Position[][] };
  if (t === 'Polygon') return { type: 'MultiPolygon', coordinates: cs as Position[][][] };
  return g;
}

function flatten(children: (Folder | F)[], path: string[], out: Feature[]): void {
  for (const c of children) {
    if (c.type === 'folder') {
      const name = typeof c.meta.name === 'string' && c.meta.name.trim() ? c.meta.name.trim() : '—';
      flatten(c.children, [...path, name], out);
    } else {
      const f = c as Feature;
      const properties = { ...(f.properties ?? {}) };
      if (path.length) properties.folder = path.join(' / ');
      out.push({ type: 'Feature', properties, geometry: homogenise(f.geometry) as Geometry, ...(f.id !== undefined ? { id: f.id } : {}) });
    }
  }
}

export function readKml(text: string, file: string): XmlRead {
  const x = parseXml(text, 'KML', file);
  if (!x.ok) return x;
  const features: Feature[] = [];
  flatten(kmlWithFolders(x.doc).children, [], features);
  if (!features.length) return { ok: false, error: makeIssue('xml.no_features', { kind: 'KML' }, { file }) };
  return { ok: true, data: { type: 'FeatureCollection', features } };
}

export function readGpx(text: string, file: string): XmlRead {
  const x = parseXml(text, 'GPX', file);
  if (!x.ok) return x;
  const fc = gpx(x.doc);
  if (!fc.features.length) return { ok: false, error: makeIssue('xml.no_features', { kind: 'GPX' }, { file }) };
  // Track times and heart rates come as arrays in coordinateProperties: keep them out of the table.
  for (const f of fc.features) if (f.properties) delete (f.properties as Record<string, unknown>).coordinateProperties;
  return { ok: true, data: fc };
}
