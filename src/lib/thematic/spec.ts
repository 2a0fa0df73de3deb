// What a thematic style asks for (the versioned, shareable form lives in state/thematic.ts).
import type { ClassMethod, TargetSpec } from './classify';

/**
 * - graduated: fill/line/circle colour by classes of a number field
 * - categories: one colour per value (the most frequent `topN`, the rest "other")
 * - circles: graduated circle sizes (points, or polygon centroids where the layer has them)
 * - heatmap: point density, optionally weighted by a number field
 * - none: the catalog style (only the label field changes)
 */
export type ThematicKind = 'graduated' | 'categories' | 'circles' | 'heatmap' | 'none';
export const THEMATIC_KINDS: ThematicKind[] = ['graduated', 'categories', 'circles', 'heatmap', 'none'];

export interface ThematicSpec {
  kind: ThematicKind;
  /** The attribute styled by. */
  field?: string;
  method?: ClassMethod;
  /** Number of classes (2–12). */
  classes?: number;
  /** Manual inner breaks. */
  breaks?: number[];
  /** For method 'target'; `id` names the plan target it came from. */
  target?: TargetSpec & { id?: string };
  ramp?: string;
  reverse?: boolean;
  /** Categories: keep the N most frequent values, the rest are "other". */
  topN?: number;
  /** Categories in legend order (values not listed follow by frequency). */
  order?: string[];
  /** Category value → the name shown in the legend. */
  rename?: Record<string, string>;
  /** Label every feature with this field. */
  label?: string;
  /** Circle radius range in px for circles. */
  radius?: [number, number];
}

/** Version of the shareable style shape. */
export const THEMATIC_VERSION = 1 as const;

/** A layer's thematic style as shared and saved: `{ v: 1, kind, field, … }` (see README, "Thematic styles"). */
export interface ThematicStyle extends ThematicSpec {
  v: typeof THEMATIC_VERSION;
}
