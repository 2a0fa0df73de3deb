// Browser glue for export and share: gathers the filtered features, the map image
// and the share link from the store, the data registry and the live map.
import { version } from '../../../package.json';
import type { CatalogLayer, LocalText } from '../../catalog/types';
import { dataService } from '../../data/client';
import { shareUrl } from '../../embed/snippet';
import { downloadBlob } from '../../io/download';
import type { ExportFormat } from '../../data/protocol';
import { useThematicResults } from '../../state/thematicResults';
import { withThematicLegend } from '../thematic/legendItems';
import { attributionLines, dateStamp, legendEntries, metresPerPixel, scaleBar, type LegendGroup, type ScaleBar } from '../../io/exportImage';
import { canvasToPng, drawMapImage, type DrawnImage } from '../../io/exportImageDraw';
import { isEmptyFilter, type LayerFilter } from '../../lib/filterModel';
import { ATTRIBUTION } from '../../map/basemaps';
import { getMap } from '../../map/mapHandle';
import { DISTRICTS_LAYER } from '../../state/filterResults';
import { keptIds } from '../../state/derivedResults';
import { useStore } from '../../state/store';
import { allLayers, type AppState } from '../../state/appState';
import { categoryLabel, filterFieldLabel } from '../labels';
import { st } from './strings';

export const APP_NAME = `Tianjin Renewal Map ${version}`;

/** The layer the export menu offers first: the table's, else the first visible filtered one, else the first visible. */
export function defaultExportLayer(s: Pick<AppState, 'catalog' | 'userLayers' | 'visible' | 'filters' | 'tableLayer'>): string | null {
  const ids = allLayers(s).map((l) => l.id);
  if (s.tableLayer && ids.includes(s.tableLayer)) return s.tableLayer;
  const visible = ids.filter((id) => s.visible.includes(id));
  return visible.find((id) => !isEmptyFilter(s.filters[id])) ?? visible[0] ?? ids[0] ?? null;
}

/** The link to the current state, written with `hashOf` (see linkContext.ts). */
export function currentShareUrl(hashOf: (s: AppState) => string): string {
  return shareUrl(location.href, hashOf(useStore.getState()));
}

function findLayer(id: string): CatalogLayer | undefined {
  return allLayers(useStore.getState()).find((l) => l.id === id);
}

/** How many features of a layer pass its current filter, of how many (nothing is copied out of the data service). */
export async function filteredCount(layerId: string): Promise<{ count: number; total: number }> {
  const layer = findLayer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  const { ids, total } = await keptIds(layer, useStore.getState().filters[layerId] ?? {}, findLayer(DISTRICTS_LAYER));
  return { count: ids.length, total };
}

function fieldLabels(f: LayerFilter): Record<string, LocalText> {
  const keys = [...Object.keys(f.categories ?? {}), ...Object.keys(f.ranges ?? {})];
  return Object.fromEntries(keys.map((k) => [k, { zh: filterFieldLabel(k, 'zh'), en: filterFieldLabel(k, 'en') }]));
}

/** Coded category values by their labels in both languages (exported filter text). */
const valueLabel = (p: string, v: string): LocalText => ({ zh: categoryLabel(p, v, 'zh'), en: categoryLabel(p, v, 'en') });

/** Formats for planners' GIS and CAD tools (issue 8), written by src/io/exportFormats.ts. */
export type { GisFormat } from '../../data/protocol';
export type DataFormat = ExportFormat;
/** Export CRS choices: WGS84, or CGCS2000 / 3-degree GK CM 117°E for CAD and ArcGIS users. */
export const EXPORT_CRS = [4326, 4548] as const;
export type ExportEpsg = (typeof EXPORT_CRS)[number];
/** Formats that are always WGS84 longitude/latitude. */
export const WGS84_ONLY: DataFormat[] = ['geojson', 'lonlat', 'wkt', 'kml'];

/** Labels of the filter's category values, as a table that can cross to the data service. */
function valueLabelTable(f: LayerFilter): Record<string, Record<string, LocalText>> {
  return Object.fromEntries(Object.entries(f.categories ?? {}).map(([p, values]) => [p, Object.fromEntries(values.map((v) => [v, valueLabel(p, v)]))]));
}

/**
 * Exports the filtered features of a layer; resolves to the count and file name. The file
 * is written in the data service, which holds the features: only its bytes reach the page.
 */
export async function exportLayer(layerId: string, format: DataFormat, link: string, epsg: ExportEpsg = 4326): Promise<{ count: number; file: string }> {
  const layer = findLayer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  const filter = useStore.getState().filters[layerId] ?? {};
  const { ids } = await keptIds(layer, filter, findLayer(DISTRICTS_LAYER));
  const now = new Date();
  const base = `天津城市更新-${layer.id}-${dateStamp(now)}`;
  const gisFormat = format === 'shp' || format === 'kml' || format === 'gpkg' || format === 'fgb';
  const crsPart = gisFormat && format !== 'kml' && epsg !== 4326 ? `-EPSG${epsg}` : '';
  const w = await dataService().ask(layer, 'write', {
    layerId,
    indices: ids,
    format,
    meta: {
      layerId: layer.id, layerTitle: layer.title, source: layer.source, filters: filter,
      fieldLabels: fieldLabels(filter), valueLabels: valueLabelTable(filter), generated: now, app: APP_NAME, url: link,
    },
    gis: gisFormat
      ? {
          name: `${base}${crsPart}`,
          epsg: format === 'kml' ? 4326 : epsg,
          meta: { layer: layer.id, title: layer.title, source: layer.source, filter, generated: now.toISOString(), app: APP_NAME, url: link, description: `${layer.title.zh} / ${layer.title.en}` },
        }
      : undefined,
  });
  const file = `${base}${crsPart}${w.ext}`;
  downloadBlob(file, new Blob([w.bytes], { type: gisFormat ? w.mime : `${w.mime};charset=utf-8` }));
  return { count: ids.length, file };
}

export interface MapSnapshot {
  dataUrl: string;
  cssWidth: number;
  cssHeight: number;
  title: string;
  subtitle: string;
  dateText: string;
  groups: LegendGroup[];
  scale: ScaleBar;
  bearing: number;
  attribution: string[];
}

/** Waits until the map has drawn everything it is loading. */
async function idleMap() {
  const map = getMap();
  if (!map) throw new Error('map not ready');
  if (!map.loaded() || !map.areTilesLoaded()) await new Promise<void>((r) => map.once('idle', () => r()));
  // Make sure the drawing buffer holds a complete frame.
  await new Promise<void>((r) => {
    map.once('render', () => r());
    map.triggerRepaint();
  });
  return map;
}

/** The thematic legends of the styled layers (issue 9). */
export function thematicLegends() {
  const st = useStore.getState().thematic;
  return Object.fromEntries(Object.entries(useThematicResults.getState().byLayer).filter(([id]) => st[id]).map(([id, r]) => [id, r.legend]));
}

/** Everything the PNG and the print view show, taken from the live map and the store. */
export async function snapshot(title: string): Promise<Omit<MapSnapshot, 'dataUrl'> & { canvas: HTMLCanvasElement }> {
  const map = await idleMap();
  const s = useStore.getState();
  const lang = s.lang;
  const layers = allLayers(s);
  const canvas = map.getCanvas();
  const c = map.getCenter();
  const basemap = ATTRIBUTION[s.basemap === 'tianditu' && !s.tiandituKey ? 'offline' : s.basemap][lang];
  return {
    canvas,
    cssWidth: canvas.clientWidth,
    cssHeight: canvas.clientHeight,
    title: title.trim() || st('imageTitle', lang),
    subtitle: st('subtitle', lang),
    dateText: `${st('date', lang)}${lang === 'zh' ? '：' : ': '}${dateStamp(new Date())}`,
    groups: withThematicLegend(legendEntries(layers, s.visible, lang, (p, v) => categoryLabel(p, v, lang)), thematicLegends(), lang),
    scale: scaleBar(metresPerPixel(c.lat, map.getZoom()), 120),
    bearing: map.getBearing(),
    attribution: attributionLines(layers, s.visible, basemap, { zh: st('data', 'zh'), en: st('data', 'en') }, lang),
  };
}

export async function renderBriefingImage(title: string): Promise<DrawnImage> {
  const snap = await snapshot(title);
  return drawMapImage({ ...snap, mapCanvas: snap.canvas, legendTitle: st('legend', useStore.getState().lang) });
}

export async function downloadBriefingImage(title: string, fileName: string): Promise<DrawnImage> {
  const img = await renderBriefingImage(title);
  downloadBlob(fileName, await canvasToPng(img.canvas));
  return img;
}

export async function printSnapshot(title: string): Promise<MapSnapshot> {
  const { canvas, ...rest } = await snapshot(title);
  return { ...rest, dataUrl: canvas.toDataURL('image/png') };
}
