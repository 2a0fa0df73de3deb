// Network mode: walk along a line layer from every facility at once. One
// multi-source Dijkstra (binary heap on typed arrays, lazy deletion) cut off at
// the walking distance, then the reached edges (partial edges cut where the
// remaining distance runs out), then a coverage surface = reached edges
// buffered by a service width, computed with the grid method of coverage.ts.
import type { FeatureCollection, LineString, Position } from 'geojson';
import { coverageSteps, type CoverageOptions, type CoverageResult } from './coverage.ts';
import { geometryParts, round6 } from './geo.ts';
import { assemble, buildGraph, indexEdges, kAtX, nearestOnEdge, type GraphOptions, type WalkGraph } from './graph.ts';
import { runSync, type Steps } from './steps.ts';

export interface Sources {
  node: Int32Array;
  /** index of the facility (feature) each source belongs to */
  facility: Int32Array;
  /** distance already walked when reaching the node (the snap distance) */
  dist: Float64Array;
  /** facilities with no street within maxSnapM */
  unsnapped: number;
  /** their feature indices */
  unsnappedFacilities: number[];
}

/**
 * Snap every facility to the nearest point of the network (on any segment,
 * not only at vertices) and split the edge there, so the facility's own street
 * is walked both ways from that point. A point is one source; a line or a
 * polygon contributes each of its vertices (so a park is entered from any of
 * its corners). The snap distance counts as walked. The graph is changed in
 * place: split edges are replaced by their pieces.
 */
export function snapFacilities(g: WalkGraph, facilities: FeatureCollection, maxSnapM = 300): Sources {
  const index = indexEdges(g);
  const snaps: { edge: number; t: number; d: number; owner: number }[] = [];
  const unsnappedFacilities: number[] = [];
  for (const [fi, f] of facilities.features.entries()) {
    const parts = geometryParts(f.geometry);
    const pts: Position[] = [...parts.points, ...parts.lines.flat(), ...parts.polygons.flat(2)];
    let any = false;
    for (const p of pts) {
      const [x, y] = g.frame.toXY(p[0], p[1]);
      const k = kAtX(x);
      const hit = nearestOnEdge(g, index, x, y, maxSnapM * k);
      if (!hit) continue;
      any = true;
      snaps.push({ edge: hit.edge, t: hit.t, d: hit.d / k, owner: fi });
    }
    if (!any && pts.length) unsnappedFacilities.push(fi);
  }
  // split the snapped edges at their snap points
  const lon = Array.from(g.lon);
  const lat = Array.from(g.lat);
  const xs = Array.from(g.x);
  const ys = Array.from(g.y);
  const ea = Array.from(g.edgeA);
  const eb = Array.from(g.edgeB);
  const el = Array.from(g.edgeLen);
  const byEdge = new Map<number, number[]>();
  snaps.forEach((sn, i) => {
    const list = byEdge.get(sn.edge);
    if (list) list.push(i);
    else byEdge.set(sn.edge, [i]);
  });
  const snapNode = new Int32Array(snaps.length);
  for (const [e, list] of byEdge) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    const len = g.edgeLen[e];
    list.sort((i, j) => snaps[i].t - snaps[j].t);
    let prev = a;
    let prevT = 0;
    const pieces: [number, number, number][] = [];
    for (const i of list) {
      const t = snaps[i].t;
      if (t * len <= 1e-6) {
        snapNode[i] = a;
        continue;
      }
      if ((1 - t) * len <= 1e-6) {
        snapNode[i] = b;
        continue;
      }
      if (t === prevT && prev !== a) {
        snapNode[i] = prev;
        continue;
      }
      const x = g.x[a] + t * (g.x[b] - g.x[a]);
      const y = g.y[a] + t * (g.y[b] - g.y[a]);
      const [plon, plat] = g.frame.toLonLat(x, y);
      const node = xs.length;
      lon.push(plon);
      lat.push(plat);
      xs.push(x);
      ys.push(y);
      pieces.push([prev, node, (t - prevT) * len]);
      snapNode[i] = node;
      prev = node;
      prevT = t;
    }
    if (!pieces.length) continue;
    pieces.push([prev, b, (1 - prevT) * len]);
    // the first piece takes the edge's slot, the others are appended
    [ea[e], eb[e], el[e]] = pieces[0];
    for (const [pa, pb, pl] of pieces.slice(1)) {
      ea.push(pa);
      eb.push(pb);
      el.push(pl);
    }
  }
  Object.assign(g, assemble(g.frame, { lon, lat, x: xs, y: ys }, ea, eb, el));
  return {
    node: Int32Array.from(snapNode),
    facility: Int32Array.from(snaps, (s) => s.owner),
    dist: Float64Array.from(snaps, (s) => s.d),
    unsnapped: unsnappedFacilities.length,
    unsnappedFacilities,
  };
}

/**
 * Shortest walking distance from the nearest source to every node; Infinity
 * beyond `cutoff`. When `origin` is given it receives, per node, the facility
 * of the nearest source (-1 when unreached).
 */
export function* dijkstraSteps(g: WalkGraph, src: Sources, cutoff: number, origin?: Int32Array): Steps<Float64Array> {
  const n = g.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const cap = src.node.length + g.adjNode.length + 1;
  const hKey = new Float64Array(cap);
  const hNode = new Int32Array(cap);
  let size = 0;
  const push = (node: number, key: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hKey[parent] <= key) break;
      hKey[i] = hKey[parent];
      hNode[i] = hNode[parent];
      i = parent;
    }
    hKey[i] = key;
    hNode[i] = node;
  };
  const popInto = (): void => {
    // removes the root; caller has read hKey[0]/hNode[0]
    const key = hKey[--size];
    const node = hNode[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hKey[c + 1] < hKey[c]) c++;
      if (hKey[c] >= key) break;
      hKey[i] = hKey[c];
      hNode[i] = hNode[c];
      i = c;
    }
    hKey[i] = key;
    hNode[i] = node;
  };
  for (let s = 0; s < src.node.length; s++) {
    const v = src.node[s];
    const d = src.dist[s];
    if (d <= cutoff && d < dist[v]) {
      dist[v] = d;
      if (origin) origin[v] = src.facility[s];
      push(v, d);
    }
  }
  let pops = 0;
  while (size > 0) {
    const d = hKey[0];
    const v = hNode[0];
    popInto();
    if (d > dist[v]) continue;
    for (let k = g.adjStart[v], e = g.adjStart[v + 1]; k < e; k++) {
      const u = g.adjNode[k];
      const nd = d + g.adjLen[k];
      if (nd < dist[u] && nd <= cutoff) {
        dist[u] = nd;
        if (origin) origin[u] = origin[v];
        push(u, nd);
      }
    }
    if (++pops % 65536 === 0) yield { stage: 'search', done: pops, total: n };
  }
  return dist;
}

export function multiSourceDijkstra(g: WalkGraph, src: Sources, cutoff: number): Float64Array {
  return runSync(dijkstraSteps(g, src, cutoff));
}

const lerp = (g: WalkGraph, a: number, b: number, t: number): Position => [
  round6(g.lon[a] + (g.lon[b] - g.lon[a]) * t),
  round6(g.lat[a] + (g.lat[b] - g.lat[a]) * t),
];

/**
 * The walkable parts of every edge: whole edges, or the pieces reachable from
 * either end with the distance left. Properties: `from_m`/`to_m`, the walking
 * distance at the piece's two ends.
 */
export function reachedEdges(
  g: WalkGraph,
  dist: Float64Array,
  cutoff: number,
  origin?: Int32Array,
): { lines: FeatureCollection<LineString>; lengthM: number } {
  const features: FeatureCollection<LineString>['features'] = [];
  let lengthM = 0;
  const add = (coords: Position[], from: number, to: number, len: number, node: number) => {
    lengthM += len;
    const properties: Record<string, number> = { from_m: Math.round(from * 10) / 10, to_m: Math.round(to * 10) / 10 };
    if (origin) properties.facility = origin[node];
    features.push({
      type: 'Feature',
      properties,
      geometry: { type: 'LineString', coordinates: coords },
    });
  };
  for (let e = 0; e < g.edgeCount; e++) {
    const a = g.edgeA[e];
    const b = g.edgeB[e];
    const len = g.edgeLen[e];
    const ra = cutoff - dist[a]; // Infinity distances give -Infinity: unreached
    const rb = cutoff - dist[b];
    if (ra < 0 && rb < 0) continue;
    const pa = [g.lon[a], g.lat[a]].map(round6);
    const pb = [g.lon[b], g.lat[b]].map(round6);
    if (ra >= 0 && rb >= 0 && ra + rb >= len) {
      add([pa, pb], dist[a], dist[b], len, dist[a] <= dist[b] ? a : b);
      continue;
    }
    if (ra > 0) {
      const t = Math.min(1, ra / len);
      add([pa, lerp(g, a, b, t)], dist[a], cutoff, t * len, a);
    }
    if (rb > 0) {
      const t = Math.min(1, rb / len);
      add([pb, lerp(g, b, a, t)], dist[b], cutoff, t * len, b);
    }
  }
  return { lines: { type: 'FeatureCollection', features }, lengthM };
}

export interface NetworkParams {
  /** LineString / MultiLineString features: the walk network. */
  network: FeatureCollection;
  facilities: FeatureCollection;
  /** Walking distance along the network, metres. */
  reachM: number;
  snapToleranceM?: number;
  /** Attribute giving each line's level (bridges, tunnels); default `layer`, `bridge`, `tunnel`. */
  levelAttribute?: GraphOptions['levelAttribute'];
  /** Facilities farther than this from every street are left out and listed (default 300 m). */
  maxSnapM?: number;
  /** Half-width of the strip either side of a reached street counted as covered (default 50 m). */
  serviceWidthM?: number;
  /** Assessment area; when given, the coverage of the reached streets is computed over it. */
  area?: FeatureCollection;
  coverageOptions?: CoverageOptions;
}

export interface NetworkResult {
  nodeCount: number;
  edgeCount: number;
  sourceCount: number;
  unsnapped: number;
  /** feature indices of the facilities left out (farther than maxSnapM from every street) */
  unsnappedFacilities: number[];
  reachedNodes: number;
  /** reached nodes: position and walking distance */
  nodes: { lon: Float64Array; lat: Float64Array; dist: Float64Array };
  reachedEdges: FeatureCollection<LineString>;
  reachedLengthM: number;
  coverage: CoverageResult | null;
}

export function* networkSteps(p: NetworkParams): Steps<NetworkResult> {
  const g = buildGraph(p.network, { snapToleranceM: p.snapToleranceM, levelAttribute: p.levelAttribute });
  yield { stage: 'graph', done: g.edgeCount, total: g.edgeCount };
  const src = snapFacilities(g, p.facilities, p.maxSnapM);
  const origin = new Int32Array(g.nodeCount).fill(-1);
  const dist: Float64Array = yield* dijkstraSteps(g, src, p.reachM, origin);
  const reached: number[] = [];
  for (let i = 0; i < g.nodeCount; i++) if (dist[i] <= p.reachM) reached.push(i);
  const edges = reachedEdges(g, dist, p.reachM, origin);
  yield { stage: 'edges', done: edges.lines.features.length, total: g.edgeCount };
  let coverage: CoverageResult | null = null;
  if (p.area) {
    // the strip along reached streets; per zone, the facilities whose nearest-source streets reach it
    const opts = p.coverageOptions ?? {};
    // a strip of half-width w is counted on cells of w/5 (10 m for 50 m) unless told otherwise
    const width = p.serviceWidthM ?? 50;
    const strip = yield* coverageSteps({ facilities: edges.lines, radiusM: width, area: p.area, options: { cellSize: width / 5, ...opts, groupProperty: 'facility' } });
    // and the facilities standing in each zone (a numbers-only pass with no reach)
    const at = yield* coverageSteps({ facilities: p.facilities, radiusM: 0, area: p.area, options: { cellSize: strip.cellSizeM, skipPolygons: true, idProperty: opts.idProperty } });
    coverage = {
      ...strip,
      facilityCount: at.facilityCount,
      perZone: strip.perZone.map((row, z) => ({ ...row, facilitiesInside: at.perZone[z]?.facilitiesInside ?? 0 })),
    };
  }
  return {
    nodeCount: g.nodeCount,
    edgeCount: g.edgeCount,
    sourceCount: src.node.length,
    unsnapped: src.unsnapped,
    unsnappedFacilities: src.unsnappedFacilities,
    reachedNodes: reached.length,
    nodes: {
      lon: Float64Array.from(reached, (i) => g.lon[i]),
      lat: Float64Array.from(reached, (i) => g.lat[i]),
      dist: Float64Array.from(reached, (i) => dist[i]),
    },
    reachedEdges: edges.lines,
    reachedLengthM: edges.lengthM,
    coverage,
  };
}

export function computeNetwork(p: NetworkParams): NetworkResult {
  return runSync(networkSteps(p));
}
