// An accuracy halo: a translucent circle of radius accuracy_m around each point whose
// position is known only to more than HALO_MIN_M, drawn at street zooms, so a point
// placed to ±1.5 km does not read as an exact dot. Pure: a MapLibre layer spec.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { metresPerPixel } from '../lib/accuracyZoom';

export { metresPerPixel };

/** Points known better than this draw no halo. */
export const HALO_MIN_M = 200;
/** Halos appear from this zoom (street scale); below it a ±2 km disc is only a few pixels. */
export const HALO_MIN_ZOOM = 12;
// The circle radius is in pixels: metres per pixel at Tianjin's latitude.

/** Pixel radius of a halo of `accuracyM` metres at zoom `z` (what the expression computes). */
export const haloRadiusPx = (accuracyM: number, z: number): number => accuracyM / metresPerPixel(z);

export const haloLayerId = (layerId: string) => `${layerId}:halo`;

const ACCURACY: ExpressionSpecification = ['to-number', ['get', 'accuracy_m'], 0];

/** Features whose accuracy is worse than HALO_MIN_M, and the user's filter if any. */
export function haloFilter(userFilter?: ExpressionSpecification): ExpressionSpecification {
  const coarse: ExpressionSpecification = ['>', ACCURACY, HALO_MIN_M];
  return userFilter ? ['all', userFilter, coarse] : coarse;
}

export function accuracyHaloLayer(
  layerId: string,
  source: string,
  color: ExpressionSpecification | string,
  visibility: 'visible' | 'none',
  opacity: number,
  userFilter?: ExpressionSpecification,
): LayerSpecification {
  const z0 = HALO_MIN_ZOOM;
  const z1 = 20;
  return {
    id: haloLayerId(layerId),
    type: 'circle',
    source,
    minzoom: z0,
    layout: { visibility },
    filter: haloFilter(userFilter),
    paint: {
      // Exponential base 2 in zoom: exact at every zoom, not just at the stops.
      'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], z0, ['/', ACCURACY, metresPerPixel(z0)], z1, ['/', ACCURACY, metresPerPixel(z1)]] as ExpressionSpecification,
      'circle-color': color,
      'circle-opacity': 0.1 * opacity,
      'circle-stroke-color': color,
      'circle-stroke-width': 1,
      'circle-stroke-opacity': 0.55 * opacity,
      'circle-pitch-alignment': 'map',
    },
  };
}
