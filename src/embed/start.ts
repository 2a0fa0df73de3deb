// Embed wiring: joins the postMessage host (host.ts) to the store. Called by main.tsx when the
// page is opened with `?embed=1`; nothing here runs at import.
import { checkDataUrl, dataParam } from '../io/dataUrl';
import { allLayers } from '../state/appState';
import { hostMayRead, replaceFilters, setEmbed, setVisibleLayers, type EmbedParams } from '../state/embedMode';
import { act, useStore } from '../state/store';
import { setThematic } from '../state/thematic';
import type { ViewState } from '../state/url';
import { setView } from '../state/updaters';
import { startEmbedHost, type EmbedHost } from './host';
import { featureClickMessage, readyMessage, type HostCommand } from './messages';

export interface EmbedDeps {
  /** Resolves once the map is drawn (commands wait for it). */
  whenMap: () => Promise<unknown>;
  /** Moves the map to a view the host asked for. */
  jumpTo: (view: ViewState) => void;
}

function applyCommand(cmd: HostCommand, deps: EmbedDeps): void {
  switch (cmd.type) {
    case 'renewal-map:set-view': {
      const { lng, lat, zoom } = cmd.view;
      const cur = useStore.getState().view;
      const view = { lng, lat, zoom, bearing: cmd.view.bearing ?? cur.bearing, pitch: cmd.view.pitch ?? cur.pitch };
      act(setView, view);
      void deps.whenMap().then(() => deps.jumpTo(view));
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

/** Switches embed mode on and starts the postMessage API; returns the host (its stats, stop). */
export function startEmbed(p: EmbedParams, deps: EmbedDeps): EmbedHost {
  act(setEmbed, true);
  if (p.rejectedOrigins.length) console.warn(`[renewal-map] origins ignored (not http(s) origins): ${p.rejectedOrigins.join(', ')}`);
  const raw = dataParam(location.search);
  const data = raw === null ? null : checkDataUrl(raw, document.baseURI);
  const dataUrl = data?.ok ? data.url : null;
  const host = startEmbedHost({
    origins: p.origins,
    apply: (cmd) => {
      // Commands that arrive before the map are applied once it is there.
      if (useStore.getState().catalog) applyCommand(cmd, deps);
      else void deps.whenMap().then(() => applyCommand(cmd, deps));
    },
  });
  void deps.whenMap().then(() => host.post(readyMessage(allLayers(useStore.getState()).map((l) => l.id))));
  const unsub = useStore.subscribe((s, prev) => {
    const sel = s.selection;
    if (!sel || sel === prev.selection) return;
    // The viewer's own layers stay private: their features are announced without properties.
    host.post(featureClickMessage(sel.layerId, hostMayRead(s, sel.layerId, dataUrl) ? sel.properties : {}));
  });
  const stop = host.stop;
  host.stop = () => (unsub(), stop());
  return host;
}
