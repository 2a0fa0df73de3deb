// `pmtiles://` in MapLibre: tiles of PMTiles archives, read by HTTP range
// requests through the `pmtiles` library's protocol (see data/archive.ts).
import * as maplibregl from 'maplibre-gl';
import { archiveProtocol } from '../data/archive';

export { archiveInfo, archiveUrl, isPmtiles } from '../data/archive';

let registered = false;

/** Registers the `pmtiles://` protocol with MapLibre once. */
export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  maplibregl.addProtocol('pmtiles', archiveProtocol().tile);
}
