// The briefing image and print snapshot: the map rendered at the chosen size, the
// legend of what is drawn (after filters, in view) plus the coverage classes, and a
// caption with the filter in words and the analysis parameters and result.
import type { Map as MLMap } from 'maplibre-gl';
import { downloadBlob } from '../../io/download';
import {
  attributionLines, coverageLegend, dateStamp, LEGEND_W, legendEntries, mapHeightOnPage, metresPerPixel, scaleBar, type LegendGroup,
} from '../../io/exportImage';
import { canvasToPng, drawMapImage, wrapBands, type DrawnImage } from '../../io/exportImageDraw';
import { imagePlan, withPngDpi, type ImageSize } from '../../io/exportImageSize';
import { describeFilterText } from '../../lib/filterModel';
import { ATTRIBUTION } from '../../map/basemaps';
import { getMap } from '../../map/mapHandle';
import { styleLayerIds } from '../../map/style';
import { useFilterResults, useResults } from '../../state/derivedResults';
import { useStore } from '../../state/store';
import { allLayers } from '../../state/appState';
import { tr } from '../analysis/strings';
import { categoryLabel, filterFieldLabel } from '../labels';
import { thematicLegends, type MapSnapshot } from './exportActions';
import { withThematicLegend } from '../thematic/legendItems';
import { st } from './strings';

type Lang = 'zh' | 'en';

async function frame(map: MLMap): Promise<void> {
  if (!map.loaded() || !map.areTilesLoaded()) await new Promise<void>((r) => map.once('idle', () => r()));
  await new Promise<void>((r) => {
    map.once('render', () => r());
    map.triggerRepaint();
  });
}

/** Category values drawn now, per visible layer (layers drawing nothing are left out). */
function drawnValues(map: MLMap): Record<string, Set<string>> {
  const s = useStore.getState();
  const out: Record<string, Set<string>> = {};
  for (const l of allLayers(s)) {
    if (!s.visible.includes(l.id)) continue;
    const ids = styleLayerIds(l).filter((id) => !id.endsWith(':label') && map.getLayer(id));
    if (!ids.length) continue;
    const feats = map.queryRenderedFeatures({ layers: ids });
    if (!feats.length) continue;
    const prop = l.style.categories?.property;
    out[l.id] = new Set(prop ? feats.map((f) => String(f.properties?.[prop])) : []);
  }
  return out;
}

/** The map drawn at `css` size and `ratio`, copied out, with what it drew; the live map is restored after. */
async function renderMap(css: { w: number; h: number } | null, ratio: number): Promise<{ canvas: HTMLCanvasElement; w: number; h: number; drawn: Record<string, Set<string>>; mpp: number; bearing: number }> {
  const map = getMap();
  if (!map) throw new Error('map not ready');
  const live = map.getCanvas();
  const box = map.getContainer();
  const before = { w: box.style.width, h: box.style.height, ratio: map.getPixelRatio() };
  const w = css?.w ?? live.clientWidth;
  const h = css?.h ?? live.clientHeight;
  const resized = !!css || ratio !== before.ratio;
  try {
    if (resized) {
      box.style.width = `${w}px`;
      box.style.height = `${h}px`;
      map.setPixelRatio(ratio);
      map.resize();
    }
    await frame(map);
    const copy = document.createElement('canvas');
    const src = map.getCanvas();
    copy.width = src.width;
    copy.height = src.height;
    copy.getContext('2d')!.drawImage(src, 0, 0);
    return { canvas: copy, w, h, drawn: drawnValues(map), mpp: metresPerPixel(map.getCenter().lat, map.getZoom()), bearing: map.getBearing() };
  } finally {
    if (resized) {
      box.style.width = before.w;
      box.style.height = before.h;
      map.setPixelRatio(before.ratio);
      map.resize();
    }
  }
}

/** The caption: each visible layer's filter in words (with counts), the analysis run and its result. */
export function captionParagraphs(lang: Lang): string[] {
  const s = useStore.getState();
  const out: string[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  for (const l of allLayers(s)) {
    const f = s.filters[l.id];
    if (!f || !s.visible.includes(l.id)) continue;
    const keys = [...Object.keys(f.categories ?? {}), ...Object.keys(f.ranges ?? {})];
    const labels = Object.fromEntries(keys.map((k) => [k, { zh: filterFieldLabel(k, 'zh'), en: filterFieldLabel(k, 'en') }]));
    const words = describeFilterText(f, labels, (p, v) => ({ zh: categoryLabel(p, v, 'zh'), en: categoryLabel(p, v, 'en') }))[lang];
    if (!words) continue;
    const r = useFilterResults.getState().byLayer[l.id];
    const count = r ? (lang === 'zh' ? `（显示 ${r.count} / 共 ${r.total}）` : ` (${r.count} of ${r.total} shown)`) : '';
    out.push(`${st('captionFilter', lang)}${colon}${l.title[lang]} — ${words}${count}`);
  }
  const res = useResults.getState();
  if (res.result && res.meta && res.settings && res.status !== 'running') {
    const m = res.meta;
    const r = res.result;
    const pct = (v: number) => `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 })}%`;
    const people = r.population && r.coveredPopulation !== null ? pct((100 * r.coveredPopulation) / r.population) : '—';
    const params = lang === 'zh'
      ? `覆盖分析${colon}${m.facilitiesLabel.zh}（${m.facilityCount} 处）· 评估范围 ${m.areaLabel.zh} · 步行 ${m.minutes} 分钟，${res.settings.speed} 公里/小时${m.mode === 'network' ? '，沿路网' : `，绕行系数 ${res.settings.detour}，直线半径 ${Math.round(m.reachM)} 米`}`
      : `Coverage${colon}${m.facilitiesLabel.en} (${m.facilityCount}) · over ${m.areaLabel.en} · ${m.minutes}-minute walk at ${res.settings.speed} km/h${m.mode === 'network' ? ' along the network' : `, detour factor ${res.settings.detour}, straight-line reach ${Math.round(m.reachM)} m`}`;
    const result = lang === 'zh' ? `结果${colon}覆盖面积 ${pct(r.coveredPct)}，覆盖居民 ${people}` : `Result${colon}${pct(r.coveredPct)} of the area and ${people} of residents covered`;
    const warn = m.completeness && !m.completeness.complete ? `${lang === 'zh' ? '；' : '; '}${tr('incomplete', lang)}${colon}${m.completeness.note[lang]}` : '';
    out.push(`${params}。${result}${warn}`.replace('。', lang === 'zh' ? '。' : '. '));
  }
  return out;
}

/** The legend: what the map draws, then the coverage classes when a result is shown. */
function legendGroups(drawn: Record<string, Set<string>>, lang: Lang): LegendGroup[] {
  const s = useStore.getState();
  // Thematic styles (issue 9) replace a layer's items by its classes with counts.
  const groups = withThematicLegend(legendEntries(allLayers(s), s.visible, lang, (p, v) => categoryLabel(p, v, lang), drawn), thematicLegends(), lang);
  const res = useResults.getState();
  if (res.result && res.status !== 'running') {
    groups.unshift(coverageLegend(tr('tabCoverage', lang), {
      covered: tr('legendCovered', lang), uncovered: tr('legendUncovered', lang), edges: res.edges ? tr('legendEdges', lang) : undefined,
    }));
  }
  return groups;
}

export interface BriefingSnapshot extends Omit<MapSnapshot, 'dataUrl'> {
  canvas: HTMLCanvasElement;
  caption: string[];
  ratio: number;
  out: { w: number; h: number } | null;
  dpi: number | null;
  /** Ground metres per CSS pixel of the map drawn. */
  mpp: number;
}

export async function briefingSnapshot(title: string, size: ImageSize, ratioOverride?: number): Promise<BriefingSnapshot> {
  const s = useStore.getState();
  const lang = s.lang;
  const layers = allLayers(s);
  const basemap = ATTRIBUTION[s.basemap === 'tianditu' && !s.tiandituKey ? 'offline' : s.basemap][lang];
  const attribution = attributionLines(layers, s.visible, basemap, { zh: st('data', 'zh'), en: st('data', 'en') }, lang);
  const caption = captionParagraphs(lang);
  const plan = imagePlan(size, getMap()?.getPixelRatio() ?? window.devicePixelRatio ?? 1);
  if (ratioOverride) plan.ratio = ratioOverride;
  let css: { w: number; h: number } | null = null;
  if (plan.pageCss) {
    const bands = wrapBands(caption, attribution, plan.pageCss.w);
    css = { w: plan.pageCss.w - LEGEND_W, h: mapHeightOnPage(plan.pageCss.h, bands.caption.length, bands.attribution.length) };
  }
  const m = await renderMap(css, plan.ratio);
  return {
    canvas: m.canvas,
    cssWidth: m.w,
    cssHeight: m.h,
    title: title.trim(),
    subtitle: st('subtitle', lang),
    dateText: `${st('date', lang)}${lang === 'zh' ? '：' : ': '}${dateStamp(new Date())}`,
    groups: legendGroups(m.drawn, lang),
    scale: scaleBar(m.mpp, 120),
    bearing: m.bearing,
    attribution,
    caption,
    ratio: plan.ratio,
    out: plan.out,
    dpi: plan.dpi,
    mpp: m.mpp,
  };
}

export async function downloadBriefingPng(title: string, size: ImageSize, fileName: string): Promise<DrawnImage> {
  const snap = await briefingSnapshot(title, size);
  const lang = useStore.getState().lang;
  const img = drawMapImage({
    ...snap, title: snap.title || snap.subtitle, subtitle: snap.title ? snap.subtitle : '', mapCanvas: snap.canvas, legendTitle: st('legend', lang),
    ratio: snap.ratio, out: snap.out ?? undefined,
  });
  const blob = await canvasToPng(img.canvas);
  const bytes = snap.dpi ? withPngDpi(new Uint8Array(await blob.arrayBuffer()), snap.dpi) : null;
  downloadBlob(fileName, bytes ? new Blob([bytes as BlobPart], { type: 'image/png' }) : blob);
  return img;
}

export interface PrintSnapshot extends MapSnapshot {
  paper: 'a4' | 'a3';
  caption: string[];
  /** Ground metres per CSS pixel of the map image. */
  mpp: number;
}

/** The print view's content: the map drawn sharply enough for ~250 dpi on the chosen paper. */
export async function printSnapshotFor(title: string, paper: 'a4' | 'a3'): Promise<PrintSnapshot> {
  const live = getMap()?.getCanvas();
  const cssW = live?.clientWidth || 1000;
  const paperWmm = paper === 'a3' ? 400 : 277;
  const ratio = Math.min(4, Math.max(1, (paperWmm / 25.4) * 250 / cssW));
  const { canvas, ratio: _r, out: _o, dpi: _d, ...rest } = await briefingSnapshot(title, 'screen', ratio);
  void _r;
  void _o;
  void _d;
  return { ...rest, dataUrl: canvas.toDataURL('image/png'), paper };
}
