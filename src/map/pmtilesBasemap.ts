// PMTiles archives as basemaps: the pmtiles:// protocol (registered once, when a
// PMTiles basemap is first used) and a look at an archive's header to tell raster
// from vector tiles.
import * as maplibregl from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import type { CustomBasemap } from '../state/customBasemap';

let protocol: Protocol | null = null;

export function ensurePmtilesProtocol(): void {
  if (protocol) return;
  protocol = new Protocol();
  maplibregl.addProtocol('pmtiles', protocol.tile);
}

const TYPES: Partial<Record<TileType, NonNullable<CustomBasemap['tileType']>>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpg',
  [TileType.Webp]: 'webp',
};

/** What an archive holds (throws when it cannot be read: a wrong address or no range requests). */
export async function pmtilesTileType(url: string): Promise<NonNullable<CustomBasemap['tileType']>> {
  const header = await new PMTiles(url).getHeader();
  return TYPES[header.tileType] ?? 'unknown';
}
