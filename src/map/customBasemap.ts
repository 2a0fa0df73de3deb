// A planner's own basemap: a raster tile URL ({z}/{x}/{y}), a MapLibre style URL, or a
// PMTiles archive (raster, or vector tiles in the OpenMapTiles schema as planetiler
// writes them). Pure: checks the URL and builds the style; the definition is kept in
// the browser by src/state/customBasemap.ts.
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LocalText } from '../catalog/types';
import type { CustomBasemap, CustomKind } from '../state/customBasemap';
import { FONT } from './style';

export type { CustomBasemap, CustomKind };

/** The source ids of online basemaps: tile errors from these mean the basemap failed. */
export const CUSTOM_SOURCE = 'custom';

/** What kind of basemap a URL is, or a message saying what is wrong with it. */
export function checkCustomUrl(raw: string): { kind: CustomKind; url: string } | { error: LocalText } {
  const url = raw.trim();
  if (!url) return { error: { zh: '请填写底图地址', en: 'Enter the basemap address' } };
  let u: URL;
  try {
    u = new URL(url.replace(/^pmtiles:\/\//, ''));
  } catch {
    return { error: { zh: `“${url}”不是有效网址（应以 https:// 开头）`, en: `"${url}" is not a valid address (it should start with https://)` } };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { error: { zh: `只支持 http/https 地址，而不是 ${u.protocol}`, en: `Only http/https addresses are supported, not ${u.protocol}` } };
  }
  const path = decodeURIComponent(u.pathname);
  if (/\.pmtiles$/i.test(path) || url.startsWith('pmtiles://')) return { kind: 'pmtiles', url: url.replace(/^pmtiles:\/\//, '') };
  if (url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'))) return { kind: 'raster', url };
  if (/\.json$/i.test(path) || /style/i.test(path)) return { kind: 'style', url };
  return {
    error: {
      zh: '无法识别：瓦片地址须含 {z}/{x}/{y}，样式地址以 .json 结尾，PMTiles 文件以 .pmtiles 结尾',
      en: 'Not recognised: a tile URL contains {z}/{x}/{y}, a style URL ends in .json, a PMTiles archive in .pmtiles',
    },
  };
}

/** OpenMapTiles-schema layers (planetiler's output), drawn plainly over the embedded land. */
function vectorLayers(src: string): LayerSpecification[] {
  const road = (cls: string[], color: string, w: number): LayerSpecification => ({
    id: `bm-custom-road-${cls[0]}`, type: 'line', source: src, 'source-layer': 'transportation',
    filter: ['match', ['get', 'class'], cls, true, false],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: { 'line-color': color, 'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 10, w * 0.4, 16, w * 4] },
  });
  return [
    { id: 'bm-custom-landuse', type: 'fill', source: src, 'source-layer': 'landuse', paint: { 'fill-color': '#efe9dd', 'fill-opacity': 0.6 } },
    { id: 'bm-custom-park', type: 'fill', source: src, 'source-layer': 'park', paint: { 'fill-color': '#d9e8cf', 'fill-opacity': 0.7 } },
    { id: 'bm-custom-water', type: 'fill', source: src, 'source-layer': 'water', paint: { 'fill-color': '#aecbdd' } },
    { id: 'bm-custom-waterway', type: 'line', source: src, 'source-layer': 'waterway', paint: { 'line-color': '#94b6cc', 'line-width': 1 } },
    { id: 'bm-custom-building', type: 'fill', source: src, 'source-layer': 'building', minzoom: 14, paint: { 'fill-color': '#dfd8cc', 'fill-outline-color': '#cbc2b3' } },
    road(['minor', 'service', 'track', 'path'], '#ffffff', 0.8),
    road(['secondary', 'tertiary'], '#fdf6e3', 1.2),
    road(['primary', 'trunk', 'motorway'], '#f6d9a8', 1.8),
    road(['rail', 'transit'], '#b5aca0', 0.6),
    {
      id: 'bm-custom-road-name', type: 'symbol', source: src, 'source-layer': 'transportation_name', minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': ['coalesce', ['get', 'name:zh'], ['get', 'name']], 'text-font': FONT, 'text-size': 11 },
      paint: { 'text-color': '#6b6358', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
}

/**
 * The custom basemap drawn over the embedded one (`under`), so that where its tiles
 * fail the embedded land, water and labels still show. A style URL is returned as is.
 */
export function customStyle(c: CustomBasemap, under: StyleSpecification): StyleSpecification | string {
  if (c.kind === 'style') return c.url;
  const attribution = c.attribution || c.name;
  let source: SourceSpecification;
  let layers: LayerSpecification[];
  if (c.kind === 'pmtiles' && c.tileType === 'mvt') {
    source = { type: 'vector', url: `pmtiles://${c.url}`, attribution };
    layers = vectorLayers(CUSTOM_SOURCE);
  } else if (c.kind === 'pmtiles') {
    source = { type: 'raster', url: `pmtiles://${c.url}`, tileSize: 256, attribution };
    layers = [{ id: 'bm-custom', type: 'raster', source: CUSTOM_SOURCE }];
  } else {
    source = { type: 'raster', tiles: [c.url], tileSize: 256, attribution, ...(c.url.includes('{-y}') ? { scheme: 'tms' as const } : {}) };
    if (c.url.includes('{-y}')) (source as { tiles: string[] }).tiles = [c.url.replace('{-y}', '{y}')];
    layers = [{ id: 'bm-custom', type: 'raster', source: CUSTOM_SOURCE }];
  }
  return { ...under, name: 'custom', sources: { ...under.sources, [CUSTOM_SOURCE]: source }, layers: [...under.layers, ...layers] };
}
