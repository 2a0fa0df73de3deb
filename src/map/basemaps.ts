// Basemap styles: the embedded offline one (default) and online raster options.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import type { BasemapId } from '../state/url';
import { CUSTOM_SOURCE, customStyle, type CustomBasemap } from './customBasemap';
import { FONT } from './style';

export const geoUrl = (file: string, base: string): string => new URL(`geo/${file}`, base).href;

const SEA = '#c6d9e5';

function offline(base: string, lang: Lang): StyleSpecification {
  const name = (lang === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name']] : ['get', 'name']) as ExpressionSpecification;
  return {
    version: 8,
    name: 'offline',
    sources: {
      'bm-land': { type: 'geojson', data: geoUrl('basemap-land.geojson', base) },
      'bm-water': { type: 'geojson', data: geoUrl('basemap-water.geojson', base) },
      'bm-labels': { type: 'geojson', data: geoUrl('basemap-labels.geojson', base) },
      'bm-bounds': { type: 'geojson', data: geoUrl('districts.geojson', base) },
    },
    layers: [
      { id: 'bm-sea', type: 'background', paint: { 'background-color': SEA } },
      {
        id: 'bm-land', type: 'fill', source: 'bm-land',
        paint: { 'fill-color': ['match', ['get', 'kind'], 'tianjin', '#faf7f1', '#eeeae2'], 'fill-outline-color': '#d4cec3' },
      },
      {
        id: 'bm-province-line', type: 'line', source: 'bm-land', filter: ['==', ['get', 'kind'], 'tianjin'],
        paint: { 'line-color': '#8d8579', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.2, 12, 2.4] },
      },
      { id: 'bm-water', type: 'fill', source: 'bm-water', paint: { 'fill-color': '#aecbdd', 'fill-outline-color': '#94b6cc' } },
      {
        id: 'bm-district-line', type: 'line', source: 'bm-bounds',
        paint: { 'line-color': '#9b9388', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.5, 12, 1.2], 'line-dasharray': [3, 2] },
      },
      {
        id: 'bm-neighbour-label', type: 'symbol', source: 'bm-labels', filter: ['!=', ['get', 'kind'], 'district'],
        layout: { 'text-field': name, 'text-font': FONT, 'text-size': 13, 'text-letter-spacing': 0.2 },
        paint: { 'text-color': '#9a9388', 'text-halo-color': '#f3f0ea', 'text-halo-width': 1.2 },
      },
      {
        id: 'bm-district-label', type: 'symbol', source: 'bm-labels', filter: ['==', ['get', 'kind'], 'district'],
        minzoom: 7.5,
        layout: {
          'text-field': name, 'text-font': FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11.5, 12, 15],
          'text-padding': 4,
        },
        paint: { 'text-color': '#5c554b', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** Online raster tiles drawn over the embedded basemap: where tiles fail, it shows through. */
function raster(under: StyleSpecification, name: string, tiles: string[], attribution: string, maxzoom: number): StyleSpecification {
  return {
    ...under,
    name,
    sources: { ...under.sources, [name]: { type: 'raster', tiles, tileSize: 256, attribution, maxzoom } },
    layers: [...under.layers, { id: `bm-${name}`, type: 'raster', source: name }],
  };
}

/** Sources of online basemaps: a tile error from one of these means the basemap is failing. */
export const ONLINE_SOURCES = ['osm', 'tianditu', 'tianditu-cva', CUSTOM_SOURCE];

export function tiandituTiles(layer: 'vec' | 'cva', key: string): string[] {
  const k = encodeURIComponent(key);
  return [0, 1, 2, 3, 4, 5, 6, 7].map(
    (i) =>
      `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${k}`,
  );
}

export const ATTRIBUTION: Record<BasemapId, Record<Lang, string>> = {
  offline: {
    zh: '底图：china-geojson (MIT)，经 gcoord 由 GCJ-02 转 WGS84；水系、环线为人工数字化',
    en: 'Basemap: china-geojson (MIT), GCJ-02 → WGS84 with gcoord; water and ring road digitised by hand',
  },
  osm: { zh: '© OpenStreetMap 贡献者', en: '© OpenStreetMap contributors' },
  tianditu: { zh: '© 天地图', en: '© Tianditu' },
  custom: { zh: '自定义底图', en: 'Custom basemap' },
};

/** The base style for a basemap id; `base` is the page URL that geo/ files are relative to. */
export function baseStyle(id: BasemapId, base: string, tiandituKey = '', lang: Lang = 'zh'): StyleSpecification {
  const under = offline(base, lang);
  if (id === 'osm') return raster(under, 'osm', ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], ATTRIBUTION.osm[lang], 19);
  if (id === 'tianditu' && tiandituKey) {
    const s = raster(under, 'tianditu', tiandituTiles('vec', tiandituKey), ATTRIBUTION.tianditu[lang], 18);
    s.sources['tianditu-cva'] = { type: 'raster', tiles: tiandituTiles('cva', tiandituKey), tileSize: 256, maxzoom: 18 };
    s.layers.push({ id: 'bm-tianditu-cva', type: 'raster', source: 'tianditu-cva' });
    return s;
  }
  return under;
}

/** The map style: the base style, or the planner's own basemap (over the embedded one) when chosen. */
export function mapStyleFor(id: BasemapId, base: string, tiandituKey = '', lang: Lang = 'zh', custom?: CustomBasemap | null): StyleSpecification | string {
  if (id === 'custom' && custom) return customStyle(custom, offline(base, lang));
  return baseStyle(id, base, tiandituKey, lang);
}
