// The live MapLibre map, for imperative moves and for host pages and tests (window.renewalMap).
import type { Map as MLMap, LngLatBoundsLike } from 'maplibre-gl';
import { useStore } from '../state/store';
import { allLayers } from '../state/appState';
import { parseLayerFilter, setLayerFilter } from '../lib/filterModel';
import { useFilterResults } from '../state/derivedResults';
import { checkThematicStyle, setThematic } from '../state/thematic';
import { useThematicResults } from '../state/thematicResults';
import { styleLayerIds } from './style';

export interface FeatureRef {
  source: string;
  id: number;
  layerId: string;
}

let current: MLMap | null = null;
const waiters: ((m: MLMap) => void)[] = [];

export function registerMap(map: MLMap): void {
  current = map;
  waiters.splice(0).forEach((w) => w(map));
  const api = {
    getMap: () => current,
    /** The MapLibre layer ids drawn for a catalog or loaded layer id. */
    layerIds: (id: string) => {
      const l = allLayers(useStore.getState()).find((x) => x.id === id);
      return l ? styleLayerIds(l) : [];
    },
    getState: () => useStore.getState(),
    /** Sets (validated) or clears (`{}`) a layer's filter; returns the problems found. */
    setFilter: (id: string, filter: unknown) => {
      const { filter: f, errors } = parseLayerFilter(filter);
      useStore.setState((s) => ({ ...s, filters: setLayerFilter(s.filters, id, f) }), true);
      return errors;
    },
    /** Sets (checked) or clears (null) a layer's thematic style; returns the problems found (English). */
    setThematic: (id: string, style: unknown) => {
      if (style === null) {
        useStore.setState((s) => setThematic(s, id, null), true);
        return [];
      }
      const r = checkThematicStyle(style, id);
      if (r.value) useStore.setState((s) => setThematic(s, id, r.value), true);
      return r.notices.map((n) => n.message.en);
    },
    /** The layer's thematic legend (entries with colour and count) and the last classification time, ms. */
    thematicResult: (id: string) => {
      const r = useThematicResults.getState().byLayer[id];
      return r ? { legend: r.legend, ms: r.ms, key: r.key } : null;
    },
    /**
     * A large point layer's GPU drawing (map/gpuPoints), or null: the key of the classes it
     * holds and when they came, the key of the classes last drawn and when (performance.now()).
     */
    gpuPoints: (id: string) => {
      const impl = (current?.getLayer(`${id}:gpu`) as unknown as { implementation?: { classesKey: string; classesAt: number; drawnKey: string; drawnAt: number; ready: boolean } } | undefined)?.implementation;
      return impl ? { classesKey: impl.classesKey, classesAt: impl.classesAt, drawnKey: impl.drawnKey, drawnAt: impl.drawnAt, ready: impl.ready } : null;
    },
    /** The layer's filter result: kept count, total, pending, ms (null when unfiltered). */
    filterResult: (id: string) => {
      const r = useFilterResults.getState().byLayer[id];
      return r ? { count: r.count, total: r.total, pending: r.pending, ms: r.ms ?? null, error: r.error ?? null, ids: r.ids ? Array.from(r.ids) : null } : null;
    },
  };
  (window as unknown as { renewalMap: typeof api }).renewalMap = api;
}

export function getMap(): MLMap | null {
  return current;
}

export function whenMap(): Promise<MLMap> {
  return current ? Promise.resolve(current) : new Promise((r) => waiters.push(r));
}

/** Resolves when the map has drawn everything it asked for (or after `maxMs`, whichever is first). */
export function whenIdle(maxMs = 15_000): Promise<void> {
  const idle = whenMap().then((m) => new Promise<void>((resolve) => {
    m.once('idle', () => resolve());
    // A map that is idle already fires no 'idle' until something changes: look again shortly
    // (not at once, so that a layer added in this same update is waited for).
    setTimeout(() => m.loaded() && m.areTilesLoaded() && !m.isMoving() && resolve(), 500);
  }));
  return Promise.race([idle, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
}

/**
 * Fits the view to a box. `animate: false` jumps there: after loading a large
 * layer, each frame of a fly-over would lay out and draw tiles of every zoom
 * passed through, and the user waits for the layer, not for the flight.
 */
export function fitBounds(b: LngLatBoundsLike, maxZoom = 15, animate = true): void {
  current?.fitBounds(b, { padding: 60, maxZoom, duration: animate ? 600 : 0 });
}
