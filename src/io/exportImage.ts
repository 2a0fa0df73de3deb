// The briefing image (PNG) and print view: the pure layout part.
// Legend entries, scale bar, attribution, text wrapping and the page layout are
// computed here and unit-tested; exportImageDraw.ts only paints them on a canvas.
import type { CatalogLayer, GeometryKind, LocalText } from '../catalog/types';

/** Earth's equatorial circumference (WGS84 / Web Mercator sphere), metres. */
const CIRCUMFERENCE = 40_075_016.686;
/** MapLibre's tiles are 512 px wide: the world is 512·2^z px at zoom z. */
export const TILE_SIZE = 512;

/** Ground metres per CSS pixel at a latitude and MapLibre zoom (Web Mercator). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** Bar length in CSS pixels. */
  px: number;
  label: string;
}

/** The longest 1/2/5×10ⁿ distance whose bar fits in `maxPx`. */
export function scaleBar(mpp: number, maxPx = 120): ScaleBar {
  const maxMetres = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxMetres));
  const step = [5, 2, 1].find((k) => k * pow <= maxMetres) ?? 1;
  const metres = step * pow;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / mpp, label };
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface LegendGroup {
  layerId: string;
  title: string;
  kind: GeometryKind;
  color: string;
  outline?: string;
  /** Category entries; empty for a single-swatch layer. */
  items: LegendItem[];
}

type LegendLayer = Pick<CatalogLayer, 'id' | 'title' | 'geometry' | 'style'>;

/**
 * The legend of the visible layers, in the catalog's order: one swatch per
 * layer, or one per category value when the layer is coloured by category.
 * `categoryLabel` names a coded value (e.g. renewal_type "green" → "蓝绿空间").
 */
export function legendEntries(
  layers: LegendLayer[],
  visible: readonly string[],
  lang: 'zh' | 'en',
  categoryLabel: (property: string, value: string) => string = (_p, v) => v,
  drawn?: Readonly<Record<string, ReadonlySet<string>>>,
): LegendGroup[] {
  const on = new Set(visible);
  return layers
    .filter((l) => on.has(l.id) && (!drawn || l.id in drawn))
    .map((l) => {
      const cats = l.style.categories;
      // With what the map draws (after the filter, in view): only the categories it shows.
      const shown = drawn?.[l.id];
      const values = cats ? Object.entries(cats.values).filter(([v]) => !shown || shown.has(v)) : [];
      return {
        layerId: l.id,
        title: l.title[lang] || l.title.zh,
        kind: l.geometry,
        color: l.style.color,
        outline: l.style.outline,
        items: values.map(([v, color]) => ({ label: categoryLabel(cats!.property, v), color })),
      };
    });
}

/** The coverage overlay's colours (as src/map/overlays/AnalysisOverlay.tsx draws them). */
export const COVERAGE_COLOURS = { covered: '#1c9a8a', uncovered: '#d4583b', edges: '#0b5d8f' } as const;

/** The legend group of a coverage result: covered and uncovered areas, reached streets in network mode. */
export function coverageLegend(title: string, labels: { covered: string; uncovered: string; edges?: string }): LegendGroup {
  const items: LegendItem[] = [
    { label: labels.covered, color: COVERAGE_COLOURS.covered },
    { label: labels.uncovered, color: COVERAGE_COLOURS.uncovered },
  ];
  if (labels.edges) items.push({ label: labels.edges, color: COVERAGE_COLOURS.edges });
  return { layerId: 'analysis', title, kind: 'polygon', color: COVERAGE_COLOURS.covered, items };
}

/** The first clause of a catalog `source` text, at most `max` characters. */
export function shortSource(s: string, max = 90): string {
  const first = s.split(/;\s|。|\.\s/)[0].trim();
  return first.length > max ? first.slice(0, max - 1).trimEnd() + '…' : first;
}

/** Attribution lines: the basemap's, then each distinct data source of the visible layers. */
export function attributionLines(
  layers: Pick<CatalogLayer, 'id' | 'source'>[],
  visible: readonly string[],
  basemap: string,
  labels: LocalText = { zh: '数据', en: 'Data' },
  lang: 'zh' | 'en' = 'zh',
): string[] {
  const on = new Set(visible);
  // Whole first clauses: the image wraps them rather than cutting them.
  const sources = [...new Set(layers.filter((l) => on.has(l.id) && l.source).map((l) => shortSource(l.source, Infinity)))];
  const lines = basemap ? [basemap] : [];
  if (sources.length) lines.push(`${labels[lang]}${lang === 'zh' ? '：' : ': '}${sources.join(lang === 'zh' ? '；' : '; ')}`);
  return lines;
}

/**
 * Greedy line wrapping with a width measure (canvas measureText in the app).
 * Latin words stay whole where possible; CJK text may break between characters.
 * At most `maxLines` lines; an overflowing last line ends with "…".
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    if (cur && measure((cur + tok).trimEnd()) > maxWidth) {
      lines.push(cur.trimEnd());
      cur = tok.trimStart();
    } else cur += tok;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && measure(last + '…') > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = last + '…';
  return kept;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ImageLayout {
  width: number;
  height: number;
  header: Rect;
  map: Rect;
  legend: Rect;
  /** Filter and analysis in words, under the map. */
  caption: Rect;
  footer: Rect;
  /** Centre of the north arrow (on the map, top right). */
  north: { x: number; y: number; r: number };
  /** Left end of the scale bar's baseline (on the map, bottom left). */
  scale: { x: number; y: number };
}

export const HEADER_H = 56;
export const LEGEND_W = 230;
export const LINE_H = 15;

export const CAPTION_LINE_H = 16;

/** Height of the caption band for `lines` lines (none: no band). */
export const captionHeight = (lines: number): number => (lines > 0 ? 8 + lines * CAPTION_LINE_H : 0);
export const footerHeight = (lines: number): number => 12 + Math.max(1, lines) * LINE_H;

/** The map's height on a fixed page (paper sizes): what the bands leave. */
export function mapHeightOnPage(pageH: number, captionLines: number, footerLines: number): number {
  return pageH - HEADER_H - captionHeight(captionLines) - footerHeight(footerLines);
}

/** Page layout in CSS pixels: title band, map with the legend to its right, caption band, attribution band. */
export function imageLayout(mapW: number, mapH: number, footerLines: number, captionLines = 0): ImageLayout {
  const footerH = footerHeight(footerLines);
  const captionH = captionHeight(captionLines);
  const map = { x: 0, y: HEADER_H, w: mapW, h: mapH };
  return {
    width: mapW + LEGEND_W,
    height: HEADER_H + mapH + captionH + footerH,
    header: { x: 0, y: 0, w: mapW + LEGEND_W, h: HEADER_H },
    map,
    legend: { x: mapW, y: HEADER_H, w: LEGEND_W, h: mapH },
    caption: { x: 0, y: HEADER_H + mapH, w: mapW + LEGEND_W, h: captionH },
    footer: { x: 0, y: HEADER_H + mapH + captionH, w: mapW + LEGEND_W, h: footerH },
    north: { x: map.x + mapW - 30, y: map.y + 34, r: 16 },
    scale: { x: map.x + 16, y: map.y + mapH - 18 },
  };
}

/** North arrow rotation in radians: the map's bearing turns north anticlockwise on screen. */
export function northAngle(bearing: number): number {
  return (-bearing * Math.PI) / 180;
}

/** Local calendar date, YYYY-MM-DD. */
export function dateStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function imageFileName(d: Date): string {
  return `天津城市更新-${dateStamp(d)}.png`;
}

/** A scale denominator rounded to three significant figures (1:48,734 → 48,700): honest for a screen-derived map. */
export function niceDenominator(n: number): number {
  if (!(n > 0) || !Number.isFinite(n)) return 0;
  const p = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2);
  return Math.round(n / p) * p;
}

/** The 1:N of a map `groundWidthM` metres across printed `printedWidthMm` wide. */
export function scaleDenominator(groundWidthM: number, printedWidthMm: number): number {
  return niceDenominator(groundWidthM / (printedWidthMm / 1000));
}
