// Run-length rows: a shape on the grid as runs [c0, c1) per row, stored CSR by
// row. Memory grows with the number of runs (rows × boundary crossings), not
// with the number of cells, so a fine grid over all 16 districts stays small.

/** Runs of row r are indices rowStart[r] .. rowStart[r+1]-1, sorted by c0. */
export interface RowRuns {
  rowStart: Int32Array;
  c0: Int32Array;
  c1: Int32Array;
}

/** Collects spans in any order (growable typed arrays). */
export class SpanBuffer {
  row: Int32Array;
  c0: Int32Array;
  c1: Int32Array;
  n = 0;

  /** `capacity`: about how many spans will come (it grows past that by doubling). */
  constructor(capacity = 1024) {
    const c = Math.max(64, Math.min(1 << 20, Math.ceil(capacity)));
    this.row = new Int32Array(c);
    this.c0 = new Int32Array(c);
    this.c1 = new Int32Array(c);
  }

  push(row: number, c0: number, c1: number): void {
    if (this.n === this.row.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.row = grow(this.row);
      this.c0 = grow(this.c0);
      this.c1 = grow(this.c1);
    }
    this.row[this.n] = row;
    this.c0[this.n] = c0;
    this.c1[this.n] = c1;
    this.n++;
  }
}

/** Sort spans by row then c0 and merge overlapping or touching ones: the union, as row runs. */
export function unionRuns(buf: SpanBuffer, h: number): RowRuns {
  const count = new Int32Array(h + 1);
  for (let i = 0; i < buf.n; i++) count[buf.row[i] + 1]++;
  for (let r = 0; r < h; r++) count[r + 1] += count[r];
  const pos = count.slice(0, h);
  const order = new Int32Array(buf.n);
  for (let i = 0; i < buf.n; i++) order[pos[buf.row[i]]++] = i;
  const rowStart = new Int32Array(h + 1);
  const c0 = new Int32Array(buf.n);
  const c1 = new Int32Array(buf.n);
  let m = 0;
  for (let r = 0; r < h; r++) {
    rowStart[r] = m;
    const a = count[r];
    const b = count[r + 1];
    if (b === a) continue;
    // this row's spans by c0, in place in `order`: insertion sort, as a row holds a few spans
    if (b - a > 16) order.set(Array.from(order.subarray(a, b)).sort((i, j) => buf.c0[i] - buf.c0[j]), a);
    else {
      for (let k = a + 1; k < b; k++) {
        const i = order[k];
        const c = buf.c0[i];
        let q = k - 1;
        while (q >= a && buf.c0[order[q]] > c) {
          order[q + 1] = order[q];
          q--;
        }
        order[q + 1] = i;
      }
    }
    let s = buf.c0[order[a]];
    let e = buf.c1[order[a]];
    for (let k = a + 1; k < b; k++) {
      const i = order[k];
      if (buf.c0[i] <= e) {
        if (buf.c1[i] > e) e = buf.c1[i];
      } else {
        c0[m] = s;
        c1[m++] = e;
        s = buf.c0[i];
        e = buf.c1[i];
      }
    }
    c0[m] = s;
    c1[m++] = e;
  }
  rowStart[h] = m;
  return { rowStart, c0: c0.slice(0, m), c1: c1.slice(0, m) };
}

/** First run index of `row` whose end is after column a. */
function firstAfter(runs: RowRuns, row: number, a: number): number {
  let lo = runs.rowStart[row];
  let hi = runs.rowStart[row + 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs.c1[mid] <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cells of [a, b) on `row` inside the (disjoint, sorted) runs, and how many
 * run ends fall strictly inside (a, b): boundary crossings within the interval.
 */
export function overlap(runs: RowRuns, row: number, a: number, b: number, out: { len: number; ends: number }): void {
  out.len = 0;
  out.ends = 0;
  if (row < 0 || row + 1 >= runs.rowStart.length) return;
  const end = runs.rowStart[row + 1];
  for (let k = firstAfter(runs, row, a); k < end && runs.c0[k] < b; k++) {
    const s = Math.max(a, runs.c0[k]);
    const e = Math.min(b, runs.c1[k]);
    if (e > s) out.len += e - s;
    if (runs.c0[k] > a) out.ends++;
    if (runs.c1[k] < b) out.ends++;
  }
}
