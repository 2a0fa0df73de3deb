// Typed loading of public/geo/catalog.json, checked before the app trusts it.
import { CATALOG_VERSION, type Catalog, type CatalogLayer } from './types';

export class CatalogError extends Error {}

function isLayer(x: unknown): x is CatalogLayer {
  if (!x || typeof x !== 'object') return false;
  const l = x as Record<string, unknown>;
  if (l.type !== undefined && l.type !== 'geojson' && l.type !== 'pmtiles') return false;
  if (l.type === 'pmtiles' && (typeof l.url !== 'string' || typeof l.sourceLayer !== 'string')) return false;
  return (
    typeof l.id === 'string' &&
    (typeof l.file === 'string' || l.type === 'pmtiles') &&
    !!l.title && typeof (l.title as Record<string, unknown>).zh === 'string' &&
    ['polygon', 'line', 'point'].includes(l.geometry as string) &&
    !!l.style && typeof (l.style as Record<string, unknown>).color === 'string' &&
    Array.isArray(l.bbox) && l.bbox.length === 4
  );
}

export function parseCatalog(json: unknown): Catalog {
  const c = json as Partial<Catalog> | null;
  if (!c || typeof c !== 'object') throw new CatalogError('catalog is not an object');
  if (c.version !== CATALOG_VERSION) throw new CatalogError(`catalog version ${String(c.version)} is not ${CATALOG_VERSION}`);
  if (!Array.isArray(c.layers)) throw new CatalogError('catalog has no layers array');
  c.layers.forEach((l, i) => {
    if (!isLayer(l)) throw new CatalogError(`catalog layer ${i} is malformed`);
  });
  return c as Catalog;
}

export async function loadCatalog(base: string): Promise<Catalog> {
  const res = await fetch(new URL('geo/catalog.json', base));
  if (!res.ok) throw new CatalogError(`HTTP ${res.status} for geo/catalog.json`);
  return parseCatalog(await res.json());
}
