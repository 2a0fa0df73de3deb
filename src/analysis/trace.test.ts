import { describe, expect, it } from 'vitest';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { traceClasses } from './trace.ts';
import { rng } from './testgeoTrue.ts';
import { tracedGeometry } from './testTraced.ts';

describe('tracing raster classes into polygons', () => {
  it('gives valid polygons (jsts IsValidOp) whose areas are the cell counts, on random masks with corner-touching cells', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rand = rng(seed);
      const w = 4 + Math.floor(rand() * 20);
      const h = 4 + Math.floor(rand() * 20);
      const mask = new Uint8Array(w * h).map(() => (rand() < 0.15 ? 255 : rand() < 0.5 ? 1 : 0));
      const traced = traceClasses(mask, w, h, [1, 0]);
      [1, 0].forEach((cls, i) => {
        const cells = mask.filter((v) => v === cls).length;
        const geom = tracedGeometry(traced[i]);
        const op = new IsValidOp(geom);
        expect(op.isValid(), `seed ${seed} class ${cls}: ${op.getValidationError()?.toString()}`).toBe(true);
        expect(geom.getArea()).toBeCloseTo(cells, 9);
      });
    }
  });

  it('splits a diagonal pinch into two touching squares instead of one self-touching ring', () => {
    // 1 0
    // 0 1   (row 0 is the bottom)
    const traced = traceClasses(Uint8Array.from([0, 1, 1, 0]), 2, 2, [1, 0]);
    expect(traced[0]).toHaveLength(2);
    expect(traced[1]).toHaveLength(2);
  });
});
