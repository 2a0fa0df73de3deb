// Vector tiles from the data service: MapLibre asks for `renewal://<layer>/z/x/y`,
// the request is relayed to the service worker, which cuts the tile from the
// features it holds and transfers the bytes back (no copy on this thread).
import * as maplibregl from 'maplibre-gl';
import type { DataClient } from '../data/client';

export const TILE_SCHEME = 'renewal';
/** The source layer the service's tiles carry (see data/tileCutter.ts). */
export const TILE_SOURCE_LAYER = 'features';
/** The deepest zoom the service cuts; MapLibre overzooms beyond it. */
export const TILE_MAXZOOM = 14;

export function tileUrl(layerId: string): string {
  return `${TILE_SCHEME}://${encodeURIComponent(layerId)}/{z}/{x}/{y}`;
}

/** Layer id and tile address of a tile URL, or null when it is not one of ours. */
export function parseTileUrl(url: string): { layerId: string; z: number; x: number; y: number } | null {
  const m = /^renewal:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  return m ? { layerId: decodeURIComponent(m[1]), z: +m[2], x: +m[3], y: +m[4] } : null;
}

let registered: DataClient | null = null;

/** Routes `renewal://` tile requests to this data service (idempotent). */
export function registerTileProtocol(client: DataClient): void {
  if (registered === client) return;
  if (registered) maplibregl.removeProtocol(TILE_SCHEME);
  registered = client;
  maplibregl.addProtocol(TILE_SCHEME, async (params) => {
    const t = parseTileUrl(params.url);
    if (!t) throw new Error(`not a tile address: ${params.url}`);
    return { data: (await client.tile(t.layerId, t.z, t.x, t.y)) ?? new ArrayBuffer(0) };
  });
}
