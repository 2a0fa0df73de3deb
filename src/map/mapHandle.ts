// The live MapLibre map, for imperative moves and for host pages and tests (window.renewalMap).
import type { Map as MLMap, LngLatBoundsLike } from 'maplibre-gl';
import { useStore } from '../state/store';
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
    /** The MapLibre layer ids drawn for a catalog layer id. */
    layerIds: (id: string) => {
      const l = useStore.getState().catalog?.layers.find((x) => x.id === id);
      return l ? styleLayerIds(l) : [];
    },
    getState: () => useStore.getState(),
  };
  (window as unknown as { renewalMap: typeof api }).renewalMap = api;
}

export function getMap(): MLMap | null {
  return current;
}

export function whenMap(): Promise<MLMap> {
  return current ? Promise.resolve(current) : new Promise((r) => waiters.push(r));
}

export function fitBounds(b: LngLatBoundsLike, maxZoom = 15): void {
  current?.fitBounds(b, { padding: 60, maxZoom, duration: 600 });
}
