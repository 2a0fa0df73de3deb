// Layer data in the main thread, for filters, tables, search, export and analysis.
// Shipped layers are fetched once from public/geo; loaded layers are registered here.
import type { FeatureCollection } from 'geojson';
import type { CatalogLayer } from '../catalog/types';

const cache = new Map<string, Promise<FeatureCollection>>();

export function registerData(id: string, fc: FeatureCollection): void {
  cache.set(id, Promise.resolve(fc));
}

export function forgetData(id: string): void {
  cache.delete(id);
}

/** The layer's FeatureCollection; feature i here is feature id i on the map (generateId). */
export function layerData(layer: Pick<CatalogLayer, 'id' | 'file'>, base = document.baseURI): Promise<FeatureCollection> {
  let p = cache.get(layer.id);
  if (!p) {
    p = fetch(new URL(`geo/${layer.file}`, base)).then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} for geo/${layer.file}`);
      return (await r.json()) as FeatureCollection;
    });
    p.catch(() => cache.delete(layer.id));
    cache.set(layer.id, p);
  }
  return p;
}

export function cachedData(id: string): Promise<FeatureCollection> | undefined {
  return cache.get(id);
}
