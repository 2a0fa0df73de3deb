// Small hooks of the analysis tab.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../../catalog/types';
import { layerData } from '../../data/registry';
import { useStore } from '../../state/store';
import { allLayers } from '../../state/updaters';

export function useAllLayers(): CatalogLayer[] {
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  return useMemo(() => allLayers({ catalog, userLayers }), [catalog, userLayers]);
}

/** A layer's FeatureCollection once loaded (null meanwhile, on error, or without a layer). */
export function useLayerFC(layer: CatalogLayer | undefined): FeatureCollection | null {
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

/** Several layers' data at once, keyed by id (missing until loaded). */
export function useLayersFC(layers: CatalogLayer[]): Record<string, FeatureCollection> {
  const [data, setData] = useState<Record<string, FeatureCollection>>({});
  const key = layers.map((l) => l.id).join('|');
  useEffect(() => {
    let live = true;
    for (const l of layers) {
      layerData(l)
        .then((fc) => live && setData((d) => (d[l.id] === fc ? d : { ...d, [l.id]: fc })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return data;
}
