// Catalog + state → MapLibre layers. Pure: no map, no React; tested in Node.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { CatalogLayer, LayerStyle } from '../catalog/types';
import type { Lang } from '../i18n/strings';
import { accuracyHaloLayer } from './accuracyHalo';
import type { ThematicRender } from './thematicStyle';

export const FONT = ['Noto Sans Regular'];
const HALO = 'rgba(255,255,255,0.92)';

/** The MapLibre layer ids drawn for one catalog layer, bottom to top. */
export function styleLayerIds(layer: Pick<CatalogLayer, 'id' | 'geometry' | 'style'> & { pointsFile?: string }): string[] {
  const { id, geometry, style } = layer;
  const ids: string[] = [];
  if (geometry === 'polygon') ids.push(`${id}:fill`, `${id}:line`);
  if (geometry === 'line') ids.push(`${id}:line`);
  if (geometry === 'point' || (layer.pointsFile && style.radius)) ids.push(`${id}:point`);
  if (style.label !== false) ids.push(`${id}:label`);
  return ids;
}

/** Colour expression: categorical when the style says so. */
export function colorExpr(style: LayerStyle): ExpressionSpecification | string {
  const c = style.categories;
  if (!c) return style.color;
  const pairs = Object.entries(c.values).flat();
  return ['match', ['to-string', ['get', c.property]], ...pairs, style.color] as unknown as ExpressionSpecification;
}

const hovered = (a: number, b: number): ExpressionSpecification =>
  ['case', ['boolean', ['feature-state', 'selected'], false], b * 1.4, ['boolean', ['feature-state', 'hover'], false], b, a] as ExpressionSpecification;

export function labelField(style: LayerStyle, lang: Lang): ExpressionSpecification {
  const prop = typeof style.label === 'string' ? style.label : 'name';
  if (lang === 'en' && prop === 'name') return ['coalesce', ['get', 'name_en'], ['get', 'name']] as ExpressionSpecification;
  return ['to-string', ['get', prop]] as ExpressionSpecification;
}

export interface LayerRenderState {
  visible: boolean;
  opacity: number;
  lang: Lang;
  /** MapLibre filter for the features kept by the user's filter, if any. */
  filter?: ExpressionSpecification;
  /** The layer's thematic style as expressions (map/thematicStyle.ts), drawn instead of the catalog colours. */
  thematic?: ThematicRender;
  /**
   * A point layer whose thematic classes are drawn on the GPU (map/gpuPoints). Its circles do
   * not follow each restyle (a data-driven paint change lays every tile out again): they keep
   * `paint`, the thematic style as it stood once restyling paused (the catalog's until then), so
   * the style, queries and hit areas catch up off the user's path. Once the GPU layer draws
   * (`drawn`) they are invisible, kept for clicks, hover and queries.
   */
  gpu?: { drawn: boolean; paint?: ThematicRender };
}

/** Below this zoom, small polygons (those styled with a radius) are also drawn as dots. */
export const POINTS_MAX_ZOOM = 12;
/**
 * A polygon layer with more features than this draws its stroked outline only
 * from OUTLINE_MIN_ZOOM; below it the fill's own one-pixel edge outlines it. At
 * city scale tens of thousands of parcels are a few pixels each, and laying out
 * a line for every ring doubles the work of each tile for strokes nobody can see.
 * Its fill keeps one opacity per zoom (hover and selection show on the outline).
 */
export const OUTLINE_LOD_MIN_FEATURES = 20_000;
export const OUTLINE_MIN_ZOOM = 12;
/**
 * A point layer with more features than this draws smaller dots below street zoom and
 * strokes them only from OUTLINE_MIN_ZOOM. At city scale a hundred thousand 10-pixel
 * dots cover each other many times over: the map shows one blob, and every frame pays
 * for each dot's pixels (a software renderer spends most of a frame there).
 */
export const DENSE_POINTS_MIN_FEATURES = 20_000;

/** Dot radius stops [zoom, px]: the catalog radius `r`, or small dots below street zoom for a dense layer. */
export function pointRadiusStops(r: number, dense: boolean): [number, number][] {
  return dense ? [[7, 1], [10, 1.8], [12, r * 0.8], [15, r * 1.6]] : [[7, r * 0.6], [11, r], [15, r * 1.6]];
}

export function pointRadius(r: number, dense: boolean): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...pointRadiusStops(r, dense).flat()] as ExpressionSpecification;
}

export function buildLayerSpecs(
  layer: Pick<CatalogLayer, 'id' | 'geometry' | 'style'> & { pointsFile?: string; feature_count?: number },
  rs: LayerRenderState,
): LayerSpecification[] {
  const { id, style, geometry } = layer;
  const visibility = rs.visible ? 'visible' : 'none';
  const o = rs.opacity;
  const th = rs.thematic;
  const color = th?.color ?? colorExpr(style);
  const filt = rs.filter ? { filter: rs.filter } : {};
  const out: LayerSpecification[] = [];
  if (geometry === 'polygon') {
    const fo = th?.color ? (th.fillOpacity ?? 0.75) : (style.fillOpacity ?? 0.3);
    const lod = (layer.feature_count ?? 0) > OUTLINE_LOD_MIN_FEATURES;
    const lineColor = th?.color ? '#ffffff' : (style.outline ?? style.color);
    out.push({
      id: `${id}:fill`, type: 'fill', source: id, layout: { visibility }, ...filt,
      paint: {
        'fill-color': color,
        // A large layer's fill does not follow hover (its outline does, from street zoom): an
        // opacity that reads feature-state costs per-vertex data in every tile of the layer.
        'fill-opacity': (lod
          ? ['interpolate', ['linear'], ['zoom'], 12, fo * o, 16, fo * 0.45 * o]
          : ['interpolate', ['linear'], ['zoom'], 12, hovered(fo * o, Math.min(1, fo * 1.6) * o), 16, hovered(fo * 0.45 * o, fo * o)]) as ExpressionSpecification,
        // The fill's edge stands in for the outline where the line is not drawn (thematic fills keep their colour).
        ...(lod && !th?.color ? { 'fill-outline-color': lineColor } : {}),
      },
    });
    out.push({
      id: `${id}:line`, type: 'line', source: id, ...(lod ? { minzoom: OUTLINE_MIN_ZOOM } : {}), layout: { visibility, 'line-join': 'round' }, ...filt,
      paint: {
        'line-color': lineColor,
        'line-width': hovered(style.lineWidth ?? 1, (style.lineWidth ?? 1) + 1.5),
        'line-opacity': o,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    });
  }
  if (geometry === 'line') {
    const w = style.lineWidth ?? 1.5;
    out.push({
      id: `${id}:line`, type: 'line', source: id, layout: { visibility, 'line-join': 'round', 'line-cap': 'round' }, ...filt,
      paint: {
        'line-color': color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, w * 0.7, 12, w * 1.4, 15, w * 2.4] as ExpressionSpecification,
        'line-opacity': o,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    });
  }
  const pts = layer.pointsFile ? `${id}:pts` : id;
  if (th?.heatmap && (geometry === 'point' || layer.pointsFile)) {
    out.push({ id: `${id}:heat`, type: 'heatmap', source: pts, layout: { visibility }, ...filt, paint: th.heatmap } as LayerSpecification);
  }
  if (geometry === 'point' || (layer.pointsFile && style.radius)) {
    const gpu = geometry === 'point' ? rs.gpu : undefined;
    const pointColor = gpu ? (gpu.paint?.color ?? colorExpr(style)) : color;
    const r = style.radius ?? 5;
    const dense = geometry === 'point' && (layer.feature_count ?? 0) > DENSE_POINTS_MIN_FEATURES;
    // Under a heat map the points stay (for clicks) but only show from street scale.
    const heatFade = th?.heatmap ? (['interpolate', ['linear'], ['zoom'], 12, 0, 14, 1] as ExpressionSpecification) : null;
    const po = gpu?.drawn ? 0 : heatFade ? (['*', heatFade, o] as unknown as ExpressionSpecification) : o;
    const point: LayerSpecification = {
      id: `${id}:point`, type: 'circle', source: pts, layout: { visibility }, ...filt,
      paint: {
        'circle-color': pointColor,
        'circle-radius': (gpu ? gpu.paint?.radius : th?.radius) ?? pointRadius(r, dense),
        'circle-stroke-color': style.outline ?? '#ffffff',
        'circle-stroke-width': dense ? (['step', ['zoom'], 0, OUTLINE_MIN_ZOOM, hovered(1, 2.5)] as ExpressionSpecification) : hovered(1, 2.5),
        'circle-opacity': !gpu && th?.radius !== undefined ? 0.85 * o : po,
        'circle-stroke-opacity': po,
        // A layer that can hand over to the GPU layer does so at once, not in a 300 ms fade (each
        // faded frame redraws every circle). Set from the start, so the hand-over changes one value.
        ...(dense ? { 'circle-opacity-transition': { duration: 0 }, 'circle-stroke-opacity-transition': { duration: 0 } } : {}),
      },
    };
    if (geometry === 'polygon') point.maxzoom = POINTS_MAX_ZOOM;
    // Accuracy halos (issue 13) under point dots; a heat map already shows density, not positions.
    if (geometry === 'point' && !th?.heatmap) out.push(accuracyHaloLayer(id, pts, pointColor, visibility, o, rs.filter));
    out.push(point);
  }
  if (style.label !== false || th?.label) {
    const isLine = geometry === 'line';
    // A place another layer already labels (build: `__label_dup`) is not labelled twice.
    const once: ExpressionSpecification = ['!', ['has', '__label_dup']];
    out.push({
      id: `${id}:label`, type: 'symbol', source: isLine ? id : pts, minzoom: th?.label ? Math.min(style.labelMinZoom ?? 11, 9) : style.labelMinZoom ?? 11,
      filter: rs.filter ? ['all', rs.filter, once] : once,
      layout: {
        visibility,
        'text-field': th?.label ?? labelField(style, rs.lang),
        'text-font': FONT,
        'text-size': isLine ? 12 : geometry === 'point' ? 11.5 : 12.5,
        'symbol-placement': isLine ? 'line' : 'point',
        'text-max-width': 8,
        'text-padding': 3,
        ...(geometry === 'point' ? { 'text-offset': [0, 1.1] as [number, number], 'text-anchor': 'top' as const, 'text-optional': true } : {}),
      },
      paint: {
        'text-color': isLine ? '#3f6f93' : '#2f2a24',
        'text-halo-color': HALO,
        'text-halo-width': 1.4,
        'text-opacity': o,
      },
    });
  }
  return out;
}
