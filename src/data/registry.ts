// Layer data in the main thread, for filters, tables, search, export and analysis.
// Shipped layers are fetched once from public/geo; loaded layers from their blob: URL,
// or registered here directly when they are small enough to have been parsed already.
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../catalog/types';

const cache = new Map<string, Promise<FeatureCollection>>();

export function registerData(id: string, fc: FeatureCollection): void {
  cache.set(id, Promise.resolve(fc));
}

export function forgetData(id: string): void {
  cache.delete(id);
}

type DataSource = Pick<CatalogLayer, 'id' | 'file'> & { dataUrl?: string };

/** The layer's FeatureCollection (fetched once); feature i here is feature id i on the map (generateId). */
export function layerData(layer: DataSource, base?: string): Promise<FeatureCollection> {
  let p = cache.get(layer.id);
  if (!p) {
    const url = layer.dataUrl ?? new URL(`geo/${layer.file}`, base ?? document.baseURI).href;
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${layer.dataUrl ? layer.id : `geo/${layer.file}`}`);
      return (await r.json()) as FeatureCollection;
    });
    p.catch(() => {
      if (cache.get(layer.id) === p) cache.delete(layer.id);
    });
    cache.set(layer.id, p);
  }
  return p;
}

export function cachedData(id: string): Promise<FeatureCollection> | undefined {
  return cache.get(id);
}
