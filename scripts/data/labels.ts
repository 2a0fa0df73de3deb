// One label per place: a point named like a feature of a layer labelled before it (a park's
// centre, a historic block's, a shelter) within DUP_M metres gets `__label_dup` naming that
// layer, and the map leaves its label out (the place keeps its dot and card).
import { distance } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';

export const DUP_M = 500;

/** Marks later layers' points that repeat an earlier layer's label; returns how many were marked. */
export function markDuplicateLabels(layers: { id: string; points: FeatureCollection }[]): number {
  const seen: { layer: string; name: string; at: number[] }[] = [];
  let marked = 0;
  for (const { id, points } of layers) {
    const here: typeof seen = [];
    for (const f of points.features) {
      const name = f.properties?.name;
      if (typeof name !== 'string' || f.geometry?.type !== 'Point') continue;
      const at = (f.geometry as Point).coordinates;
      const owner = seen.find((s) => s.name === name && distance(s.at, at, { units: 'meters' }) <= DUP_M);
      if (owner) {
        f.properties = { ...f.properties, __label_dup: owner.layer };
        marked++;
      } else here.push({ layer: id, name, at });
    }
    seen.push(...here);
  }
  return marked;
}
