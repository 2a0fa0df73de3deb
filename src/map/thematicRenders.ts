// Which thematic expressions the map draws, layer by layer. While the classes of a newly
// chosen style are still being computed, a layer keeps drawing its previous thematic style:
// falling back to the catalog colours meanwhile would make MapLibre lay every tile of the
// layer out twice (once for the plain colour, once for the new classes) and flash the layer.
import type { ThematicResult } from '../lib/thematic/compute';
import type { ThematicStyle } from '../state/thematic';
import { thematicRender, type ThematicRender } from './thematicStyle';

export type Renders = Record<string, ThematicRender | undefined>;

/** Renders for the current styles; `previous` is what was drawn last (kept for layers still computing). */
export function thematicRenders(thematic: Record<string, ThematicStyle>, results: Record<string, ThematicResult>, previous: Renders = {}): Renders {
  const out: Renders = {};
  for (const [id, style] of Object.entries(thematic)) {
    const r = results[id];
    if (r && r.key.includes(`|${JSON.stringify(style)}|`)) out[id] = thematicRender(style, r.classes, { max: r.max });
    else if (previous[id]) out[id] = previous[id];
    else if (style.label) out[id] = thematicRender({ kind: 'none', label: style.label }, null);
  }
  return out;
}
