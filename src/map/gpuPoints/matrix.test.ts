import { describe, expect, it } from 'vitest';
import { interpolateStops, pointMatrix } from './matrix';

const apply = (m: ArrayLike<number>, v: number[]) => [0, 1, 2, 3].map((r) => m[r] * v[0] + m[4 + r] * v[1] + m[8 + r] * v[2] + m[12 + r] * v[3]);

describe('GPU point matrices', () => {
  it('projects an origin-relative Mercator position where the world-pixel matrix projects it', () => {
    // A view-projection (column-major) as a camera centred at Mercator (0.82, 0.38) with a bearing
    // makes it: scale to clip · rotate · translate by the centre in world pixels (large at street zoom).
    const ws = 512 * 2 ** 16;
    const [sx, sy, a, b, cx, cy] = [2 / 1280, -2 / 800, Math.cos(0.3), Math.sin(0.3), 0.82, 0.38];
    const c0 = [sx * a, sy * b, 0, 0];
    const c1 = [-sx * b, sy * a, 0, 0];
    const mvp = Float64Array.from([...c0, ...c1, 0, 0, 1e-9, 0, ...[0, 1, 2, 3].map((r) => -(c0[r] * cx + c1[r] * cy) * ws + [0, 0, 0.5, 1][r])]);
    const origin: [number, number] = [0.81985, 0.37991];
    // A point near the view centre, 0.00015 Mercator units (about 6 km at 39°N) from the origin.
    const local = [0.000153, 0.0000956];
    const m = pointMatrix(mvp, ws, origin);
    const want = apply(mvp, [(origin[0] + local[0]) * ws, (origin[1] + local[1]) * ws, 0, 1]);
    const got = apply(m, [local[0], local[1], 0, 1]);
    // Within a hundredth of a pixel on a 1280 × 800 view.
    expect(Math.abs(got[0] / got[3] - want[0] / want[3]) * 640).toBeLessThan(0.01);
    expect(Math.abs(got[1] / got[3] - want[1] / want[3]) * 400).toBeLessThan(0.01);
  });

  it('interpolates radius stops as MapLibre does, clamped at the ends', () => {
    const stops = [[7, 1], [10, 1.8], [12, 4]] as const;
    expect(interpolateStops(stops, 5)).toBe(1);
    expect(interpolateStops(stops, 8.5)).toBeCloseTo(1.4, 12);
    expect(interpolateStops(stops, 11)).toBeCloseTo(2.9, 12);
    expect(interpolateStops(stops, 20)).toBe(4);
  });
});
