// PMTiles archives as basemaps: the pmtiles:// protocol (registered once, when a
// PMTiles basemap is first used) and a look at an archive's header to tell raster
// from vector tiles.
import { PMTiles, TileType } from 'pmtiles';
import { registerPmtilesProtocol } from './pmtiles';
import type { CustomBasemap } from '../state/customBasemap';

/** The one `pmtiles://` protocol, shared with PMTiles data layers (map/pmtiles.ts). */
export function ensurePmtilesProtocol(): void {
  registerPmtilesProtocol();
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
