// The composition root: the only place that wires modules together and starts things.
// Nothing else registers itself or runs at import.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startDataService } from './data/client';
import { loadCatalog } from './catalog/load';
import { startEmbed } from './embed/start';
import { getMap, whenMap } from './map/mapHandle';
import { analysisParam, filtersParam, thematicParam } from './state/linkParams';
import { readEmbedParams } from './state/embedMode';
import { act, useStore } from './state/store';
import type { ViewState } from './state/url';
import { setCatalog } from './state/updaters';
import { createUrlSync } from './state/urlSync';
import type { StateParam } from './state/urlState';
import { loadDataParam, restoreSaved, showRestored, startPersistence, type RestoredLayers } from './ui/data/session';
import { LinkContext } from './ui/share/linkContext';
import './styles.css';

/** The link's JSON parameters, each with its checker: one entry per parameter. */
const URL_PARAMS: readonly StateParam[] = [filtersParam, analysisParam, thematicParam];

const NOTHING_SAVED: RestoredLayers = { layers: [], visible: [] };

function jumpTo(v: ViewState): void {
  getMap()?.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom, bearing: v.bearing, pitch: v.pitch });
}

const url = createUrlSync({ params: URL_PARAMS, jumpTo });

async function start(): Promise<void> {
  // The data service worker: holds every layer once, cuts the map's tiles, answers the panels.
  startDataService();
  const embed = readEmbedParams(location.search);
  // An embed shows only what its own address names: no stored layers are read or written.
  const host = embed.embed ? startEmbed(embed, { whenMap, jumpTo }) : null;
  if (import.meta.env.MODE === 'e2e') void import('./testHooks').then((m) => m.installTestHooks({ embedHost: host }));
  try {
    const [catalog, saved] = await Promise.all([loadCatalog(document.baseURI), embed.embed ? NOTHING_SAVED : restoreSaved()]);
    // One synchronous step, so the first render already has catalog, restored layers and link.
    act(setCatalog, catalog, null);
    showRestored(saved, undefined);
    url.read();
    url.start();
    if (!embed.embed) startPersistence();
    loadDataParam();
  } catch (e) {
    useStore.setState({ catalogError: String(e instanceof Error ? e.message : e) });
  }
}

void start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LinkContext.Provider value={url.hashOf}>
      <App />
    </LinkContext.Provider>
  </StrictMode>,
);
