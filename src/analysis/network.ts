// Network mode: walk along a line layer from every facility at once. One
// multi-source Dijkstra (binary heap on typed arrays, lazy deletion) cut off at
// the walking distance, then the reached edges (partial edges cut where the
// remaining distance runs out), then a coverage surface = reached edges
// buffered by a service width, computed with the grid method of coverage.ts.
import type { FeatureCollection, LineString, Position } from 'geojson';
import { coverageSteps, type CoverageOptions, type CoverageResult } from './coverage.ts';
import { geometryParts, haversineM, projectX, projectY, round6 } from './geo.ts';
import { buildGraph, indexNodes, nearestNode, type WalkGraph } from './graph.ts';
import { runSync, type Steps } from './steps.ts';

export interface Sources {
  node: Int32Array;
  /** index of the facility (feature) each source belongs to */
  facility: Int32Array;
  /** distance already walked when reaching the node (the snap distance) */
  dist: Float64Array;
  /** facilities with no node within maxSnapM */
  unsnapped: number;
}

/**
 * Snap every facility to its nearest node. A point is one source; a line or a
 * polygon contributes each of its vertices (so a park is entered from any of
 * its corners). The snap distance counts as walked.
 */
export function snapFacilities(g: WalkGraph, facilities: FeatureCollection, maxSnapM = 300): Sources {
  const idx = indexNodes(g);
  const nodes: number[] = [];
  const dists: number[] = [];
  const owners: number[] = [];
  let unsnapped = 0;
  for (const [fi, f] of facilities.features.entries()) {
    const parts = geometryParts(f.geometry);
    const pts: Position[] = [...parts.points, ...parts.lines.flat(), ...parts.polygons.flat(2)];
    let any = false;
    for (const p of pts) {
      const n = nearestNode(g, idx, projectX(g.proj, p[0]), projectY(g.proj, p[1]), maxSnapM);
      if (n < 0) continue;
      any = true;
      nodes.push(n);
      owners.push(fi);
      dists.push(haversineM(p, [g.lon[n], g.lat[n]]));
    }
    if (!any && pts.length) unsnapped++;
  }
  return { node: Int32Array.from(nodes), facility: Int32Array.from(owners), dist: Float64Array.from(dists), unsnapped };
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
  /** Facilities farther than this from every node are left out (default 300 m). */
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
  reachedNodes: number;
  /** reached nodes: position and walking distance */
  nodes: { lon: Float64Array; lat: Float64Array; dist: Float64Array };
  reachedEdges: FeatureCollection<LineString>;
  reachedLengthM: number;
  coverage: CoverageResult | null;
}

export function* networkSteps(p: NetworkParams): Steps<NetworkResult> {
  const g = buildGraph(p.network, { snapToleranceM: p.snapToleranceM });
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
    const strip = yield* coverageSteps({ facilities: edges.lines, radiusM: p.serviceWidthM ?? 50, area: p.area, options: { ...opts, groupProperty: 'facility' } });
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
