// A thematic style + its resolved classes → MapLibre expressions. Pure: no map, no React.
// Values are read as the legend reads them (lib/thematic/values.ts): numbers, or numeric text;
// null, '', missing or non-numeric values go to the grey "no data" class.
import type { ExpressionSpecification } from 'maplibre-gl';
import { MISSING_COLOR } from '../lib/thematic/ramps';
import type { ResolvedClasses } from '../lib/thematic/resolve';
import type { ThematicSpec } from '../lib/thematic/spec';

type E = ExpressionSpecification;
const SENTINEL = -1.7976931348623157e308;

/** What the layer builder draws instead of the catalog style. */
export interface ThematicRender {
  /** Fill / line / circle colour. */
  color?: E | string;
  /** Circle radius (graduated circles). */
  radius?: E | number;
  /** Heat map paint, drawn instead of circles. */
  heatmap?: Record<string, unknown>;
  /** Label text. */
  label?: E;
  /** Fill opacity for graduated polygons (stronger than the catalog's tint). */
  fillOpacity?: number;
}

/** `['get', field]` read as a number: the value, or the sentinel when it is not a number. */
export function numberOf(field: string): E {
  return ['to-number', ['get', field], SENTINEL] as E;
}

/** True when the feature's value is a usable number (same rule as `numericValue`). */
export function hasNumber(field: string): E {
  const g = ['get', field];
  return ['any',
    ['==', ['typeof', g], 'number'],
    ['all', ['==', ['typeof', g], 'string'], ['!=', ['get', field], ''], ['!=', numberOf(field), SENTINEL]],
  ] as E;
}

/** A `step` over class bounds: output i for b_i ≤ v < b_{i+1}. */
export function stepExpr(field: string, breaks: readonly number[], outputs: readonly (string | number)[]): E | string | number {
  if (outputs.length === 1) return outputs[0];
  const args: (string | number)[] = [outputs[0]];
  for (let i = 1; i < outputs.length; i++) args.push(breaks[i], outputs[i]);
  return ['step', numberOf(field), ...args] as E;
}

export function colorExpression(field: string, c: ResolvedClasses): E | string {
  if (c.type === 'categories') {
    const g = ['get', field];
    const present = ['all', ['has', field], ['!=', g, null], ['!=', ['to-string', g], '']];
    const match = c.values.length
      ? ['match', ['to-string', g], ...c.values.flatMap((v, i) => [v, c.colors[i]]), c.otherColor]
      : c.otherColor;
    return ['case', present, match, MISSING_COLOR] as unknown as E;
  }
  if (!c.colors.length) return MISSING_COLOR;
  return ['case', hasNumber(field), stepExpr(field, c.breaks, c.colors), MISSING_COLOR] as E;
}

export function radiusExpression(field: string, c: ResolvedClasses, missingRadius = 3): E | number {
  if (c.type !== 'numeric' || !c.radii?.length) return missingRadius;
  return ['case', hasNumber(field), stepExpr(field, c.breaks, c.radii), missingRadius] as E;
}

/** Heat map paint: weight = value / max (or 1 per point without a field). */
export function heatmapPaint(field: string | undefined, max: number | null, opacity = 1): Record<string, unknown> {
  const weight = field && max && max > 0
    ? ['case', hasNumber(field), ['/', ['max', 0, numberOf(field)], max], 0]
    : 1;
  return {
    'heatmap-weight': weight,
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 14, 2.5],
    'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 6, 6, 14, 28],
    'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'],
      0, 'rgba(255,255,204,0)', 0.2, '#c7e9b4', 0.4, '#7fcdbb', 0.6, '#41b6c4', 0.8, '#2c7fb8', 1, '#253494'],
    'heatmap-opacity': 0.85 * opacity,
  };
}

export function labelExpression(field: string): E {
  return ['to-string', ['coalesce', ['get', field], '']] as E;
}

/** Everything the map needs for one layer's thematic style. */
export function thematicRender(spec: ThematicSpec, c: ResolvedClasses | null, stats: { max: number | null } = { max: null }): ThematicRender {
  const out: ThematicRender = {};
  if (spec.label) out.label = labelExpression(spec.label);
  if (spec.kind === 'heatmap') out.heatmap = heatmapPaint(spec.field, stats.max);
  else if (spec.field && c && spec.kind !== 'none') {
    out.color = colorExpression(spec.field, c);
    if (spec.kind === 'circles') out.radius = radiusExpression(spec.field, c);
    out.fillOpacity = 0.75;
  }
  return out;
}
