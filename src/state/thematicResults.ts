// Derived thematic results (not URL state): for each layer with a thematic style, the classes
// drawn and the legend, computed by the data service over the features the active filter keeps.
// The map, the legend and the PNG legend read this one store.
import { create } from 'zustand';
import type { CatalogLayer } from '../catalog/types';
import { dataService } from '../data/client';
import type { ThematicResult } from '../lib/thematic/compute';
import { gpuPointsEligible } from '../lib/thematic/gpuPoints';
import type { ThematicStyle } from './thematic';

export { computeThematic, type ThematicResult } from '../lib/thematic/compute';

/** The result each layer waits for (older computations that finish late are dropped). */
const wanted = new Map<string, string>();

export const useThematicResults = create<{ byLayer: Record<string, ThematicResult> }>(() => ({ byLayer: {} }));

type AnyLayer = Pick<CatalogLayer, 'id' | 'file'> & { dataUrl?: string; pointsFile?: string; type?: string; geometry?: string; feature_count?: number };

/** Brings the results in line with the styles and the filter results (kept ids by layer). */
export function refreshThematic(layers: AnyLayer[], thematic: Record<string, ThematicStyle>, kept: Record<string, { key: string; ids: Uint32Array | null; pending: boolean } | undefined>): void {
  const byId = new Map(layers.map((l) => [l.id, l]));
  const cur = useThematicResults.getState().byLayer;
  const next: Record<string, ThematicResult> = {};
  let changed = false;
  for (const id of Object.keys(cur)) if (!thematic[id] || !byId.has(id)) changed = true;
  for (const [id, style] of Object.entries(thematic)) {
    const layer = byId.get(id);
    if (!layer) continue;
    const k = kept[id];
    if (k?.pending && cur[id]) {
      next[id] = cur[id]; // keep drawing the last classes until the filter result is in
      continue;
    }
    const ids = k?.ids ?? null;
    const key = `${layer.dataUrl ?? layer.file}|${JSON.stringify(style)}|${k?.key ?? 'all'}`;
    if (cur[id]?.key === key) {
      next[id] = cur[id];
      continue;
    }
    if (cur[id]) next[id] = cur[id];
    changed = true;
    if (wanted.get(id) === key) continue;
    wanted.set(id, key);
    // Classified where the features are held (the data service): only the classes and legend come
    // back, and for points drawn on the GPU one class byte per feature.
    const perFeature = gpuPointsEligible(layer, style);
    void dataService().ask(layer, 'thematic', { layerId: id, style, kept: ids, key, perFeature }).then((r) => {
      if (wanted.get(id) !== key) return; // superseded
      useThematicResults.setState((s) => ({ byLayer: { ...s.byLayer, [id]: r } }));
    }).catch(() => undefined);
  }
  if (changed) useThematicResults.setState({ byLayer: next });
}
