// Matrices and sizes for GPU-drawn points. Pure.

/**
 * Clip-space matrix for positions in Mercator units relative to `origin`, from MapLibre's
 * view-projection matrix in world pixels (`modelViewProjectionMatrix` of a Mercator map):
 * mvp · translate(origin · worldSize) · scale(worldSize). Worked in float64, so the large
 * translation cancels before the result is rounded to float32.
 */
export function pointMatrix(mvp: ArrayLike<number>, worldSize: number, origin: readonly [number, number]): Float32Array {
  const m = new Float32Array(16);
  for (let r = 0; r < 4; r++) {
    m[r] = mvp[r] * worldSize;
    m[4 + r] = mvp[4 + r] * worldSize;
    m[8 + r] = mvp[8 + r];
    m[12 + r] = mvp[r] * worldSize * origin[0] + mvp[4 + r] * worldSize * origin[1] + mvp[12 + r];
  }
  return m;
}

/** Linear interpolation over [zoom, value] stops, clamped at both ends (MapLibre's `interpolate linear`). */
export function interpolateStops(stops: readonly (readonly [number, number])[], z: number): number {
  if (z <= stops[0][0]) return stops[0][1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i];
    if (z <= z1) {
      const [z0, v0] = stops[i - 1];
      return v0 + ((v1 - v0) * (z - z0)) / (z1 - z0);
    }
  }
  return stops[stops.length - 1][1];
}
