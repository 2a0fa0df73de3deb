// A thematic style's classes and legend over a layer's properties, restricted to
// the features a filter keeps. Pure; the data service runs it where the features
// are held, the bench runs it directly.
import { keptValues, legendModel, resolveClasses, type LegendModel, type ResolvedClasses } from './resolve';
import type { ThematicSpec } from './spec';
import { numericValue } from './values';

export interface ThematicResult {
  key: string;
  classes: ResolvedClasses | null;
  legend: LegendModel;
  /** Largest value (heat map weights). */
  max: number | null;
  /** Classification + legend, ms. */
  ms: number;
  /** Class byte of every feature (lib/thematic/featureClasses.ts), when asked for: GPU-drawn points. */
  perFeature?: Uint8Array;
}

/** Classes, legend and (heat maps) the largest value of `style` over the kept features. */
export function computeThematic(props: readonly (Record<string, unknown> | null)[], style: ThematicSpec, kept: ArrayLike<number> | null, key = ''): ThematicResult {
  const t0 = performance.now();
  const values = style.field ? keptValues(props, style.field, kept) : kept ? Array.from(kept) : props;
  const classes = resolveClasses(style, values);
  const legend = legendModel(style, classes, values);
  let max: number | null = null;
  if (style.kind === 'heatmap' && style.field) {
    for (const v of values) {
      const x = numericValue(v);
      if (x !== null && (max === null || x > max)) max = x;
    }
  }
  return { key, classes, legend, max, ms: performance.now() - t0 };
}
