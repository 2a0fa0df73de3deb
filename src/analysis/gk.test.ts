import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import proj4 from 'proj4';
import { GK117_PROJ, gkFrame, latticeInverse, scaleFactor } from './gk.ts';
import { laea } from './testgeoTrue.ts';

describe('the EPSG:4548 plane', () => {
  it('gives exactly what the proj4 converter gives, both ways, over and around the municipality', () => {
    const conv = proj4('EPSG:4326', GK117_PROJ);
    const f = gkFrame();
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const lon = 112 + (10 * i) / 40 + 1e-7 * j;
        const lat = 35 + (8 * j) / 40 + 1e-7 * i;
        const xy = conv.forward([lon, lat]);
        expect(f.toXY(lon, lat)).toEqual(xy);
        expect(f.toLonLat(xy[0], xy[1])).toEqual(conv.inverse(xy));
      }
    }
  });

  it('maps the false easting to 117°E and round-trips', () => {
    const f = gkFrame();
    expect(f.toXY(117, 39)[0]).toBeCloseTo(500000, 3);
    const [lon, lat] = f.toLonLat(...f.toXY(117.9, 40.1));
    expect(lon).toBeCloseTo(117.9, 9);
    expect(lat).toBeCloseTo(40.1, 9);
  });

  it('gives the scale factor that distances in the plane show against an equal-area frame', () => {
    const f = gkFrame();
    for (const [lon, lat] of [[117, 39], [116.75, 38.6], [118.05, 40.2]]) {
      // a 200 m east–west step measured in a local equal-area frame (true to 1e-8 there)
      const local = laea(lon, lat);
      const a = local.at(-100, 0);
      const b = local.at(100, 0);
      const [ax, ay] = f.toXY(a[0], a[1]);
      const [bx, by] = f.toXY(b[0], b[1]);
      const k = Math.hypot(bx - ax, by - ay) / 200;
      expect(Math.abs(scaleFactor(lon, lat) - k)).toBeLessThan(2e-7);
    }
    expect(scaleFactor(118.05, 39)).toBeGreaterThan(1 + 9e-5);
  });

  it('interpolates the inverse to within 2 cm over the municipality', () => {
    const f = gkFrame();
    const inv = latticeInverse(f, 420000, 4260000, 620000, 4460000);
    for (let i = 0; i < 200; i++) {
      const x = 420000 + ((i * 7919) % 200000);
      const y = 4260000 + ((i * 104729) % 200000);
      const [lon, lat] = inv(x, y);
      expect(turf.distance([lon, lat], f.toLonLat(x, y), { units: 'meters' })).toBeLessThan(0.02);
    }
  });

  it('writes into a given pair, inside the box and outside it, computing lattice nodes only where asked', () => {
    const f = gkFrame();
    let calls = 0;
    const counted = { toXY: f.toXY, toLonLat: (x: number, y: number) => (calls++, f.toLonLat(x, y)) };
    const inv = latticeInverse(counted, 420000, 4260000, 620000, 4460000);
    const out: [number, number] = [0, 0];
    for (const [x, y] of [[500000.5, 4330000.25], [700000, 4330000]]) {
      expect(inv(x, y, out)).toBe(out);
      expect(turf.distance(out, f.toLonLat(x, y), { units: 'meters' })).toBeLessThan(0.02);
    }
    // one cell's four corners, then the exact point outside the box: not the 201 × 201 lattice
    expect(calls).toBe(5);
  });
});
