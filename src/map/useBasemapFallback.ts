// Online basemaps that fail: tile errors from the online source produce a notice at
// once (well within 5 s), and when no tile of it has loaded the choice goes back to
// the embedded basemap, which is drawn underneath anyway, so `bm=` does not keep
// pointing at a basemap that cannot load. A basemap that has loaded nothing after
// 5 s gets a notice too.
import { useEffect } from 'react';
import type { Map as MLMap } from 'maplibre-gl';
import type { LocalText } from '../catalog/types';
import { useCustomBasemap } from '../state/customBasemap';
import { act, useStore } from '../state/store';
import { pushNotice, setBasemap } from '../state/updaters';
import type { BasemapId } from '../state/url';
import { ONLINE_SOURCES } from './basemaps';
import { whenMap } from './mapHandle';

export const SLOW_BASEMAP_MS = 5000;

const NAMES: Record<BasemapId, LocalText> = {
  offline: { zh: '内置底图', en: 'Embedded basemap' },
  osm: { zh: 'OpenStreetMap', en: 'OpenStreetMap' },
  tianditu: { zh: '天地图', en: 'Tianditu' },
  custom: { zh: '自定义底图', en: 'Custom basemap' },
};

const online = (id: unknown) => typeof id === 'string' && ONLINE_SOURCES.includes(id);

/** A MapLibre error event about an online basemap's tiles (handled here, not logged). */
export function isBasemapError(ev: unknown): boolean {
  return online((ev as { sourceId?: unknown } | null)?.sourceId);
}

export function useBasemapFallback(): void {
  const basemap = useStore((s) => s.basemap);
  const key = useStore((s) => s.tiandituKey);
  useEffect(() => {
    if (basemap === 'offline') return;
    let map: MLMap | null = null;
    let live = true;
    let loaded = 0;
    let told = false;
    const own = basemap === 'custom' ? useCustomBasemap.getState().custom?.name : undefined;
    const name = own ? { zh: own, en: own } : NAMES[basemap];
    const tell = (code: string, zh: string, en: string) => {
      if (told || !live) return;
      told = true;
      act(pushNotice, { code, message: { zh, en } });
    };
    const onError = (ev: unknown) => {
      if (!isBasemapError(ev)) return;
      if (loaded === 0) {
        tell('basemap.failed',
          `在线底图“${name.zh}”无法加载（无网络、地址或密钥有误），已改用内置底图；链接中的底图也已改回内置底图。`,
          `The online basemap "${name.en}" cannot be loaded (no network, or a wrong address or key); the embedded basemap is shown instead and the link no longer names it.`);
        act(setBasemap, 'offline');
      } else {
        tell('basemap.partial',
          `在线底图“${name.zh}”的部分瓦片加载失败，空缺处显示内置底图。`,
          `Some tiles of the online basemap "${name.en}" failed to load; the embedded basemap shows through the gaps.`);
      }
    };
    const onData = (ev: unknown) => {
      const e = ev as { sourceId?: string; dataType?: string; tile?: unknown };
      if (online(e.sourceId) && e.dataType === 'source' && e.tile) loaded++;
    };
    const timer = setTimeout(() => {
      if (loaded === 0) {
        tell('basemap.slow',
          `在线底图“${name.zh}” ${SLOW_BASEMAP_MS / 1000} 秒内未加载任何瓦片；下方显示内置底图。`,
          `The online basemap "${name.en}" has loaded no tile in ${SLOW_BASEMAP_MS / 1000} s; the embedded basemap shows underneath.`);
      }
    }, SLOW_BASEMAP_MS);
    void whenMap().then((m) => {
      if (!live) return;
      map = m;
      m.on('error', onError);
      m.on('data', onData);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      map?.off('error', onError);
      map?.off('data', onData);
    };
  }, [basemap, key]);
}
