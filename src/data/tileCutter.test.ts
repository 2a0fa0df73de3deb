import { describe, expect, it } from 'vitest';
import { TileCutter } from './tileCutter';

const pts = Array.from({ length: 50 }, (_, i) => ({ type: 'Feature' as const, properties: { i }, geometry: { type: 'Point' as const, coordinates: [117.1 + i * 1e-3, 39.1] } }));

describe('TileCutter', () => {
  it('answers a tile asked again with the same bytes, in a copy the caller may transfer', () => {
    const c = new TileCutter(pts);
    // z10 tile holding 117.1–117.15°E, 39.1°N
    const x = Math.floor(((117.12 + 180) / 360) * 1024);
    const lat = (39.1 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 1024);
    const a = c.tile(10, x, y)!;
    expect(a.byteLength).toBeGreaterThan(100);
    const copy = a.slice();
    structuredClone(a.buffer, { transfer: [a.buffer] }); // detach the first answer, as the service does
    const b = c.tile(10, x, y)!;
    expect(b).toEqual(copy);
    expect(c.tile(10, x + 5, y)).toBeNull();
  });
});

