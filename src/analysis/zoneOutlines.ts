// A zone's covered and uncovered cells back into polygons: the zone's runs are
// split by the covered runs into two classes of row runs, each traced straight
// from its runs (traceRuns.ts), so the work follows the run ends, not the
// zone's area, and the two outlines share every edge.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { round6 } from './geo.ts';
import type { LonLatOf } from './gk.ts';
import type { Grid } from './raster.ts';
import type { RowRuns } from './runs.ts';
import { traceRuns, type ClassRuns } from './traceRuns.ts';
import type { ZoneRuns } from './zones.ts';

export interface ZoneShapes {
  covered: MultiPolygon['coordinates'];
  uncovered: MultiPolygon['coordinates'];
}

/** Runs of one class over a window of rows, filled row by row in column order (growable). */
class ClassBuilder {
  c0 = new Int32Array(256);
  c1 = new Int32Array(256);
  n = 0;
  /** index of the current row's first run */
  rowFirst = 0;
  readonly rowStart: Int32Array;

  constructor(
    readonly row0: number,
    rows: number,
  ) {
    this.rowStart = new Int32Array(rows + 1);
  }

  startRow(r: number): void {
    this.rowStart[r] = this.rowFirst = this.n;
  }

  push(a: number, b: number): void {
    if (this.n > this.rowFirst && this.c1[this.n - 1] === a) {
      this.c1[this.n - 1] = b; // touches the previous run: one run
      return;
    }
    if (this.n === this.c0.length) {
      const c0 = new Int32Array(2 * this.n);
      const c1 = new Int32Array(2 * this.n);
      c0.set(this.c0);
      c1.set(this.c1);
      this.c0 = c0;
      this.c1 = c1;
    }
    this.c0[this.n] = a;
    this.c1[this.n++] = b;
  }

  done(): ClassRuns {
    this.rowStart[this.rowStart.length - 1] = this.n;
    return { row0: this.row0, rowStart: this.rowStart, c0: this.c0, c1: this.c1 };
  }
}

/**
 * Polygons of a zone's covered and uncovered cells, in lon/lat: cell-edge
 * outlines, so both share every edge. Traced from the runs (traceRuns.ts), so
 * the cost follows the run ends, not the zone's area.
 */
export function zoneShapes(g: Grid, toLonLat: LonLatOf, zr: ZoneRuns, covered: RowRuns, z: number): ZoneShapes {
  const [bx0, by0, bx1, by1] = zr.bbox.subarray(4 * z, 4 * z + 4);
  if (bx1 <= bx0 || by1 <= by0) return { covered: [], uncovered: [] };
  const cov = new ClassBuilder(by0, by1 - by0);
  const unc = new ClassBuilder(by0, by1 - by0);
  for (let row = by0; row < by1; row++) {
    cov.startRow(row - by0);
    unc.startRow(row - by0);
    const end = covered.rowStart[row + 1];
    for (let k = zr.rowStart[row]; k < zr.rowStart[row + 1]; k++) {
      if (zr.zone[k] !== z) continue;
      const a = zr.c0[k];
      const b = zr.c1[k];
      let x = a; // cells a .. x-1 are placed
      let j = covered.rowStart[row];
      while (j < end && covered.c1[j] <= a) j++;
      for (; j < end && covered.c0[j] < b; j++) {
        const s = Math.max(a, covered.c0[j]);
        const e = Math.min(b, covered.c1[j]);
        if (s > x) unc.push(x, s);
        cov.push(s, e);
        x = e;
      }
      if (b > x) unc.push(x, b);
    }
  }
  const ll: [number, number] = [0, 0];
  const unproject = (polys: number[][][]): Polygon['coordinates'][] =>
    polys.map((poly) =>
      poly.map((ring) => {
        const out: Position[] = [];
        for (let i = 0; i < ring.length; i += 2) {
          toLonLat(g.x0 + ring[i] * g.cell, g.y0 + ring[i + 1] * g.cell, ll);
          out.push([round6(ll[0]), round6(ll[1])]);
        }
        out.push(out[0]);
        return out;
      }),
    );
  return { covered: unproject(traceRuns(cov.done())), uncovered: unproject(traceRuns(unc.done())) };
}
