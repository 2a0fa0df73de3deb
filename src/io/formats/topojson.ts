// TopoJSON → one GeoJSON FeatureCollection of every object, with the object's
// name as property `topojson_object` when there are several (topojson-client).

import type { Feature } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { makeIssue, type Issue } from '../messages.ts';

export function topologyToGeoJSON(value: unknown): { ok: true; value: unknown } | { ok: false; error: Issue } {
  const topo = value as Topology;
  if (!topo.objects || typeof topo.objects !== 'object' || !Array.isArray(topo.arcs ?? [])) {
    return { ok: false, error: makeIssue('topojson.unreadable', { detail: '"objects" or "arcs" missing' }) };
  }
  const names = Object.keys(topo.objects);
  const features: Feature[] = [];
  try {
    for (const name of names) {
      const out = feature(topo, topo.objects[name]) as unknown as { type: string; features?: Feature[] };
      const list = out.type === 'FeatureCollection' ? (out.features ?? []) : [out as unknown as Feature];
      for (const f of list) {
        const props = { ...(f.properties ?? {}) } as Record<string, unknown>;
        if (names.length > 1) props.topojson_object = name;
        features.push({ type: 'Feature', properties: props, geometry: f.geometry, ...(f.id !== undefined ? { id: f.id } : {}) });
      }
    }
  } catch (e) {
    return { ok: false, error: makeIssue('topojson.unreadable', { detail: e instanceof Error ? e.message : String(e) }) };
  }
  return { ok: true, value: { type: 'FeatureCollection', features } };
}
