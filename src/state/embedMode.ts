// Embed mode (`?embed=1`): the map alone, driven by its host page through postMessage.
// Pure updaters and the reading of the query; src/embed/start.ts does the wiring.
import { parseOrigins } from '../embed/messages';
import type { FilterState } from '../lib/filterModel';
import { allLayers, type AppState } from './appState';

export interface EmbedParams {
  embed: boolean;
  origins: string[];
  rejectedOrigins: string[];
}

/** Reads `?embed=1&origins=…` from a query string. */
export function readEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const e = q.get('embed');
  const { origins, rejected } = parseOrigins(q.get('origins'));
  return { embed: e === '1' || e === 'true', origins, rejectedOrigins: rejected };
}

export function setEmbed(s: AppState, embed: boolean): AppState {
  return s.embed === embed ? s : { ...s, embed };
}

/** Shows exactly these layers (unknown ids are dropped); the selection goes if its layer is hidden. */
export function setVisibleLayers(s: AppState, ids: string[]): AppState {
  const known = new Set(allLayers(s).map((l) => l.id));
  const visible = [...new Set(ids)].filter((id) => known.has(id));
  const selection = s.selection && !visible.includes(s.selection.layerId) ? null : s.selection;
  return { ...s, visible, selection };
}

/** Replaces every layer's filter (filters for unknown layers are dropped). */
export function replaceFilters(s: AppState, filters: FilterState): AppState {
  const known = new Set(allLayers(s).map((l) => l.id));
  const next: FilterState = {};
  for (const [id, f] of Object.entries(filters)) if (known.has(id)) next[id] = f;
  return { ...s, filters: next };
}

/**
 * Whether the host page may see the properties of a feature of this layer: catalog layers, and
 * layers loaded from the embed's own `?data=` address (the host wrote it). Anything else is the
 * viewer's own data.
 */
export function hostMayRead(s: Pick<AppState, 'catalog' | 'userLayers'>, layerId: string, dataUrl: string | null): boolean {
  if (s.catalog?.layers.some((l) => l.id === layerId)) return true;
  const user = s.userLayers.find((l) => l.id === layerId);
  return !!user && dataUrl !== null && user.source === dataUrl;
}
