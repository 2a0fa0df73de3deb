// The class of every feature of a layer, as one byte each, for a renderer that colours points
// on the GPU from a palette (map/gpuPoints): a restyle then sends 1 byte per feature and a
// palette, and nothing is laid out again. Same reading of values as the legend and the
// MapLibre expressions (resolve.ts `classIndex`). Pure.
import { classIndex, type ResolvedClasses } from './resolve';
import { MISSING_COLOR } from './ramps';

/** Not drawn: filtered out, or no point to draw. */
export const CLASS_HIDDEN = 255;
/** No value (grey "no data" class). */
export const CLASS_MISSING = 254;
/** A category outside the ones listed ("other"). */
export const CLASS_OTHER = 253;
/** Classes 0 … MAX_CLASSES − 1 fit in a byte beside the three above. */
export const MAX_CLASSES = 253;

/**
 * One byte per feature: its class, CLASS_OTHER, CLASS_MISSING, or CLASS_HIDDEN for features
 * not in `kept` (all kept when null) or for which `drawable(i)` is false.
 */
export function featureClasses(
  props: readonly (Record<string, unknown> | null | undefined)[],
  field: string,
  classes: ResolvedClasses,
  kept: ArrayLike<number> | null,
  drawable: (i: number) => boolean = () => true,
): Uint8Array {
  const out = new Uint8Array(props.length).fill(CLASS_HIDDEN);
  const put = (i: number) => {
    if (!drawable(i)) return;
    const c = classIndex(classes, props[i]?.[field]);
    out[i] = c === -2 ? CLASS_MISSING : c === -1 ? CLASS_OTHER : Math.min(c, MAX_CLASSES - 1);
  };
  if (kept) for (let j = 0; j < kept.length; j++) put(kept[j]);
  else for (let i = 0; i < props.length; i++) put(i);
  return out;
}

/** Colour (and circle radius, for graduated circles) of each class byte. */
export interface ClassPalette {
  /** 256 colours as hex (unused slots are MISSING_COLOR). */
  colors: string[];
  /** 256 radii in px, or null when every point takes the layer's own size. */
  radii: number[] | null;
}

export function classPalette(c: ResolvedClasses, missingRadius = 3): ClassPalette {
  const colors = new Array<string>(256).fill(MISSING_COLOR);
  c.colors.slice(0, MAX_CLASSES).forEach((col, i) => (colors[i] = col));
  if (c.type === 'categories') colors[CLASS_OTHER] = c.otherColor;
  const radii = c.type === 'numeric' && c.radii?.length ? new Array<number>(256).fill(missingRadius) : null;
  if (radii && c.type === 'numeric') c.radii!.slice(0, MAX_CLASSES).forEach((r, i) => (radii[i] = r));
  return { colors, radii };
}
