// Row-span rasterisation on a regular metric grid. A cell belongs to a shape when
// its centre does; every shape is reported as runs [c0, c1) per row, so callers
// can fill bitsets with TypedArray.fill and never visit cells one by one.

/** A grid of square cells in projected metres. Cell (col, row) has its centre at
 *  (x0 + (col + 0.5)·cell, y0 + (row + 0.5)·cell); row 0 is the southern-most. */
export interface Grid {
  x0: number;
  y0: number;
  cell: number;
  w: number;
  h: number;
}

export type SpanFn = (row: number, c0: number, c1: number) => void;

export function makeGrid(minX: number, minY: number, maxX: number, maxY: number, cell: number): Grid {
  const w = Math.max(1, Math.ceil((maxX - minX) / cell));
  const h = Math.max(1, Math.ceil((maxY - minY) / cell));
  return { x0: minX, y0: minY, cell, w, h };
}

/** First column whose centre is ≥ x (may be outside the grid). */
function colFrom(g: Grid, x: number): number {
  return Math.ceil((x - g.x0) / g.cell - 0.5);
}

/** Rows whose centre lies in [ya, yb], clamped to the grid. */
function rowRange(g: Grid, ya: number, yb: number): [number, number] {
  const r0 = Math.max(0, Math.ceil((ya - g.y0) / g.cell - 0.5));
  const r1 = Math.min(g.h - 1, Math.floor((yb - g.y0) / g.cell - 0.5));
  return [r0, r1];
}

function emit(g: Grid, row: number, xa: number, xb: number, fn: SpanFn): void {
  // Cells with centre in [xa, xb]
  const c0 = Math.max(0, colFrom(g, xa));
  const c1 = Math.min(g.w, Math.floor((xb - g.x0) / g.cell - 0.5) + 1);
  if (c1 > c0) fn(row, c0, c1);
}

/**
 * Even-odd scanline fill of a set of rings given as flat [x, y, x, y, ...]
 * arrays (closing vertex optional). Holes and multi-part polygons work because
 * every ring of the shape is passed together.
 */
export function fillRings(g: Grid, rings: Float64Array[], fn: SpanFn): void {
  // only the rows the rings span are allocated (a small polygon on a tall grid stays cheap)
  let ymin = Infinity;
  let ymax = -Infinity;
  for (const r of rings) {
    for (let i = 1; i < r.length; i += 2) {
      if (r[i] < ymin) ymin = r[i];
      if (r[i] > ymax) ymax = r[i];
    }
  }
  const base = Math.max(0, Math.ceil((ymin - g.y0) / g.cell - 0.5));
  const top = Math.min(g.h, Math.ceil((ymax - g.y0) / g.cell - 0.5));
  const nr = top - base;
  if (!(nr > 0)) return;
  let xs = new Float64Array(0);
  let fillPos = new Int32Array(0);
  // crossings per row: counted in a first pass over the edges, stored in a second
  const counts = new Int32Array(nr + 1);
  for (let pass = 0; pass < 2; pass++) {
    for (const r of rings) {
      const n = r.length >> 1;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const xa = r[2 * j];
        const ya = r[2 * j + 1];
        const xb = r[2 * i];
        const yb = r[2 * i + 1];
        if (ya === yb) continue;
        const lo = ya < yb ? ya : yb;
        const hi = ya < yb ? yb : ya;
        // rows with centre in [lo, hi): half-open so shared vertices count once
        const r0 = Math.max(base, Math.ceil((lo - g.y0) / g.cell - 0.5));
        const r1 = Math.min(top, Math.ceil((hi - g.y0) / g.cell - 0.5));
        if (pass === 0) {
          for (let row = r0; row < r1; row++) counts[row - base + 1]++;
          continue;
        }
        const slope = (xb - xa) / (yb - ya);
        for (let row = r0; row < r1; row++) xs[fillPos[row - base]++] = xa + (g.y0 + (row + 0.5) * g.cell - ya) * slope;
      }
    }
    if (pass === 0) {
      for (let i = 0; i < nr; i++) counts[i + 1] += counts[i];
      xs = new Float64Array(counts[nr]);
      fillPos = counts.slice(0, nr);
    }
  }
  for (let row = 0; row < nr; row++) {
    const a = counts[row];
    const b = counts[row + 1];
    if (b - a < 2) continue;
    // insertion sort: a row crosses a ring a few times (a typed-array sort for long rows)
    if (b - a > 32) xs.subarray(a, b).sort();
    else insertionSort(xs, a, b);
    for (let k = a; k + 1 < b; k += 2) {
      // centre in [xa, xb): use colFrom for both ends (half-open)
      const c0 = Math.max(0, colFrom(g, xs[k]));
      const c1 = Math.min(g.w, colFrom(g, xs[k + 1]));
      if (c1 > c0) fn(row + base, c0, c1);
    }
  }
}

function insertionSort(xs: Float64Array, a: number, b: number): void {
  for (let k = a + 1; k < b; k++) {
    const v = xs[k];
    let q = k - 1;
    while (q >= a && xs[q] > v) {
      xs[q + 1] = xs[q];
      q--;
    }
    xs[q + 1] = v;
  }
}

/** Cells whose centre is within r of (cx, cy). */
export function discSpans(g: Grid, cx: number, cy: number, r: number, fn: SpanFn): void {
  const [r0, r1] = rowRange(g, cy - r, cy + r);
  const r2 = r * r;
  for (let row = r0; row <= r1; row++) {
    const dy = g.y0 + (row + 0.5) * g.cell - cy;
    const hw = Math.sqrt(Math.max(0, r2 - dy * dy));
    emit(g, row, cx - hw, cx + hw, fn);
  }
}

/**
 * Cells whose centre is within r of the segment A–B (a capsule). A capsule is
 * convex, so each row meets it in one interval: the hull of the intervals cut
 * from the two end discs and from the band of points that project inside A–B.
 */
export function capsuleSpans(
  g: Grid,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
  fn: SpanFn,
): void {
  const dx = bx - ax;
  const dy = by - ay;
  const len = Math.hypot(dx, dy);
  if (len === 0) {
    discSpans(g, ax, ay, r, fn);
    return;
  }
  const ux = dx / len;
  const uy = dy / len;
  const [r0, r1] = rowRange(g, Math.min(ay, by) - r, Math.max(ay, by) + r);
  const r2 = r * r;
  for (let row = r0; row <= r1; row++) {
    const yc = g.y0 + (row + 0.5) * g.cell;
    let lo = Infinity;
    let hi = -Infinity;
    let d = yc - ay;
    if (d * d <= r2) {
      const hw = Math.sqrt(r2 - d * d);
      lo = ax - hw;
      hi = ax + hw;
    }
    d = yc - by;
    if (d * d <= r2) {
      const hw = Math.sqrt(r2 - d * d);
      lo = Math.min(lo, bx - hw);
      hi = Math.max(hi, bx + hw);
    }
    // Band: |cross| ≤ r and 0 ≤ along ≤ len, with along = ux(x-ax)+uy(y-ay),
    // cross = ux(y-ay) - uy(x-ax); both linear in x along the row.
    let bl = -Infinity;
    let bh = Infinity;
    const yy = yc - ay;
    if (uy !== 0) {
      // cross(x) = ux*yy - uy*(x-ax) in [-r, r]
      const xa = ax + (ux * yy - r) / uy;
      const xb = ax + (ux * yy + r) / uy;
      bl = Math.max(bl, Math.min(xa, xb));
      bh = Math.min(bh, Math.max(xa, xb));
    } else if (Math.abs(ux * yy) > r) {
      bh = -Infinity;
    }
    if (ux !== 0) {
      // along(x) = ux*(x-ax) + uy*yy in [0, len]
      const xa = ax + (0 - uy * yy) / ux;
      const xb = ax + (len - uy * yy) / ux;
      bl = Math.max(bl, Math.min(xa, xb));
      bh = Math.min(bh, Math.max(xa, xb));
    } else {
      const along = uy * yy;
      if (along < 0 || along > len) bh = -Infinity;
    }
    if (bh >= bl) {
      lo = Math.min(lo, bl);
      hi = Math.max(hi, bh);
    }
    if (hi >= lo) emit(g, row, lo, hi, fn);
  }
}
