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

describe('tile size by layer size', () => {
  it('cuts layers over 100,000 features in 256-pixel tiles (extent 2048), others in 512 (4096)', async () => {
    const { tileSizeFor } = await import('./tileCutter');
    expect(tileSizeFor(100_000)).toBe(512);
    expect(tileSizeFor(100_001)).toBe(256);
    const { PbfReader } = await import('pbf');
    const { VectorTile } = await import('@mapbox/vector-tile');
    const many = Array.from({ length: 100_001 }, (_, i) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [117.1 + (i % 1000) * 1e-5, 39.1 + Math.floor(i / 1000) * 1e-5] } }));
    const t = new TileCutter(many).tile(0, 0, 0)!;
    expect(new VectorTile(new PbfReader(t)).layers.features.extent).toBe(2048);
    expect(new VectorTile(new PbfReader(new TileCutter(pts).tile(0, 0, 0)!)).layers.features.extent).toBe(4096);
  });
});
