// PMTiles archives (vector tiles on any static host or CDN, made by tippecanoe
// or planetiler), read with the `pmtiles` library by HTTP range requests.
// `describeArchive` reads what the layer panel, legend and filter controls need;
// the map registers `archiveProtocol()` with MapLibre (map/pmtiles.ts), so
// archives described here share their header and directory cache with it.
import { PMTiles, Protocol } from 'pmtiles';
import type { CatalogLayer, GeometryKind } from '../catalog/types';
import type { FieldStats } from '../lib/fieldStats';
import { mvtGeometryKind } from '../lib/mvtScan';

let protocol: Protocol | null = null;

/** The one PMTiles protocol object of the app. */
export function archiveProtocol(): Protocol {
  return (protocol ??= new Protocol({ metadata: true }));
}

/** The archive's absolute URL: catalog entries may name it relative to geo/. */
export function archiveUrl(layer: Pick<CatalogLayer, 'url'>, base: string): string {
  return new URL(layer.url ?? '', new URL('geo/', base)).href;
}

export const isPmtiles = (l: { type?: string }): boolean => l.type === 'pmtiles';

export interface ArchiveInfo {
  sourceLayer: string;
  geometry: GeometryKind;
  bbox: [number, number, number, number];
  fields: string[];
  /** From tippecanoe's tilestats, when present: what filter controls can offer. */
  stats: FieldStats[];
  name?: string;
  attribution?: string;
}

interface VectorLayerMeta {
  id: string;
  fields?: Record<string, string>;
}
interface TileStatsLayer {
  layer: string;
  geometry?: string;
  attributes?: { attribute: string; type?: string; values?: unknown[]; min?: number; max?: number; count?: number }[];
}

const GEOMETRY: Record<string, GeometryKind> = { Point: 'point', LineString: 'line', Polygon: 'polygon' };

/** What the archive holds: its first vector layer (or `sourceLayer`), geometry kind, extent and fields. */
export async function describeArchive(url: string, sourceLayer?: string): Promise<ArchiveInfo> {
  const archive = new PMTiles(url);
  archiveProtocol().add(archive);
  const header = await archive.getHeader();
  if (header.tileType !== 1) throw new Error('not a vector-tile (MVT) archive');
  const meta = ((await archive.getMetadata()) ?? {}) as { vector_layers?: VectorLayerMeta[]; tilestats?: { layers?: TileStatsLayer[] }; name?: string; attribution?: string };
  const layers = meta.vector_layers ?? [];
  const vl = layers.find((l) => l.id === sourceLayer) ?? layers[0];
  const name = sourceLayer ?? vl?.id;
  if (!name) throw new Error('the archive names no vector layer');
  const ts = meta.tilestats?.layers?.find((l) => l.layer === name);
  let geometry = ts?.geometry ? GEOMETRY[ts.geometry] : undefined;
  if (!geometry) {
    // Look at a tile: the centre tile at the archive's centre zoom.
    const z = Math.min(Math.max(header.centerZoom, header.minZoom), header.maxZoom);
    const n = 2 ** z;
    const lat = (header.centerLat * Math.PI) / 180;
    const x = Math.floor(((header.centerLon + 180) / 360) * n);
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    const tile = await archive.getZxy(z, x, y);
    geometry = (tile && mvtGeometryKind(new Uint8Array(tile.data), name)) || 'polygon';
  }
  const stats: FieldStats[] = (ts?.attributes ?? []).map((a) => {
    const values = (a.values ?? []).filter((v) => v !== null && v !== undefined);
    if (a.type === 'number') return { name: a.attribute, type: 'number', count: a.count ?? 0, missing: 0, distinct: values.length, distinctCapped: false, values: [], min: a.min, max: a.max };
    return { name: a.attribute, type: values.length <= 50 ? 'category' : 'text', count: a.count ?? 0, missing: 0, distinct: values.length, distinctCapped: false, values: values.map((v) => ({ value: String(v), count: 0 })) };
  });
  return {
    sourceLayer: name,
    geometry,
    bbox: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    fields: Object.keys(vl?.fields ?? {}),
    stats,
    name: meta.name,
    attribution: meta.attribution,
  };
}

const described = new Map<string, Promise<ArchiveInfo>>();

/** describeArchive, once per URL and source layer. */
export function archiveInfo(url: string, sourceLayer?: string): Promise<ArchiveInfo> {
  const key = `${url}#${sourceLayer ?? ''}`;
  let p = described.get(key);
  if (!p) {
    p = describeArchive(url, sourceLayer);
    p.catch(() => described.delete(key));
    described.set(key, p);
  }
  return p;
}
