import { describe, expect, it } from 'vitest';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { traceClasses, type TracedPolygon } from './trace.ts';
import { traceRuns, type ClassRuns } from './traceRuns.ts';
import { rng } from './testgeoTrue.ts';
import { tracedGeometry } from './testTraced.ts';

/** The cells of `cls` in a w×h mask as row runs of a window starting at grid row `row0`, columns shifted by `col0`. */
function runsOf(mask: Uint8Array, w: number, h: number, cls: number, row0 = 0, col0 = 0): ClassRuns {
  const rowStart = new Int32Array(h + 1);
  const c0: number[] = [];
  const c1: number[] = [];
  for (let y = 0; y < h; y++) {
    rowStart[y] = c0.length;
    for (let x = 0; x < w; x++) {
      if (mask[y * w + x] !== cls) continue;
      if (x > 0 && mask[y * w + x - 1] === cls) c1[c1.length - 1] = x + 1 + col0;
      else {
        c0.push(x + col0);
        c1.push(x + 1 + col0);
      }
    }
  }
  rowStart[h] = c0.length;
  return { row0, rowStart, c0: Int32Array.from(c0), c1: Int32Array.from(c1) };
}

/** Polygons in a comparable form: each ring rotated to its smallest vertex, rings and polygons sorted. */
function canonical(polys: TracedPolygon[], dx = 0, dy = 0): string[] {
  return polys
    .map((poly) => {
      const rings = poly.map((r) => {
        const pts: string[] = [];
        for (let i = 0; i < r.length; i += 2) pts.push(`${r[i] + dx},${r[i + 1] + dy}`);
        let best = 0;
        for (let i = 1; i < pts.length; i++) if (pts[i] < pts[best]) best = i;
        return [...pts.slice(best), ...pts.slice(0, best)].join(' ');
      });
      return [rings[0], ...rings.slice(1).sort()].join(' | ');
    })
    .sort();
}

describe('tracing row runs into polygons', () => {
  it('draws exactly the polygons the mask tracer draws, on random masks with holes, pinches and a window offset', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const rand = rng(seed);
      const w = 3 + Math.floor(rand() * 30);
      const h = 3 + Math.floor(rand() * 30);
      const fill = 0.2 + 0.6 * rand();
      const mask = new Uint8Array(w * h).map(() => (rand() < 0.1 ? 255 : rand() < fill ? 1 : 0));
      const byMask = traceClasses(mask, w, h, [1, 0]);
      [1, 0].forEach((cls, i) => {
        const polys = traceRuns(runsOf(mask, w, h, cls, 7, 11));
        expect(canonical(polys), `seed ${seed} class ${cls}`).toEqual(canonical(byMask[i], 11, 7));
        const geom = tracedGeometry(polys);
        expect(new IsValidOp(geom).isValid(), `seed ${seed} class ${cls}`).toBe(true);
        expect(geom.getArea()).toBeCloseTo(mask.filter((v) => v === cls).length, 9);
      });
    }
  });

  it('keeps a pocket as a hole and splits a diagonal pinch into two squares', () => {
    // 1 1 1
    // 1 0 1
    // 1 1 1
    const ring = traceRuns(runsOf(Uint8Array.from([1, 1, 1, 1, 0, 1, 1, 1, 1]), 3, 3, 1));
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(2);
    const pinch = traceRuns(runsOf(Uint8Array.from([0, 1, 1, 0]), 2, 2, 1));
    expect(pinch).toHaveLength(2);
  });

  it('treats runs that touch as one stretch', () => {
    // one 4×2 block given as two touching runs per row
    const cls: ClassRuns = { row0: 0, rowStart: Int32Array.from([0, 2, 4]), c0: Int32Array.from([0, 2, 0, 3]), c1: Int32Array.from([2, 4, 3, 4]) };
    expect(traceRuns(cls)).toEqual([[[4, 0, 4, 2, 0, 2, 0, 0]]]);
  });

  it('costs steps per run end, not per cell: one run a million cells wide is a four-vertex ring', () => {
    const cls: ClassRuns = { row0: 0, rowStart: Int32Array.from([0, 1, 2]), c0: Int32Array.from([0, 0]), c1: Int32Array.from([1e6, 1e6]) };
    expect(traceRuns(cls)).toEqual([[[1e6, 0, 1e6, 2, 0, 2, 0, 0]]]);
  });
});
