// Outline tracing of a raster class into polygons with holes, plus a
// Douglas–Peucker pass that turns cell staircases into straight runs. The
// coverage outlines are traced from row runs (traceRuns.ts), which shares the
// ring assembly below; this cell-mask tracer is the reference its tests
// compare against.
//
// Cell (x, y) spans [x, x+1] × [y, y+1] in vertex units, y up. Boundary edges are
// directed with the class on their left, so outer rings run counter-clockwise
// and holes clockwise (the RFC 7946 winding). At a saddle vertex the walk turns
// left, which keeps diagonal neighbours apart: classes are 4-connected.

const E = 1;
const N = 2;
const W_ = 4;
const S = 8;
const LEFT = new Uint8Array(9);
const RIGHT = new Uint8Array(9);
LEFT[E] = N;
LEFT[N] = W_;
LEFT[W_] = S;
LEFT[S] = E;
RIGHT[E] = S;
RIGHT[S] = W_;
RIGHT[W_] = N;
RIGHT[N] = E;

/** A polygon as rings of flat [x, y, ...] vertex coordinates (not closed). */
export type TracedPolygon = number[][];

function ringArea2(r: number[]): number {
  let s = 0;
  const n = r.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) s += r[2 * j] * r[2 * i + 1] - r[2 * i] * r[2 * j + 1];
  return s;
}

function inRing(r: number[], px: number, py: number): boolean {
  let inside = false;
  const n = r.length >> 1;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = r[2 * i + 1];
    const yj = r[2 * j + 1];
    if (yi > py !== yj > py && px < ((r[2 * j] - r[2 * i]) * (py - yi)) / (yj - yi) + r[2 * i]) inside = !inside;
  }
  return inside;
}

/**
 * Trace the regions of each target class (values < 255) of a w×h mask in one
 * pass. Returns, per target, polygons of flat vertex rings (first ring outer).
 */
export function traceClasses(mask: Uint8Array, w: number, h: number, targets: number[]): TracedPolygon[][] {
  // pad with a 1-cell border of 255 and round the row up to whole 32-bit words
  const W = (w + 2 + 3) & ~3;
  const H = h + 2;
  const pm = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < h; y++) pm.set(mask.subarray(y * w, y * w + w), (y + 1) * W + 1);
  const p32 = new Uint32Array(pm.buffer);
  const W4 = W >> 2;
  const vw = W + 1;
  const nv = (vw * (H + 1) + 3) & ~3;
  const slot = new Int8Array(256).fill(-1);
  targets.forEach((t, i) => (slot[t] = i));
  const bitsOf = targets.map(() => new Uint8Array(nv));
  for (let y = 1; y < H - 1; y++) {
    const vrow = y * vw;
    for (let k = 0; k < W4; k++) {
      const a = p32[y * W4 + k];
      const v0 = a & 0xff;
      const i0 = y * W + 4 * k;
      if ((Math.imul(v0, 0x01010101) >>> 0) === a) {
        if (slot[v0] < 0) continue; // four cells of no target class
        if (a === p32[(y - 1) * W4 + k] && a === p32[(y + 1) * W4 + k] && pm[i0 - 1] === v0 && pm[i0 + 4] === v0) continue;
      }
      for (let i = i0; i < i0 + 4; i++) {
        const v = pm[i];
        const s = slot[v];
        if (s < 0) continue;
        const bits = bitsOf[s];
        const x = i - y * W;
        if (pm[i - W] !== v) bits[vrow + x] |= E;
        if (pm[i + W] !== v) bits[vrow + vw + x + 1] |= W_;
        if (pm[i - 1] !== v) bits[vrow + vw + x] |= S;
        if (pm[i + 1] !== v) bits[vrow + x + 1] |= N;
      }
    }
  }
  return bitsOf.map((bits) => linkRings(bits, vw));
}

function linkRings(bits: Uint8Array, vw: number): TracedPolygon[] {
  const step = (v: number, d: number) => (d === E ? v + 1 : d === W_ ? v - 1 : d === N ? v + vw : v - vw);
  const pick = (b: number, d: number) => (b & LEFT[d] ? LEFT[d] : b & d ? d : RIGHT[d]);
  const b32 = new Uint32Array(bits.buffer, bits.byteOffset, bits.length >> 2);
  const traced: number[][] = [];
  const pinched: boolean[] = [];
  for (let k = 0; k < b32.length; k++) {
    if (b32[k] === 0) continue;
    for (let v0 = 4 * k; v0 < 4 * k + 4; v0++) {
      while (bits[v0]) {
        const b0 = bits[v0];
        const d0 = b0 & E ? E : b0 & N ? N : b0 & W_ ? W_ : S;
        const ring: number[] = [];
        let v = v0;
        let d = d0;
        let prev = -1;
        let saddle = false;
        for (;;) {
          if (d !== prev) ring.push((v % vw) - 1, Math.floor(v / vw) - 1); // undo the padding
          bits[v] &= ~d;
          if (bits[v] !== 0) saddle = true; // another boundary leaves this vertex: the ring may come back
          v = step(v, d);
          prev = d;
          const nd = v === v0 ? pick(bits[v] | d0, d) : pick(bits[v], d);
          if (v === v0 && nd === d0) break;
          d = nd;
        }
        if (d0 === prev && ring.length > 2) ring.splice(0, 2);
        traced.push(ring);
        pinched.push(saddle);
      }
    }
  }
  return assemblePolygons(traced, pinched);
}

/**
 * Closed cell-edge rings (outer counter-clockwise, holes clockwise) into
 * polygons: rings that passed a saddle vertex (true) or that pass the given
 * vertices twice (a set, see splitPinches) are split at their pinches, and
 * each hole goes to the smallest outer ring around the cell next to it.
 */
export function assemblePolygons(rings: number[][], pinched: (boolean | Set<number>)[]): TracedPolygon[] {
  const outer: number[][] = [];
  const outerArea: number[] = [];
  const holes: { ring: number[]; px: number; py: number }[] = [];
  rings.forEach((ring, i) => {
    const p = pinched[i];
    for (const part of p === false ? [ring] : splitPinches(ring, p === true ? undefined : p)) {
      const a2 = ringArea2(part);
      if (a2 > 0) {
        outer.push(part);
        outerArea.push(a2);
      } else if (a2 < 0) {
        const [px, py] = leftCell(part);
        holes.push({ ring: part, px, py });
      }
    }
  });
  const polys: TracedPolygon[] = outer.map((r) => [r]);
  for (const hole of holes) {
    // the smallest outer ring around the cell next to the hole is its region's
    let best = -1;
    for (let i = 0; i < outer.length; i++) {
      if ((best < 0 || outerArea[i] < outerArea[best]) && (outer.length === 1 || inRing(outer[i], hole.px, hole.py))) best = i;
    }
    if (best >= 0) polys[best].push(hole.ring);
  }
  return polys;
}

/** One number per grid vertex (x < 2²⁶, y < 2²⁷: exact in a double). */
export function vertexKey(x: number, y: number): number {
  return x * 134217728 + y;
}

/**
 * Split a ring that passes through the same vertex more than once (two cells
 * of its class meeting only at a corner) into simple rings: a figure eight
 * becomes two outer rings, an inward loop a hole touching its shell at one
 * point. Both are valid OGC polygons; a self-touching ring is not.
 * `repeated`: the vertices (vertexKey) the ring is known to pass more
 * than once, when the caller knows them; only they are tracked.
 */
export function splitPinches(ring: number[], repeated?: Set<number>): number[][] {
  const n = ring.length >> 1;
  if (!repeated) {
    const seen = new Set<number>();
    let pinched = false;
    for (let i = 0; i < n && !pinched; i++) {
      const key = vertexKey(ring[2 * i], ring[2 * i + 1]);
      pinched = seen.has(key);
      seen.add(key);
    }
    if (!pinched) return [ring];
  }
  const out: number[][] = [];
  const stack: number[] = [];
  const at = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = ring[2 * i];
    const y = ring[2 * i + 1];
    const key = vertexKey(x, y);
    const p = repeated && !repeated.has(key) ? undefined : at.get(key);
    if (p !== undefined) {
      // the loop from the earlier visit back to here closes
      const loop = stack.splice(2 * (p + 1));
      loop.unshift(x, y);
      for (let j = 2; j < loop.length; j += 2) at.delete(vertexKey(loop[j], loop[j + 1]));
      if (loop.length >= 8) out.push(loop);
      continue;
    }
    if (!repeated || repeated.has(key)) at.set(key, stack.length >> 1);
    stack.push(x, y);
  }
  if (stack.length >= 8) out.push(stack);
  return out;
}

/** Centre of the cell left of the ring's first edge (a cell of the ring's class). */
function leftCell(r: number[]): [number, number] {
  const dx = Math.sign(r[2] - r[0]);
  const dy = Math.sign(r[3] - r[1]);
  return [r[0] + 0.5 * dx - 0.5 * dy, r[1] + 0.5 * dy + 0.5 * dx];
}

/** Trace every region of cells equal to `target` (< 255) in a w×h mask. */
export function traceMask(mask: Uint8Array, w: number, h: number, target: number): TracedPolygon[] {
  return traceClasses(mask, w, h, [target])[0];
}

function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  let t = l2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / l2;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on a closed ring; keeps at least 4 vertices. */
export function simplifyRing(ring: number[], tol: number): number[] {
  const n = ring.length >> 1;
  if (n <= 4 || tol <= 0) return ring;
  // split at vertex 0 and the vertex farthest from it
  let far = 0;
  let best = -1;
  for (let i = 1; i < n; i++) {
    const d = (ring[2 * i] - ring[0]) ** 2 + (ring[2 * i + 1] - ring[1]) ** 2;
    if (d > best) {
      best = d;
      far = i;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = keep[far] = keep[n] = 1;
  const X = (i: number) => ring[2 * (i % n)];
  const Y = (i: number) => ring[2 * (i % n) + 1];
  const stack: number[] = [0, far, far, n];
  const tol2 = tol * tol;
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    let idx = -1;
    let dmax = tol2;
    for (let i = a + 1; i < b; i++) {
      const d = segDist2(X(i), Y(i), X(a), Y(a), X(b), Y(b));
      if (d > dmax) {
        dmax = d;
        idx = i;
      }
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push(a, idx, idx, b);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(ring[2 * i], ring[2 * i + 1]);
  return out.length >= 8 ? out : ring;
}
