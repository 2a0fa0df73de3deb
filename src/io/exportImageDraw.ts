// The briefing image's canvas shell: paints the map canvas and the layout from
// exportImage.ts (title, legend, scale bar, north arrow, attribution, date).
// Browser-only (canvas), no React or MapLibre.
import {
  CAPTION_LINE_H, imageLayout, LEGEND_W, LINE_H, northAngle, wrapText, type ImageLayout, type LegendGroup, type ScaleBar,
} from './exportImage';

export interface ImageContent {
  /** The map's WebGL canvas (needs preserveDrawingBuffer). */
  mapCanvas: HTMLCanvasElement;
  /** The map's size in CSS pixels (the canvas may be larger by devicePixelRatio). */
  cssWidth: number;
  cssHeight: number;
  title: string;
  subtitle: string;
  dateText: string;
  legendTitle: string;
  groups: LegendGroup[];
  scale: ScaleBar;
  bearing: number;
  attribution: string[];
  /** Paragraphs under the map: the filter in words, the analysis parameters and result. */
  caption?: string[];
  /** Output pixels per CSS pixel (default: the map canvas's own ratio). */
  ratio?: number;
  /** Exact output size (paper sizes): the page is scaled to fill it. */
  out?: { w: number; h: number };
}

export interface DrawnImage {
  canvas: HTMLCanvasElement;
  layout: ImageLayout;
  /** Legend rows actually drawn (layer titles and category labels), for checks. */
  legendDrawn: string[];
  /** Caption and attribution lines as drawn (wrapped, never cut). */
  captionDrawn: string[];
  attributionDrawn: string[];
}

const CAPTION_FONT = `12px ${"'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', system-ui, sans-serif"}`;

/** The caption and attribution wrapped to a page `pageW` CSS pixels wide (no line is ever cut). */
export function wrapBands(caption: string[], attribution: string[], pageW: number): { caption: string[]; attribution: string[] } {
  const probe = document.createElement('canvas').getContext('2d');
  if (!probe) throw new Error('2D canvas unavailable');
  probe.font = CAPTION_FONT;
  const cap = caption.flatMap((p) => wrapText(p, pageW - 32, (s) => probe.measureText(s).width));
  probe.font = `11px ${FONT}`;
  const attr = attribution.flatMap((a) => wrapText(a, pageW - 32, (s) => probe.measureText(s).width));
  return { caption: cap, attribution: attr };
}

const FONT = "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', system-ui, sans-serif";
const INK = '#2b2722';
const MUTED = '#7a7268';
const LINE = '#e2ddd4';

function swatch(ctx: CanvasRenderingContext2D, g: LegendGroup, color: string, x: number, y: number): void {
  ctx.save();
  if (g.kind === 'line') {
    ctx.strokeStyle = color;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(x, y + 6);
    ctx.lineTo(x + 16, y + 6);
    ctx.stroke();
  } else if (g.kind === 'point') {
    ctx.fillStyle = color;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x + 8, y + 6, 5, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  } else {
    ctx.fillStyle = color;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(x + 1, y + 1, 15, 10);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = g.outline ?? color;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x + 1, y + 1, 15, 10);
  }
  ctx.restore();
}

function drawLegend(ctx: CanvasRenderingContext2D, c: ImageContent, l: ImageLayout): string[] {
  const r = l.legend;
  const drawn: string[] = [];
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(r.x, r.y, r.w, r.h);
  ctx.fillStyle = LINE;
  ctx.fillRect(r.x, r.y, 1, r.h);
  const x = r.x + 14;
  const maxW = r.w - 28;
  const bottom = r.y + r.h - 10;
  let y = r.y + 14;
  ctx.textBaseline = 'top';
  ctx.fillStyle = INK;
  ctx.font = `600 13px ${FONT}`;
  ctx.fillText(c.legendTitle, x, y);
  y += 22;
  const measure = (s: string) => ctx.measureText(s).width;
  outer: for (const g of c.groups) {
    ctx.font = `600 12px ${FONT}`;
    const titleX = g.items.length ? x : x + 22;
    const title = wrapText(g.title, maxW - (titleX - x), measure, 2);
    if (y + title.length * LINE_H > bottom) break;
    if (!g.items.length) swatch(ctx, g, g.color, x, y);
    ctx.fillStyle = INK;
    for (const line of title) {
      ctx.fillText(line, titleX, y);
      y += LINE_H;
    }
    drawn.push(g.title);
    ctx.font = `12px ${FONT}`;
    for (const it of g.items) {
      if (y + LINE_H > bottom) {
        ctx.fillStyle = MUTED;
        ctx.fillText('…', x + 22, y - 4);
        break outer;
      }
      swatch(ctx, g, it.color, x + 6, y);
      ctx.fillStyle = INK;
      ctx.fillText(wrapText(it.label, maxW - 28, measure, 1)[0] ?? '', x + 28, y);
      drawn.push(it.label);
      y += LINE_H;
    }
    y += 6;
  }
  return drawn;
}

function drawScale(ctx: CanvasRenderingContext2D, s: ScaleBar, x: number, y: number): void {
  ctx.save();
  ctx.font = `11px ${FONT}`;
  const w = Math.max(s.px, ctx.measureText(s.label).width) + 12;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6, y - 20, w, 28);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y);
  ctx.lineTo(x + s.px, y);
  ctx.lineTo(x + s.px, y - 6);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.textBaseline = 'bottom';
  ctx.fillText(s.label, x + 2, y - 5);
  ctx.restore();
}

function drawNorth(ctx: CanvasRenderingContext2D, bearing: number, cx: number, cy: number, r: number): void {
  ctx.save();
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(cx, cy, r + 6, 0, Math.PI * 2);
  ctx.fill();
  ctx.translate(cx, cy);
  ctx.rotate(northAngle(bearing));
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(r * 0.5, r * 0.6);
  ctx.lineTo(0, r * 0.3);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = MUTED;
  ctx.beginPath();
  ctx.moveTo(0, -r);
  ctx.lineTo(-r * 0.5, r * 0.6);
  ctx.lineTo(0, r * 0.3);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.font = `bold 10px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('N', 0, -r + 1 - 1);
  ctx.restore();
}

/** Paints the briefing image. The output has the map canvas's pixel ratio. */
export function drawMapImage(c: ImageContent): DrawnImage {
  const bands = wrapBands(c.caption ?? [], c.attribution, c.cssWidth + LEGEND_W);
  const attribution = bands.attribution;
  const l = imageLayout(c.cssWidth, c.cssHeight, attribution.length, bands.caption.length);
  const ratio = c.out ? c.out.w / l.width : c.ratio ?? c.mapCanvas.width / Math.max(1, c.cssWidth);
  const canvas = document.createElement('canvas');
  canvas.width = c.out?.w ?? Math.round(l.width * ratio);
  canvas.height = c.out?.h ?? Math.round(l.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#fbfaf7';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#fbfaf7';
  ctx.fillRect(0, 0, l.width, l.height);

  // Title band.
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  ctx.font = `600 20px ${FONT}`;
  ctx.fillText(c.title, 16, 9);
  ctx.fillStyle = MUTED;
  ctx.font = `12px ${FONT}`;
  ctx.fillText(c.subtitle, 16, 35);
  ctx.textAlign = 'right';
  ctx.fillText(c.dateText, l.width - 16, 35);
  ctx.textAlign = 'left';

  // Map, then what sits on it.
  ctx.drawImage(c.mapCanvas, 0, 0, c.mapCanvas.width, c.mapCanvas.height, l.map.x, l.map.y, l.map.w, l.map.h);
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  ctx.strokeRect(l.map.x + 0.5, l.map.y + 0.5, l.map.w - 1, l.map.h - 1);
  drawScale(ctx, c.scale, l.scale.x, l.scale.y);
  drawNorth(ctx, c.bearing, l.north.x, l.north.y, l.north.r);
  const legendDrawn = drawLegend(ctx, c, l);

  // Caption band: the filter and the analysis in words.
  ctx.textBaseline = 'top';
  if (bands.caption.length) {
    ctx.fillStyle = INK;
    ctx.font = CAPTION_FONT;
    bands.caption.forEach((line, i) => ctx.fillText(line, 16, l.caption.y + 6 + i * CAPTION_LINE_H));
    ctx.fillStyle = LINE;
    ctx.fillRect(16, l.footer.y, l.width - 32, 1);
  }

  // Attribution band.
  ctx.fillStyle = MUTED;
  ctx.font = `11px ${FONT}`;
  attribution.forEach((line, i) => ctx.fillText(line, 16, l.footer.y + 6 + i * LINE_H));
  return { canvas, layout: l, legendDrawn, captionDrawn: bands.caption, attributionDrawn: attribution };
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
