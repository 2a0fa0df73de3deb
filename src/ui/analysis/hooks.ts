// Small hooks of the analysis tab.
export { useAllLayers, useLayerData } from '../../data/hooks';
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../../catalog/types';
import { layerData } from '../../data/registry';

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
