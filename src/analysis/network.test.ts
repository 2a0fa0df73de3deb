import { describe, expect, it } from 'vitest';
import type { Feature, Position } from 'geojson';
import { haversineM } from './geo.ts';
import { buildGraph } from './graph.ts';
import { computeNetwork, dijkstraSteps, multiSourceDijkstra, reachedEdges, snapFacilities } from './network.ts';
import { runSync } from './steps.ts';
import { at, fc, point, rect, rng } from './testgeo.ts';

const line = (...pts: Position[]): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: pts } });
const key = (p: Position | number[]) => `${p[0]},${p[1]}`;
const multiSourceDijkstraWithOrigin = (...a: Parameters<typeof dijkstraSteps>) => runSync(dijkstraSteps(...a));

/** Brute force: Floyd–Warshall over the pool points, then min over snapped sources. */
function bruteForce(pool: Position[], segs: [number, number][], facilities: Position[]): number[] {
  const n = pool.length;
  const d = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  for (const [a, b] of segs) {
    const w = haversineM(pool[a], pool[b]);
    if (w < d[a][b]) d[a][b] = d[b][a] = w;
  }
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
  const used = new Set(segs.flat());
  const best = Array<number>(n).fill(Infinity);
  for (const f of facilities) {
    let s = -1;
    for (const i of used) if (s < 0 || haversineM(f, pool[i]) < haversineM(f, pool[s])) s = i;
    const snap = haversineM(f, pool[s]);
    for (let j = 0; j < n; j++) best[j] = Math.min(best[j], snap + d[s][j]);
  }
  return best;
}

describe('multi-source Dijkstra against brute force', () => {
  it('matches Floyd–Warshall on random small graphs', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed);
      const n = 8 + Math.floor(rand() * 22);
      const pool = Array.from({ length: n }, () => at(Math.round(rand() * 3000), Math.round(rand() * 3000)));
      const segs: [number, number][] = [];
      const feats: Feature[] = [];
      const m = n + Math.floor(rand() * 2 * n);
      for (let k = 0; k < m; k++) {
        // polylines through 2–4 pool points; some as MultiLineString
        const len = 2 + Math.floor(rand() * 3);
        const idx = Array.from({ length: len }, () => Math.floor(rand() * n));
        for (let i = 1; i < len; i++) if (idx[i] !== idx[i - 1]) segs.push([idx[i - 1], idx[i]]);
        const coords = idx.map((i) => pool[i]);
        feats.push(rand() < 0.3 ? { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [coords] } } : line(...coords));
      }
      const facs = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => at(rand() * 3000, rand() * 3000));
      const g = buildGraph(fc(feats));
      const src = snapFacilities(g, fc(facs.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }))), Infinity);
      const brute = bruteForce(pool, segs, facs);
      const finite = brute.filter(Number.isFinite).sort((a, b) => a - b);
      const cutoff = finite.length ? finite[Math.floor(finite.length / 2)] + 1 : 1000;
      const dist = multiSourceDijkstra(g, src, cutoff);
      const byCoord = new Map<string, number>();
      for (let i = 0; i < g.nodeCount; i++) byCoord.set(key([g.lon[i], g.lat[i]]), dist[i]);
      pool.forEach((p, i) => {
        if (!byCoord.has(key(p))) return; // pool point used by no line
        const got = byCoord.get(key(p))!;
        if (brute[i] <= cutoff) expect(Math.abs(got - brute[i])).toBeLessThan(1e-6);
        else expect(got).toBe(Infinity);
      });
    }
  });
});

describe('buildGraph', () => {
  it('joins ends closer than the snap tolerance, and only those', () => {
    const lines = fc([line(at(0, 0), at(100, 0)), line(at(100.5, 0), at(200, 0))]);
    expect(buildGraph(lines, { snapToleranceM: 1 }).nodeCount).toBe(3);
    expect(buildGraph(lines, { snapToleranceM: 0.1 }).nodeCount).toBe(4);
  });

  it('connects lines at shared interior vertices', () => {
    const g = buildGraph(fc([line(at(-100, 0), at(0, 0), at(100, 0)), line(at(0, -100), at(0, 0), at(0, 100))]));
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(4);
    const src = snapFacilities(g, fc([point(-100, 0)]));
    const dist = multiSourceDijkstra(g, src, Infinity);
    expect(Math.max(...dist)).toBeCloseTo(200, 0);
  });
});

describe('reached edges', () => {
  const road = fc([line(at(0, 0), at(1000, 0))]);
  const g = buildGraph(road);
  const L = g.edgeLen[0];

  it('cuts a partial edge at the remaining distance', () => {
    const dist = multiSourceDijkstra(g, snapFacilities(g, fc([point(0, 0)])), 300);
    const r = reachedEdges(g, dist, 300);
    expect(r.lengthM).toBeCloseTo(300, 6);
    expect(r.lines.features).toHaveLength(1);
    const end = r.lines.features[0].geometry.coordinates[1];
    expect(haversineM(at(0, 0), end)).toBeCloseTo(300, 0);
  });

  it('walks in from both ends, and joins up when the reach allows', () => {
    const both = snapFacilities(g, fc([point(0, 0), point(1000, 0)]));
    expect(reachedEdges(g, multiSourceDijkstra(g, both, 300), 300).lengthM).toBeCloseTo(600, 6);
    const full = reachedEdges(g, multiSourceDijkstra(g, both, 600), 600);
    expect(full.lengthM).toBeCloseTo(L, 6);
    expect(full.lines.features).toHaveLength(1);
  });

  it('adds the snap distance and drops facilities too far from the network', () => {
    const src = snapFacilities(g, fc([point(0, 100), point(500, 2000)]), 300);
    expect(src.unsnapped).toBe(1);
    expect(src.dist[0]).toBeCloseTo(100, 0);
    const dist = multiSourceDijkstra(g, src, 300);
    expect(reachedEdges(g, dist, 300).lengthM).toBeCloseTo(300 - src.dist[0], 6);
  });

  it('turns reached streets into a coverage strip over the area', () => {
    const res = computeNetwork({
      network: road,
      facilities: fc([point(0, 0)]),
      reachM: 400,
      serviceWidthM: 50,
      area: fc([rect(-2000, -2000, 2000, 2000, { name: 'Z' })]),
      coverageOptions: { cellSize: 5 },
    });
    expect(res.reachedNodes).toBe(1);
    expect(res.sourceCount).toBe(1);
    const strip = 2 * 50 * 400 + Math.PI * 50 * 50;
    expect(Math.abs(res.coverage!.coveredAreaM2 - strip) / strip).toBeLessThan(0.01);
  });
});

describe('network mode: facilities per zone', () => {
  it('tags reached streets with their nearest facility and counts distinct facilities per zone', () => {
    // a 4 km street from x=-2000 to 2000; zones west and east of x=0; one facility near each end, one in the middle of the west zone
    const road = fc([line(at(-2000, 0), at(-1000, 0), at(0, 0), at(1000, 0), at(2000, 0))]);
    const area = fc([rect(-2000, -500, 0, 500, { name: 'W' }), rect(0, -500, 2000, 500, { name: 'E' })]);
    const facilities = fc([point(-2000, 0), point(-1000, 0), point(2000, 0)]);
    const res = computeNetwork({ network: road, facilities, reachM: 600, serviceWidthM: 20, area, coverageOptions: { cellSize: 5 } });
    const tags = new Set(res.reachedEdges.features.map((f) => f.properties?.facility));
    expect(tags).toEqual(new Set([0, 1, 2]));
    const [w, e] = res.coverage!.perZone;
    expect(w.facilities).toBe(2);
    expect(e.facilities).toBe(1);
    expect(w.facilitiesInside).toBe(2);
    expect(e.facilitiesInside).toBe(1);
    expect(res.coverage!.facilityCount).toBe(3);
    // with a reach of 1100 m the middle facility's streets cross x=0 into the east zone
    const far = computeNetwork({ network: road, facilities, reachM: 1100, serviceWidthM: 20, area, coverageOptions: { cellSize: 5 } });
    expect(far.coverage!.perZone[1].facilities).toBe(2);
  });

  it('gives every reached node the facility of its nearest source', () => {
    const road = fc([line(at(0, 0), at(1000, 0), at(2000, 0), at(3000, 0))]);
    const g = buildGraph(road);
    const src = snapFacilities(g, fc([point(0, 0), point(3000, 0)]));
    const origin = new Int32Array(g.nodeCount).fill(-1);
    const dist = multiSourceDijkstraWithOrigin(g, src, 5000, origin);
    for (let i = 0; i < g.nodeCount; i++) {
      const x = haversineM(at(0, 0), [g.lon[i], g.lat[i]]);
      expect(origin[i]).toBe(x < 1500 ? 0 : 1);
      expect(dist[i]).toBeCloseTo(Math.min(x, 3000 - x), 0);
    }
  });
});
