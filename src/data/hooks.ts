// React hooks over the layer list and the data registry, shared by the panels.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../catalog/types';
import { useStore } from '../state/store';
import { allLayers, type UserLayer } from '../state/appState';
import { layerData } from './registry';

export type AnyLayer = CatalogLayer | UserLayer;

/** Catalog layers and the user's own, in draw order. */
export function useAllLayers(): AnyLayer[] {
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  return useMemo(() => allLayers({ catalog, userLayers }), [catalog, userLayers]);
}

/** A layer's FeatureCollection once loaded (null meanwhile, on error, or without a layer). */
export function useLayerData(layer: AnyLayer | undefined): FeatureCollection | null {
  const [state, setState] = useState<{ id: string; fc: FeatureCollection } | null>(null);
  useEffect(() => {
    if (!layer) return;
    let live = true;
    layerData(layer)
      .then((fc) => live && setState({ id: layer.id, fc }))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [layer]);
  return layer && state?.id === layer.id ? state.fc : null;
}
