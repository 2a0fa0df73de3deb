// Start-up and persistence of the user's layers: restore what IndexedDB holds
// (before the URL is read, so `layers=` may name restored layers), keep
// metadata and settings written back as they change, and honour `?data=`.
import { dataParam } from '../../io/dataUrl';
import { makeIssue } from '../../io/messages';
import { layerFromSaved, toSaved, type Restored } from '../../io/persist';
import { act, useStore } from '../../state/store';
import { type AppState, type UserLayer } from '../../state/appState';
import { pushNotice } from '../../state/updaters';
import { addUserLayers, applySettings, settingsOf } from '../../state/userLayers';
import { layerDb } from './db';
import { loadUrl } from './controller';
import { useImport } from './importStore';

export interface RestoredLayers {
  layers: UserLayer[];
  /** Ids that were visible when last saved. */
  visible: string[];
}

let restoring: Promise<RestoredLayers> | null = null;

/**
 * Read saved layers and settings, apply the settings (the URL read afterwards
 * overrides them) and return the layers, not yet in the store. Never rejects;
 * gives up after a few seconds so a stuck IndexedDB cannot hold the app.
 */
export function restoreSaved(timeoutMs = 5000): Promise<RestoredLayers> {
  restoring ??= (async () => {
    let data: Restored | null = null;
    try {
      const db = await layerDb();
      if (db) {
        data = await Promise.race([
          db.loadAll(),
          new Promise<null>((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs)),
        ]);
      }
    } catch (e) {
      act(pushNotice, { code: 'persist.restore_failed', message: makeIssue('persist.restore_failed', { detail: e instanceof Error ? e.message : String(e) }).message });
    }
    if (!data) return { layers: [], visible: [] };
    const { importCrs, ...settings } = data.settings;
    act(applySettings, settings);
    if (importCrs) useImport.setState({ crs: importCrs });
    // The data service reads each stored layer from its blob: URL, once, in its worker.
    const layers = data.layers.map(({ saved, blob }) => layerFromSaved(saved, URL.createObjectURL(blob)));
    return { layers, visible: data.layers.filter((l) => l.saved.visible).map((l) => l.saved.layer.id) };
  })();
  return restoring;
}

/** Put restored layers into the store; `layersFromUrl` (the link's layers=) decides visibility when given. */
export function showRestored(r: RestoredLayers, layersFromUrl: string[] | undefined): void {
  act(addUserLayers, r.layers, layersFromUrl ?? r.visible);
}

/** Write layer metadata and settings back whenever they change (debounced). */
export function startPersistence(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: Pick<AppState, 'userLayers' | 'visible' | 'lang' | 'basemap' | 'opacity' | 'thematic'> | null = null;
  let lastCrs = useImport.getState().crs;
  const flush = async () => {
    const s = useStore.getState();
    const db = await layerDb();
    if (!db) return;
    const now = new Date().toISOString();
    try {
      await db.updateLayers(s.userLayers.map((l, i) => toSaved(l, s.visible.includes(l.id), i, now)));
      await db.putSettings({ ...settingsOf(s), importCrs: useImport.getState().crs });
    } catch {
      /* best effort: the next change writes again */
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), 300);
  };
  const unsub = useStore.subscribe((s) => {
    if (last && s.userLayers === last.userLayers && s.visible === last.visible && s.lang === last.lang && s.basemap === last.basemap && s.opacity === last.opacity && s.thematic === last.thematic) return;
    last = { userLayers: s.userLayers, visible: s.visible, lang: s.lang, basemap: s.basemap, opacity: s.opacity, thematic: s.thematic };
    schedule();
  });
  const unsubCrs = useImport.subscribe((u) => {
    if (u.crs !== lastCrs) {
      lastCrs = u.crs;
      schedule();
    }
  });
  return () => {
    clearTimeout(timer);
    unsub();
    unsubCrs();
  };
}

/** `?data=<url>` in the page address: load it once, through the same worker path. */
export function loadDataParam(search = location.search): void {
  const raw = dataParam(search);
  if (raw !== null) void loadUrl(raw);
}
