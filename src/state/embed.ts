// Embed mode (`?embed=1`): the map alone, driven by its host page through postMessage.
// Pure updaters first; `startEmbed()` (called once from App.tsx) does the wiring.
import { setThematic } from './thematic';
import { featureClickMessage, parseOrigins, readyMessage, type HostCommand } from '../embed/messages';
import { startEmbedHost, type EmbedHost } from '../embed/host';
import type { FilterState } from '../lib/filterModel';
import { whenMap } from '../map/mapHandle';
import { act, useStore } from './store';
import { allLayers, setView, type AppState } from './updaters';

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

function applyCommand(cmd: HostCommand): void {
  switch (cmd.type) {
    case 'renewal-map:set-view': {
      const { lng, lat, zoom } = cmd.view;
      const cur = useStore.getState().view;
      const view = { lng, lat, zoom, bearing: cmd.view.bearing ?? cur.bearing, pitch: cmd.view.pitch ?? cur.pitch };
      act(setView, view);
      void whenMap().then((m) => m.jumpTo({ center: [lng, lat], zoom, bearing: view.bearing, pitch: view.pitch }));
      break;
    }
    case 'renewal-map:set-layers': {
      const known = new Set(allLayers(useStore.getState()).map((l) => l.id));
      const unknown = cmd.layers.filter((id) => !known.has(id));
      if (unknown.length) console.warn(`[renewal-map] set-layers: unknown layer ids ignored: ${unknown.join(', ')}`);
      act(setVisibleLayers, cmd.layers);
      break;
    }
    case 'renewal-map:set-filters':
      act(replaceFilters, cmd.filters);
      break;
    case 'renewal-map:set-style': {
      const known = allLayers(useStore.getState()).some((l) => l.id === cmd.layerId);
      if (known) act(setThematic, cmd.layerId, cmd.style);
      else console.warn(`[renewal-map] set-style: unknown layer id ignored: ${cmd.layerId}`);
      break;
    }
  }
}

let host: EmbedHost | null = null;

/** Reads the query string, switches embed mode on and starts the postMessage API. Idempotent. */
export function startEmbed(): void {
  if (host || typeof window === 'undefined') return;
  const p = readEmbedParams(location.search);
  if (!p.embed) return;
  act(setEmbed, true);
  if (p.rejectedOrigins.length) console.warn(`[renewal-map] origins ignored (not http(s) origins): ${p.rejectedOrigins.join(', ')}`);
  const h = startEmbedHost({
    origins: p.origins,
    apply: (cmd) => {
      // Commands that arrive before the catalog are applied once it is there.
      if (useStore.getState().catalog) applyCommand(cmd);
      else void whenMap().then(() => applyCommand(cmd));
    },
  });
  host = h;
  (window as unknown as { renewalEmbed: unknown }).renewalEmbed = { stats: h.stats };
  void whenMap().then(() => h.post(readyMessage(allLayers(useStore.getState()).map((l) => l.id))));
  useStore.subscribe((s, prev) => {
    const sel = s.selection;
    if (sel && sel !== prev.selection) h.post(featureClickMessage(sel.layerId, sel.properties));
  });
}
