// Outline tracing straight from row runs: the same polygons as traceClasses
// (trace.ts) draws from a cell mask, at a cost that follows the boundary (one
// step per run end, one per horizontal stretch) instead of the area. A zone
// of 10⁶ cells with a few small covered spots is traced in the time its
// few thousand run ends take.
//
// Cell (col, row) spans [col, col+1] × [row, row+1], y up. Boundary edges run
// with the class on their left (outer rings counter-clockwise, holes
// clockwise); at a saddle vertex the walk turns left, so the class is
// 4-connected, as in trace.ts.
import { assemblePolygons, vertexKey, type TracedPolygon } from './trace.ts';

/** A class as disjoint runs [c0, c1) per row (they may touch), sorted by c0; row r of the window is grid row `row0 + r`. */
export interface ClassRuns {
  row0: number;
  /** runs of window row r: rowStart[r] .. rowStart[r+1]-1 */
  rowStart: Int32Array;
  c0: Int32Array;
  c1: Int32Array;
}

// directions, counter-clockwise: east, north, west (2), south
const E = 0;
const N = 1;
const S = 3;

/**
 * Trace a class given as row runs into polygons of flat [x, y, ...] rings
 * (grid columns and rows, not closed; first ring outer).
 */
export function traceRuns(cls: ClassRuns): TracedPolygon[] {
  const { row0, rowStart, c0, c1 } = cls;
  const h = rowStart.length - 1;
  const done = new Uint8Array(c0.length); // the run's right end (a northward edge) is walked
  // the first run of window row r ending after col (rowStart[r+1] if none)
  const after = (r: number, col: number): number => {
    let lo = rowStart[r];
    let hi = rowStart[r + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c1[mid] <= col) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // index of the run of window row r that holds col, or -1
  const runAt = (r: number, col: number): number => {
    if (r < 0 || r >= h) return -1;
    const k = after(r, col);
    return k < rowStart[r + 1] && c0[k] <= col ? k : -1;
  };
  // cells col - 1 and col of window row r, as bits 1 and 2
  const pair = (r: number, col: number): number => {
    if (r < 0 || r >= h) return 0;
    const k = after(r, col - 1);
    const end = rowStart[r + 1];
    if (k === end) return 0;
    if (c0[k] > col - 1) return c0[k] === col ? 2 : 0;
    return c1[k] > col || (k + 1 < end && c0[k + 1] === col) ? 3 : 1;
  };
  // the next run boundary of window row r after col (or the last before it): the jumps along a row line
  const nextEdge = (r: number, col: number): number => {
    if (r < 0 || r >= h) return Infinity;
    const k = after(r, col);
    return k === rowStart[r + 1] ? Infinity : c0[k] > col ? c0[k] : c1[k];
  };
  const prevEdge = (r: number, col: number): number => {
    if (r < 0 || r >= h) return -Infinity;
    const k = after(r, col - 1);
    if (k < rowStart[r + 1] && c0[k] < col) return c0[k]; // the run holding col - 1 starts before col
    return k > rowStart[r] ? c1[k - 1] : -Infinity;
  };
  const rings: number[][] = [];
  const pinched: (boolean | Set<number>)[] = [];
  const saddles: number[] = [];
  for (let r = 0; r < h; r++) {
    for (let k0 = rowStart[r]; k0 < rowStart[r + 1]; k0++) {
      if (done[k0] || (k0 + 1 < rowStart[r + 1] && c0[k0 + 1] === c1[k0])) continue; // walked, or no boundary (the next run touches)
      // walk from the run's right end, heading north from (c1, r)
      const sx = c1[k0];
      const sy = r;
      const ring: number[] = [sx, sy + row0];
      let x = sx;
      let y = sy;
      let d = N;
      saddles.length = 0;
      for (;;) {
        // move one edge (north/south) or one stretch (east/west) in direction d
        if (d === N) {
          done[runAt(y, x - 1)] = 1;
          y++;
        } else if (d === S) y--;
        else if (d === E) x = Math.min(nextEdge(y, x), nextEdge(y - 1, x));
        else x = Math.max(prevEdge(y, x), prevEdge(y - 1, x));
        // the four cells around vertex (x, y); arriving north or south, one row is known already
        const below = d === N ? 1 : pair(y - 1, x);
        const above = d === S ? 2 : pair(y, x);
        const sw = (below & 1) !== 0;
        const se = (below & 2) !== 0;
        const nw = (above & 1) !== 0;
        const ne = (above & 2) !== 0;
        if (sw === ne && se === nw && sw !== se) saddles.push(vertexKey(x, y + row0)); // a ring can pass twice only here
        // boundary edges leaving the vertex, as bits 1 << direction; turn left if the boundary
        // does, else go straight, else turn right
        const outs = (ne && !se ? 1 : 0) | (nw && !ne ? 2 : 0) | (sw && !nw ? 4 : 0) | (se && !sw ? 8 : 0);
        const left = (d + 1) & 3;
        const nd = outs & (1 << left) ? left : outs & (1 << d) ? d : (d + 3) & 3;
        if (x === sx && y === sy && nd === N) {
          if (d === N) ring.splice(0, 2);
          break;
        }
        if (nd !== d) ring.push(x, y + row0);
        d = nd;
      }
      rings.push(ring);
      pinched.push(repeatedOf(saddles));
    }
  }
  return assemblePolygons(rings, pinched);
}

/** The keys that occur more than once, or false when none does. */
function repeatedOf(keys: number[]): Set<number> | false {
  if (keys.length < 2) return false;
  const seen = new Set<number>();
  let twice: Set<number> | false = false;
  for (const k of keys) {
    if (seen.has(k)) (twice ||= new Set<number>()).add(k);
    seen.add(k);
  }
  return twice;
}
