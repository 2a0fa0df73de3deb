// A walk network built from a line layer: every vertex is a node (vertices
// closer than the snap tolerance merge, so lines that share or nearly share a
// vertex connect), every segment an undirected edge weighted by its geodesic
// length. Adjacency is stored as CSR typed arrays.
import type { FeatureCollection, Position } from 'geojson';
import { collectionBBox, geometryParts, haversineM, localProjection, projectX, projectY, type LocalProjection } from './geo.ts';

export interface WalkGraph {
  proj: LocalProjection;
  nodeCount: number;
  edgeCount: number;
  lon: Float64Array;
  lat: Float64Array;
  /** projected metres */
  x: Float64Array;
  y: Float64Array;
  edgeA: Int32Array;
  edgeB: Int32Array;
  edgeLen: Float64Array;
  adjStart: Int32Array;
  adjNode: Int32Array;
  adjLen: Float64Array;
}

export interface GraphOptions {
  /** Vertices closer than this (metres) become one node. Default 1 m. */
  snapToleranceM?: number;
}

/** Integer hash of a 2-D cell, exact for |ix|, |iy| < 2^25. */
const cellKey = (ix: number, iy: number) => (ix + 33554432) * 67108864 + (iy + 33554432);

export function buildGraph(lines: FeatureCollection, opts: GraphOptions = {}): WalkGraph {
  const tol = Math.max(1e-6, opts.snapToleranceM ?? 1);
  const bb = collectionBBox(lines) ?? [0, 0, 0, 0];
  const proj = localProjection((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2);
  const lon: number[] = [];
  const lat: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const buckets = new Map<number, number[]>();
  const nodeOf = (p: Position): number => {
    const x = projectX(proj, p[0]);
    const y = projectY(proj, p[1]);
    const ix = Math.floor(x / tol);
    const iy = Math.floor(y / tol);
    let best = -1;
    let bestD = tol * tol;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = buckets.get(cellKey(ix + dx, iy + dy));
        if (!list) continue;
        for (const n of list) {
          const d = (xs[n] - x) ** 2 + (ys[n] - y) ** 2;
          if (d <= bestD) {
            bestD = d;
            best = n;
          }
        }
      }
    }
    if (best >= 0) return best;
    const id = xs.length;
    lon.push(p[0]);
    lat.push(p[1]);
    xs.push(x);
    ys.push(y);
    const key = cellKey(ix, iy);
    const list = buckets.get(key);
    if (list) list.push(id);
    else buckets.set(key, [id]);
    return id;
  };
  const ea: number[] = [];
  const eb: number[] = [];
  const el: number[] = [];
  for (const f of lines.features) {
    for (const line of geometryParts(f.geometry).lines) {
      let prev = -1;
      for (const p of line) {
        const n = nodeOf(p);
        if (prev >= 0 && n !== prev) {
          ea.push(prev);
          eb.push(n);
          el.push(haversineM([lon[prev], lat[prev]], [lon[n], lat[n]]));
        }
        prev = n;
      }
    }
  }
  const nodeCount = xs.length;
  const edgeCount = ea.length;
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    adjStart[ea[e] + 1]++;
    adjStart[eb[e] + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) adjStart[i + 1] += adjStart[i];
  const pos = adjStart.slice(0, nodeCount);
  const adjNode = new Int32Array(2 * edgeCount);
  const adjLen = new Float64Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    let k = pos[ea[e]]++;
    adjNode[k] = eb[e];
    adjLen[k] = el[e];
    k = pos[eb[e]]++;
    adjNode[k] = ea[e];
    adjLen[k] = el[e];
  }
  return {
    proj,
    nodeCount,
    edgeCount,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
    edgeA: Int32Array.from(ea),
    edgeB: Int32Array.from(eb),
    edgeLen: Float64Array.from(el),
    adjStart,
    adjNode,
    adjLen,
  };
}

/** Bucketed index of the graph's nodes for nearest-node queries. */
export interface NodeIndex {
  cell: number;
  minIx: number;
  minIy: number;
  nx: number;
  ny: number;
  start: Int32Array;
  items: Int32Array;
}

export function indexNodes(g: WalkGraph, cell = 200): NodeIndex {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < g.nodeCount; i++) {
    minX = Math.min(minX, g.x[i]);
    maxX = Math.max(maxX, g.x[i]);
    minY = Math.min(minY, g.y[i]);
    maxY = Math.max(maxY, g.y[i]);
  }
  if (g.nodeCount === 0) minX = minY = maxX = maxY = 0;
  const minIx = Math.floor(minX / cell);
  const minIy = Math.floor(minY / cell);
  const nx = Math.floor(maxX / cell) - minIx + 1;
  const ny = Math.floor(maxY / cell) - minIy + 1;
  const cellOf = (i: number) => (Math.floor(g.y[i] / cell) - minIy) * nx + (Math.floor(g.x[i] / cell) - minIx);
  const start = new Int32Array(nx * ny + 1);
  for (let i = 0; i < g.nodeCount; i++) start[cellOf(i) + 1]++;
  for (let c = 0; c < nx * ny; c++) start[c + 1] += start[c];
  const pos = start.slice(0, nx * ny);
  const items = new Int32Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) items[pos[cellOf(i)]++] = i;
  return { cell, minIx, minIy, nx, ny, start, items };
}

/** Nearest node to projected (x, y) within maxDist metres, or -1. */
export function nearestNode(g: WalkGraph, idx: NodeIndex, x: number, y: number, maxDist: number): number {
  const cx = Math.floor(x / idx.cell) - idx.minIx;
  const cy = Math.floor(y / idx.cell) - idx.minIy;
  let best = -1;
  let bestD = maxDist * maxDist;
  if (g.nodeCount === 0) return -1;
  const maxRing = Math.min(Math.ceil(maxDist / idx.cell) + 1, Math.max(idx.nx, idx.ny) + Math.abs(cx) + Math.abs(cy));
  for (let ring = 0; ring <= maxRing; ring++) {
    // every point in ring k is at least (k-1)·cell away
    if (best >= 0 && ((ring - 1) * idx.cell) ** 2 > bestD) break;
    for (let iy = cy - ring; iy <= cy + ring; iy++) {
      if (iy < 0 || iy >= idx.ny) continue;
      const edge = iy === cy - ring || iy === cy + ring;
      for (let ix = cx - ring; ix <= cx + ring; ix += edge ? 1 : 2 * ring || 1) {
        if (ix < 0 || ix >= idx.nx) continue;
        const c = iy * idx.nx + ix;
        for (let k = idx.start[c]; k < idx.start[c + 1]; k++) {
          const n = idx.items[k];
          const d = (g.x[n] - x) ** 2 + (g.y[n] - y) ** 2;
          if (d < bestD || (d === bestD && n < best)) {
            bestD = d;
            best = n;
          }
        }
      }
    }
  }
  return best;
}
