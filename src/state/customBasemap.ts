// The planner's own basemap, kept in this browser (localStorage), never in a link.
import { create } from 'zustand';

export type CustomKind = 'raster' | 'style' | 'pmtiles';

export interface CustomBasemap {
  name: string;
  url: string;
  kind: CustomKind;
  /** PMTiles only: what the archive holds (read from its header when added). */
  tileType?: 'mvt' | 'png' | 'jpg' | 'webp' | 'unknown';
  attribution?: string;
}

export const CUSTOM_BASEMAP_KEY = 'renewal-map:custom-basemap';

export const useCustomBasemap = create<{ custom: CustomBasemap | null; loaded: boolean }>(() => ({ custom: null, loaded: false }));

function isCustom(x: unknown): x is CustomBasemap {
  const c = x as Partial<CustomBasemap> | null;
  return !!c && typeof c.name === 'string' && typeof c.url === 'string' && ['raster', 'style', 'pmtiles'].includes(c.kind as string);
}

/** Reads the saved basemap once (call at start-up). */
export function loadCustomBasemap(storage: Pick<Storage, 'getItem'> = localStorage): CustomBasemap | null {
  let custom: CustomBasemap | null;
  try {
    const raw = JSON.parse(storage.getItem(CUSTOM_BASEMAP_KEY) ?? 'null') as unknown;
    custom = isCustom(raw) ? raw : null;
  } catch {
    custom = null;
  }
  useCustomBasemap.setState({ custom, loaded: true });
  return custom;
}

export function saveCustomBasemap(c: CustomBasemap | null, storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage): void {
  try {
    if (c) storage.setItem(CUSTOM_BASEMAP_KEY, JSON.stringify(c));
    else storage.removeItem(CUSTOM_BASEMAP_KEY);
  } catch {
    /* storage full or blocked: the basemap lasts this session only */
  }
  useCustomBasemap.setState({ custom: c, loaded: true });
}
