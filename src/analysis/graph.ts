// A walk network built from a line layer, in the EPSG:4548 plane. Lines are
// noded where they cross or where one ends on another (segment pairs found
// with a flatbush index over segment boxes), unless they lie on different
// levels: bridges and tunnels (`layer`, `bridge`, `tunnel`, or an attribute the
// planner names) cross other streets without meeting them, and join them only
// at their own ends. Vertices closer than the snap tolerance merge. Every
// piece is an undirected edge weighted by its true length (plane length / k).
// Adjacency is stored as CSR typed arrays.
import Flatbush from 'flatbush';
import type { FeatureCollection, GeoJsonProperties } from 'geojson';
import { geometryParts } from './geo.ts';
import { gkFrame, type PlaneFrame } from './gk.ts';

export interface WalkGraph {
  frame: PlaneFrame;
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
  /** Vertices closer than this (metres) become one node; ends this close to a line join it. Default 1 m. */
  snapToleranceM?: number;
  /**
   * Attribute whose value is the line's level: lines of different values never
   * meet except at line ends. Default: `layer`, else `bridge` / `tunnel`.
   */
  levelAttribute?: string;
}

const NO = new Set(['', '0', 'no', 'false', 'f', 'n', '否', 'null', 'none']);
const truthy = (v: unknown) => v !== undefined && v !== null && v !== false && !NO.has(String(v).trim().toLowerCase());

/** The level a line lies on, as a key: lines meet mid-way only on equal keys. */
export function levelOf(props: GeoJsonProperties, attr?: string): string {
  const p = props ?? {};
  if (attr) {
    const v = p[attr];
    return truthy(v) ? `=${String(v).trim()}` : '0';
  }
  const layer = p.layer;
  if (layer !== undefined && layer !== null && String(layer).trim() !== '' && Number(layer) !== 0) return `L${String(layer).trim()}`;
  if (truthy(p.bridge)) return 'bridge';
  if (truthy(p.tunnel)) return 'tunnel';
  return '0';
}

/** Point scale factor of the plane from the easting alone (Gauss–Krüger, error < 1e-6 in Tianjin). */
export const kAtX = (x: number) => 1 + (x - 500000) ** 2 / (2 * 6371000 ** 2);

/** 31-bit hash of a 2-D cell (a small integer key keeps the Map fast; collisions only share a bucket). */
const cellKey = (ix: number, iy: number) => (Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663)) & 0x7fffffff;
const ANY = -1;

interface Segments {
  ax: number[]; ay: number[]; bx: number[]; by: number[];
  alon: number[]; alat: number[]; blon: number[]; blat: number[];
  level: number[];
  aEnd: boolean[]; bEnd: boolean[];
}

function collectSegments(lines: FeatureCollection, frame: PlaneFrame, attr?: string): Segments {
  const s: Segments = { ax: [], ay: [], bx: [], by: [], alon: [], alat: [], blon: [], blat: [], level: [], aEnd: [], bEnd: [] };
  const levels = new Map<string, number>();
  for (const f of lines.features) {
    const key = levelOf(f.properties, attr);
    if (!levels.has(key)) levels.set(key, levels.size);
    const lv = levels.get(key)!;
    for (const line of geometryParts(f.geometry).lines) {
      const xy = line.map((p) => frame.toXY(p[0], p[1]));
      for (let i = 1; i < line.length; i++) {
        if (xy[i][0] === xy[i - 1][0] && xy[i][1] === xy[i - 1][1]) continue;
        s.ax.push(xy[i - 1][0]); s.ay.push(xy[i - 1][1]); s.bx.push(xy[i][0]); s.by.push(xy[i][1]);
        s.alon.push(line[i - 1][0]); s.alat.push(line[i - 1][1]); s.blon.push(line[i][0]); s.blat.push(line[i][1]);
        s.level.push(lv);
        s.aEnd.push(i === 1);
        s.bEnd.push(i === line.length - 1);
      }
    }
  }
  return s;
}

/** Growable node set with merge-by-distance and level rules. */
class Nodes {
  lon: number[] = [];
  lat: number[] = [];
  x: number[] = [];
  y: number[] = [];
  level: number[] = [];
  private buckets = new Map<number, number[]>();
  constructor(private tol: number) {}

  at(x: number, y: number, lon: number, lat: number, level: number): number {
    const tol = this.tol;
    const ix = Math.floor(x / tol);
    const iy = Math.floor(y / tol);
    let best = -1;
    let bestD = tol * tol;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.buckets.get(cellKey(ix + dx, iy + dy));
        if (!list) continue;
        for (const n of list) {
          if (level !== ANY && this.level[n] !== ANY && this.level[n] !== level) continue;
          const d = (this.x[n] - x) ** 2 + (this.y[n] - y) ** 2;
          if (d <= bestD) {
            bestD = d;
            best = n;
          }
        }
      }
    }
    if (best >= 0) {
      if (level === ANY) this.level[best] = ANY; // a line end here: anything may join it
      return best;
    }
    const id = this.x.length;
    this.lon.push(lon);
    this.lat.push(lat);
    this.x.push(x);
    this.y.push(y);
    this.level.push(level);
    const key = cellKey(ix, iy);
    const list = this.buckets.get(key);
    if (list) list.push(id);
    else this.buckets.set(key, [id]);
    return id;
  }
}

/** Parameter t of the point on A–B nearest to P, and the squared distance. */
function project(ax: number, ay: number, bx: number, by: number, px: number, py: number): [number, number] {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return [t, (ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2];
}

export function buildGraph(lines: FeatureCollection, opts: GraphOptions = {}): WalkGraph {
  const tol = Math.max(1e-6, opts.snapToleranceM ?? 1);
  const frame = gkFrame();
  const s = collectSegments(lines, frame, opts.levelAttribute);
  const n = s.ax.length;
  const splits: number[][] = Array.from({ length: n }, () => []);
  if (n > 1) {
    const index = new Flatbush(n);
    for (let i = 0; i < n; i++) {
      index.add(Math.min(s.ax[i], s.bx[i]) - tol, Math.min(s.ay[i], s.by[i]) - tol, Math.max(s.ax[i], s.bx[i]) + tol, Math.max(s.ay[i], s.by[i]) + tol);
    }
    index.finish();
    const tol2 = tol * tol;
    // an end of segment i lying on the interior of segment j splits j
    const endOn = (i: number, end: 'a' | 'b', j: number) => {
      const px = end === 'a' ? s.ax[i] : s.bx[i];
      const py = end === 'a' ? s.ay[i] : s.by[i];
      const lineEnd = end === 'a' ? s.aEnd[i] : s.bEnd[i];
      if (!lineEnd && s.level[i] !== s.level[j]) return;
      const [t, d2] = project(s.ax[j], s.ay[j], s.bx[j], s.by[j], px, py);
      if (d2 > tol2) return;
      const len = Math.hypot(s.bx[j] - s.ax[j], s.by[j] - s.ay[j]);
      if (t * len <= tol || (1 - t) * len <= tol) return; // at j's own end: the node merge joins them
      splits[j].push(t);
    };
    for (let i = 0; i < n; i++) {
      const found = index.search(Math.min(s.ax[i], s.bx[i]), Math.min(s.ay[i], s.by[i]), Math.max(s.ax[i], s.bx[i]), Math.max(s.ay[i], s.by[i]));
      for (const j of found) {
        if (j <= i) continue;
        endOn(i, 'a', j);
        endOn(i, 'b', j);
        endOn(j, 'a', i);
        endOn(j, 'b', i);
        if (s.level[i] !== s.level[j]) continue;
        // proper crossing of the two interiors
        const rx = s.bx[i] - s.ax[i];
        const ry = s.by[i] - s.ay[i];
        const qx = s.bx[j] - s.ax[j];
        const qy = s.by[j] - s.ay[j];
        const den = rx * qy - ry * qx;
        if (den === 0) continue;
        const wx = s.ax[j] - s.ax[i];
        const wy = s.ay[j] - s.ay[i];
        const t = (wx * qy - wy * qx) / den;
        const u = (wx * ry - wy * rx) / den;
        const li = Math.hypot(rx, ry);
        const lj = Math.hypot(qx, qy);
        if (t * li > tol && (1 - t) * li > tol && u * lj > tol && (1 - u) * lj > tol) {
          splits[i].push(t);
          splits[j].push(u);
        }
      }
    }
  }
  const nodes = new Nodes(tol);
  const ea: number[] = [];
  const eb: number[] = [];
  const el: number[] = [];
  const addEdge = (a: number, b: number) => {
    if (a === b) return;
    ea.push(a);
    eb.push(b);
    el.push(Math.hypot(nodes.x[b] - nodes.x[a], nodes.y[b] - nodes.y[a]) / kAtX((nodes.x[a] + nodes.x[b]) / 2));
  };
  let lastB = -1;
  for (let i = 0; i < n; i++) {
    const lv = s.level[i];
    // a segment continuing its line starts at the previous segment's end node
    const cont = i > 0 && !s.aEnd[i] && lastB >= 0 && s.ax[i] === s.bx[i - 1] && s.ay[i] === s.by[i - 1];
    let prev = cont ? lastB : nodes.at(s.ax[i], s.ay[i], s.alon[i], s.alat[i], s.aEnd[i] ? ANY : lv);
    const ts = splits[i].sort((a, b) => a - b);
    for (const t of ts) {
      const x = s.ax[i] + t * (s.bx[i] - s.ax[i]);
      const y = s.ay[i] + t * (s.by[i] - s.ay[i]);
      const [lon, lat] = frame.toLonLat(x, y);
      const node = nodes.at(x, y, lon, lat, lv);
      addEdge(prev, node);
      prev = node;
    }
    lastB = nodes.at(s.bx[i], s.by[i], s.blon[i], s.blat[i], s.bEnd[i] ? ANY : lv);
    addEdge(prev, lastB);
  }
  return assemble(frame, nodes, ea, eb, el);
}

/** CSR adjacency from node and edge lists. */
export function assemble(
  frame: PlaneFrame,
  nodes: { lon: ArrayLike<number>; lat: ArrayLike<number>; x: ArrayLike<number>; y: ArrayLike<number> },
  ea: ArrayLike<number>,
  eb: ArrayLike<number>,
  el: ArrayLike<number>,
): WalkGraph {
  const nodeCount = nodes.x.length;
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
    frame,
    nodeCount,
    edgeCount,
    lon: Float64Array.from(nodes.lon),
    lat: Float64Array.from(nodes.lat),
    x: Float64Array.from(nodes.x),
    y: Float64Array.from(nodes.y),
    edgeA: Int32Array.from(ea),
    edgeB: Int32Array.from(eb),
    edgeLen: Float64Array.from(el),
    adjStart,
    adjNode,
    adjLen,
  };
}

/** A flatbush index over the graph's edges (their boxes). */
export function indexEdges(g: WalkGraph): Flatbush | null {
  if (g.edgeCount === 0) return null;
  const index = new Flatbush(g.edgeCount);
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    index.add(Math.min(g.x[a], g.x[b]), Math.min(g.y[a], g.y[b]), Math.max(g.x[a], g.x[b]), Math.max(g.y[a], g.y[b]));
  }
  index.finish();
  return index;
}

/** The point of the network nearest to plane (x, y) within maxDist metres (plane): edge, parameter, plane distance; or null. */
export function nearestOnEdge(g: WalkGraph, index: Flatbush | null, x: number, y: number, maxDist: number): { edge: number; t: number; d: number } | null {
  if (!index) return null;
  const r = Number.isFinite(maxDist) ? maxDist : 1e12;
  let best: { edge: number; t: number; d: number } | null = null;
  for (const e of index.search(x - r, y - r, x + r, y + r)) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    const [t, d2] = project(g.x[a], g.y[a], g.x[b], g.y[b], x, y);
    const d = Math.sqrt(d2);
    if (d <= r && (!best || d < best.d || (d === best.d && e < best.edge))) best = { edge: e, t, d };
  }
  return best;
}
