// A small description of an imported layer that is cheap to post to the main
// thread: counts, bbox and a property index (field names, value kinds, a few
// sample values). The FeatureCollection itself travels as bytes (see IMPORT.md).

import type { FeatureCollection } from 'geojson';

export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'mixed';

export interface FieldSummary {
  name: string;
  kind: FieldKind;
  /** Features with a non-null value. */
  count: number;
  /** Up to `maxSamples` distinct values, strings cut to 100 characters. */
  samples: (string | number | boolean)[];
  /** True when there were more distinct values than samples. */
  more: boolean;
}

export function summariseFields(fc: FeatureCollection, maxFields = 200, maxSamples = 8): FieldSummary[] {
  const fields = new Map<string, FieldSummary & { seen: Set<unknown> }>();
  for (const f of fc.features) {
    const p = f.properties;
    if (!p || typeof p !== 'object') continue;
    for (const key in p) {
      const v = p[key];
      let s = fields.get(key);
      if (!s) {
        if (fields.size >= maxFields) continue;
        s = { name: key, kind: 'mixed', count: 0, samples: [], more: false, seen: new Set() };
        fields.set(key, s);
      }
      if (v === null || v === undefined) continue;
      const t = typeof v;
      const kind: FieldKind = t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
      s.kind = s.count === 0 ? kind : s.kind === kind ? kind : 'mixed';
      s.count++;
      if (kind === 'object') continue;
      const sample = typeof v === 'string' && v.length > 100 ? `${v.slice(0, 100)}…` : (v as string | number | boolean);
      if (s.seen.has(sample)) continue;
      if (s.samples.length < maxSamples) {
        s.samples.push(sample);
        s.seen.add(sample);
      } else s.more = true;
    }
  }
  return [...fields.values()].map(({ seen: _seen, ...rest }) => rest);
}
