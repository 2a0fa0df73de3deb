// Layer data, held by the data service worker (see client.ts). The main thread
// asks it questions; `layerData` still hands a whole FeatureCollection over
// (a structured copy) for the few callers that need every feature at once
// (analysis inputs, small reference layers): use it for small layers only.
import type { FeatureCollection } from 'geojson';
import { dataService, type LayerSource } from './client';

/** Hands an already parsed collection to the service (small layers, tests). */
export function registerData(id: string, fc: FeatureCollection): void {
  void dataService().put(id, fc);
}

export function forgetData(id: string): void {
  dataService().drop(id);
}

/** The layer's FeatureCollection, copied out of the service; feature i is feature id i on the map. */
export async function layerData(layer: LayerSource): Promise<FeatureCollection> {
  const features = await dataService().ask(layer, 'features', { layerId: layer.id, indices: null });
  return { type: 'FeatureCollection', features: features as FeatureCollection['features'] };
}
