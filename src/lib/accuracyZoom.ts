// How far in a view may zoom on a feature known only to ±accuracy_m: no further than the
// zoom where its uncertainty disc still fits comfortably in view.

const EARTH_CIRCUMFERENCE_M = 40075016.686;
/** Tianjin's latitude, for metres per pixel. */
export const TIANJIN_LAT = 39.1;

/** Metres per pixel at zoom z with 512-pixel tiles (MapLibre's zoom scale). */
export const metresPerPixel = (z: number, lat = TIANJIN_LAT): number => (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** z);

/** The accuracy radius should cover at most this many pixels at the zoom flown to. */
export const ACCURACY_RADIUS_PX = 120;

/** The deepest zoom that `accuracyM` supports (Infinity when unknown or not positive). */
export function maxZoomForAccuracy(accuracyM: unknown, lat = TIANJIN_LAT): number {
  const a = typeof accuracyM === 'string' ? Number(accuracyM) : accuracyM;
  if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) return Infinity;
  return Math.log2((ACCURACY_RADIUS_PX * EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * a));
}

/** The zoom to fly to for a point: at least `preferred` (or the current zoom if deeper), never past what accuracy supports. */
export function flyZoom(current: number, preferred: number, accuracyM: unknown): number {
  return Math.min(Math.max(current, preferred), maxZoomForAccuracy(accuracyM));
}
