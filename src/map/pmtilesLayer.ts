// `?data=…/file.pmtiles`: a PMTiles archive added as one of the user's layers.
// Nothing is downloaded whole: the header and metadata are read by range
// requests, MapLibre then asks for the tiles in view. The layer is not saved in
// IndexedDB (it is a URL; the link's data= brings it back).
import { act, useStore } from '../state/store';
import type { UserLayer } from '../state/appState';
import { addUserLayers, makeUserLayer, newLayerId, nextColor } from '../state/userLayers';
import { archiveInfo } from './pmtiles';
import { fitBounds } from './mapHandle';

export const isPmtilesUrl = (url: string): boolean => /\.pmtiles$/i.test(new URL(url, 'http://x/').pathname);

/** Adds the archive at `url` as a layer (once per URL); rejects with the reason when it cannot be read. */
export async function addPmtilesLayer(url: string, name: string): Promise<UserLayer> {
  const s = useStore.getState();
  const existing = s.userLayers.find((l) => l.url === url);
  if (existing) return existing;
  const info = await archiveInfo(url);
  const now = useStore.getState();
  const taken = new Set([...now.userLayers.map((l) => l.id), ...(now.catalog?.layers.map((l) => l.id) ?? [])]);
  const base = makeUserLayer(
    {
      id: newLayerId(taken), name: info.name || name.replace(/\.pmtiles$/i, ''), fileName: name, source: url, sourceCrs: 'WGS84',
      kind: info.geometry, featureCount: 0, bbox: info.bbox, color: nextColor(now.userLayers), fields: info.fields,
    },
    url,
  );
  const layer: UserLayer = { ...base, type: 'pmtiles', url, sourceLayer: info.sourceLayer };
  act(addUserLayers, [layer]);
  fitBounds([[info.bbox[0], info.bbox[1]], [info.bbox[2], info.bbox[3]]]);
  return layer;
}
