// Derived thematic results (not URL state): for each layer with a thematic style, the classes
// drawn, the map expressions and the legend, computed over the features the active filter keeps.
// The map, the legend and the PNG legend read this one store.
import { create } from 'zustand';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../catalog/types';
import { layerData } from '../data/registry';
import { keptValues, legendModel, resolveClasses, type LegendModel, type ResolvedClasses } from '../lib/thematic/resolve';
import { numericValue } from '../lib/thematic/values';
import type { ThematicStyle } from './thematic';

export interface ThematicResult {
  key: string;
  classes: ResolvedClasses | null;
  legend: LegendModel;
  /** Largest value (heat map weights). */
  max: number | null;
  /** Classification + legend, ms. */
  ms: number;
}

/** The result each layer waits for (older computations that finish late are dropped). */
const wanted = new Map<string, string>();

export const useThematicResults = create<{ byLayer: Record<string, ThematicResult> }>(() => ({ byLayer: {} }));

type AnyLayer = Pick<CatalogLayer, 'id' | 'file'> & { dataUrl?: string };

const propsCache = new WeakMap<FeatureCollection, (Record<string, unknown> | null)[]>();
function propsOf(fc: FeatureCollection) {
  let p = propsCache.get(fc);
  if (!p) {
    p = fc.features.map((f) => f.properties);
    propsCache.set(fc, p);
  }
  return p;
}

/** Everything for one layer, synchronously (also used by the bench). */
export function computeThematic(props: readonly (Record<string, unknown> | null)[], style: ThematicStyle, kept: ArrayLike<number> | null, key = ''): ThematicResult {
  const t0 = performance.now();
  const values = style.field ? keptValues(props, style.field, kept) : kept ? Array.from(kept) : props;
  const classes = resolveClasses(style, values);
  const legend = legendModel(style, classes, values);
  let max: number | null = null;
  if (style.kind === 'heatmap' && style.field) {
    for (const v of values) {
      const x = numericValue(v);
      if (x !== null && (max === null || x > max)) max = x;
    }
  }
  return { key, classes, legend, max, ms: performance.now() - t0 };
}

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
    void layerData(layer).then((fc) => {
      if (wanted.get(id) !== key) return; // superseded
      const r = computeThematic(propsOf(fc), style, ids, key);
      useThematicResults.setState((s) => ({ byLayer: { ...s.byLayer, [id]: r } }));
    }).catch(() => undefined);
  }
  if (changed) useThematicResults.setState({ byLayer: next });
}
