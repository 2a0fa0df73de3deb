// React hooks over the layer list and the data service, shared by the panels.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../catalog/types';
import type { FieldStats } from '../lib/fieldStats';
import { isEmptyFilter, type LayerFilter } from '../lib/filterModel';
import { useStore } from '../state/store';
import { allLayers, type UserLayer } from '../state/appState';
import { archiveInfo, archiveUrl } from './archive';
import { dataService } from './client';
import { layerData } from './registry';

export type AnyLayer = CatalogLayer | UserLayer;

/** Catalog layers and the user's own, in draw order. */
export function useAllLayers(): AnyLayer[] {
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  return useMemo(() => allLayers({ catalog, userLayers }), [catalog, userLayers]);
}

/**
 * A layer's whole FeatureCollection once copied out of the data service (null
 * meanwhile, on error, or without a layer). Only for small layers (districts,
 * analysis areas): large ones are asked questions instead (useFieldStats, rows).
 */
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

/** A layer's field statistics, computed in the data service (null until in). */
export function useFieldStats(layer: AnyLayer | undefined): FieldStats[] | null {
  const [state, setState] = useState<{ id: string; stats: FieldStats[] } | null>(null);
  useEffect(() => {
    if (!layer) return;
    let live = true;
    const ask = layer.type === 'pmtiles'
      ? archiveInfo(archiveUrl(layer, document.baseURI), layer.sourceLayer).then((i) => i.stats)
      : dataService().ask(layer, 'stats', { layerId: layer.id });
    ask
      .then((stats) => live && setState({ id: layer.id, stats }))
      .catch(() => live && setState(null));
    // Build the text index while the user is still choosing, so the first keystroke is fast.
    const t = layer.type === 'pmtiles' ? undefined : setTimeout(() => void dataService().ask(layer, 'warm', { layerId: layer.id }).catch(() => undefined), 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [layer]);
  return layer && state?.id === layer.id ? state.stats : null;
}

/**
 * Category counts that follow the other active clauses of `filter`, computed in the data
 * service (null without a filter, for archives, and until the answer is in).
 */
export function useFacets(layer: AnyLayer | undefined, filter: LayerFilter | undefined, fields: string[], districtLayer?: AnyLayer): Record<string, Map<string, number>> | null {
  const [state, setState] = useState<{ key: string; facets: Record<string, Map<string, number>> } | null>(null);
  const key = layer && filter && !isEmptyFilter(filter) && layer.type !== 'pmtiles' ? `${layer.id}|${JSON.stringify(filter)}|${fields.join(',')}` : '';
  useEffect(() => {
    if (!key || !layer || !filter) return;
    let live = true;
    const svc = dataService();
    if (filter.district && districtLayer) svc.open(districtLayer);
    svc
      .ask(layer, 'facets', { layerId: layer.id, filter, fields, districtsId: districtLayer?.id })
      .then((facets) => live && setState({ key, facets }))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for layer, filter and fields
  }, [key]);
  return key && state?.key === key ? state.facets : null;
}
