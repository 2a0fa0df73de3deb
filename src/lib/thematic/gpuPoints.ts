// Which layers draw their thematic colours on the GPU (map/gpuPoints): large point layers
// held by the data service. There a restyle sends one class byte per feature and a palette,
// and the next frame shows it; through MapLibre's own circles it would lay out every tile of
// the layer again. `?gpu=0` in the page address turns it off (measurements compare both). Pure.
import type { ThematicSpec } from './spec';

/** Point layers with more features than this draw their thematic classes on the GPU. */
export const GPU_POINTS_MIN_FEATURES = 20_000;

let enabled = typeof location === 'undefined' || !/[?&]gpu=0(&|$)/.test(location.search);

/** Whether GPU points are on: not turned off by `?gpu=0`, and not failed on this device. */
export const gpuPointsEnabled = (): boolean => enabled;

/** After the GPU layer fails (no WebGL2 feature it needs): every layer goes back to MapLibre's circles. */
export function disableGpuPoints(): void {
  enabled = false;
}

export interface GpuCandidate {
  geometry?: string;
  feature_count?: number;
  /** Polygon layers drawn as dots at city scale. */
  pointsFile?: string;
  /** 'pmtiles': an archive, not held by the data service. */
  type?: string;
}

export function gpuPointsEligible(layer: GpuCandidate, spec: ThematicSpec | undefined, on = gpuPointsEnabled()): boolean {
  if (!on || !spec?.field) return false;
  if (spec.kind !== 'graduated' && spec.kind !== 'categories' && spec.kind !== 'circles') return false;
  return layer.geometry === 'point' && !layer.pointsFile && layer.type !== 'pmtiles' && (layer.feature_count ?? 0) > GPU_POINTS_MIN_FEATURES;
}
