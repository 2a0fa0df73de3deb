import { describe, expect, it } from 'vitest';
import type { Feature, Position } from 'geojson';
import { buildGraph, levelOf } from './graph.ts';
import { computeNetwork, dijkstraSteps, multiSourceDijkstra, reachedEdges, snapFacilities } from './network.ts';
import { runSync } from './steps.ts';
import { at, fc, laea, point, rect, rng } from './testgeoTrue.ts';

// distances are checked in the fixtures' own equal-area frame (true metres near the origin), not the code's
const frame = laea();
const dist2d = (a: Position, b: Position) => {
  const p = frame.xy(a);
  const q = frame.xy(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
};
const line = (pts: Position[], props: Record<string, unknown> = {}): Feature => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: pts } });
const withOrigin = (...a: Parameters<typeof dijkstraSteps>) => runSync(dijkstraSteps(...a));

/** Walking distance from the facilities to the node nearest `p` (metres). */
function distAt(features: Feature[], facilities: Feature[], p: Position, opts: Parameters<typeof buildGraph>[1] = {}): number {
  const g = buildGraph(fc(features), opts);
  const src = snapFacilities(g, fc(facilities), 300);
  const d = multiSourceDijkstra(g, src, Infinity);
  let best = -1;
  for (let i = 0; i < g.nodeCount; i++) if (best < 0 || dist2d([g.lon[i], g.lat[i]], p) < dist2d([g.lon[best], g.lat[best]], p)) best = i;
  return d[best];
}

describe('multi-source Dijkstra against brute force', () => {
  it('matches Floyd–Warshall on random street lattices', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rand = rng(seed);
      const n = 3 + Math.floor(rand() * 4);
      const pos = (i: number, j: number) => at(j * 500 + Math.round(rand() * 100), i * 500 + Math.round(rand() * 100));
      const grid: Position[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => pos(i, j)));
      const id = (i: number, j: number) => i * n + j;
      const pool = grid.flat();
      const segs: [number, number][] = [];
      const feats: Feature[] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j + 1 < n; j++) {
          if (rand() < 0.75) {
            segs.push([id(i, j), id(i, j + 1)]);
            feats.push(line([grid[i][j], grid[i][j + 1]]));
          }
          if (rand() < 0.75) {
            segs.push([id(j, i), id(j + 1, i)]);
            feats.push(line([grid[j][i], grid[j + 1][i]]));
          }
        }
      }
      if (!feats.length) continue;
      const facs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => segs[Math.floor(rand() * segs.length)][0]);
      const m = pool.length;
      const d = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 0 : Infinity)));
      for (const [a, b] of segs) d[a][b] = d[b][a] = dist2d(pool[a], pool[b]);
      for (let k = 0; k < m; k++) for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (d[i][k] + d[k][j] < d[i][j]) d[i][j] = d[i][k] + d[k][j];
      const g = buildGraph(fc(feats));
      const src = snapFacilities(g, fc(facs.map((i) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: pool[i] } }))));
      const dist = multiSourceDijkstra(g, src, Infinity);
      for (let v = 0; v < g.nodeCount; v++) {
        const p = pool.findIndex((q) => q[0] === g.lon[v] && q[1] === g.lat[v]);
        expect(p).toBeGreaterThanOrEqual(0);
        const want = Math.min(...facs.map((f) => d[f][p]));
        if (Number.isFinite(want)) expect(Math.abs(dist[v] - want)).toBeLessThan(0.01);
        else expect(dist[v]).toBe(Infinity);
      }
    }
  });
});

describe('noding the network', () => {
  const ew = line([at(-500, 0), at(500, 0)]);
  const fromWest = [point(-500, 0)];

  it('connects a T-junction with no shared vertex, and an end that stops short within the tolerance', () => {
    expect(distAt([ew, line([at(0, 0), at(0, 500)])], fromWest, at(0, 500))).toBeCloseTo(1000, 1);
    expect(distAt([ew, line([at(0, 0.5), at(0, 500)])], fromWest, at(0, 500))).toBeCloseTo(1000, 0);
  });

  it('connects an X-crossing with no shared vertex', () => {
    const ns = line([at(0, -500), at(0, 500)]);
    expect(distAt([ew, ns], fromWest, at(0, 500))).toBeCloseTo(1000, 1);
    expect(distAt([ew, ns], fromWest, at(0, -500))).toBeCloseTo(1000, 1);
    const g = buildGraph(fc([ew, ns]));
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(4);
  });

  it('keeps a bridge or tunnel over a street unconnected, but joins it at its ends', () => {
    for (const props of [{ bridge: 'yes' }, { tunnel: 'yes' }, { layer: 1 }, { bridge: true, layer: '1' }]) {
      const over = line([at(0, -500), at(0, 500)], props);
      expect(distAt([ew, over], fromWest, at(0, 500))).toBe(Infinity);
    }
    // a bridge starting on the street joins it there
    expect(distAt([ew, line([at(0, 0), at(0, 500)], { bridge: 'yes' })], fromWest, at(0, 500))).toBeCloseTo(1000, 1);
    // a shared vertex in mid-bridge does not join either
    const ewV = line([at(-500, 0), at(0, 0), at(500, 0)]);
    expect(distAt([ewV, line([at(0, -500), at(0, 0), at(0, 500)], { layer: 1 })], fromWest, at(0, 500))).toBe(Infinity);
  });

  it('uses a planner-chosen level attribute instead', () => {
    const over = line([at(0, -500), at(0, 500)], { z: 2 });
    expect(distAt([ew, over], fromWest, at(0, 500))).toBeCloseTo(1000, 1);
    expect(distAt([ew, over], fromWest, at(0, 500), { levelAttribute: 'z' })).toBe(Infinity);
    expect(levelOf({ z: 0, bridge: 'yes' }, 'z')).toBe('0');
    expect(levelOf({ bridge: 'no' })).toBe('0');
  });

  it('joins ends closer than the snap tolerance, and only those', () => {
    const lines = fc([line([at(0, 0), at(100, 0)]), line([at(100.5, 0), at(200, 0)])]);
    expect(buildGraph(lines, { snapToleranceM: 1 }).nodeCount).toBe(3);
    expect(buildGraph(lines, { snapToleranceM: 0.1 }).nodeCount).toBe(4);
  });

  it('weighs edges by their true length', () => {
    const g = buildGraph(fc([line([at(-3000, -2000), at(3000, 2500)])]));
    expect(Math.abs(g.edgeLen[0] - Math.hypot(6000, 4500))).toBeLessThan(0.05);
  });
});

describe('snapping facilities onto streets', () => {
  it('snaps to the middle of a long segment and reaches both ends at the right cost', () => {
    const g = buildGraph(fc([line([at(0, 0), at(2000, 0)])]));
    const src = snapFacilities(g, fc([point(1000, 30)]));
    expect(src.dist[0]).toBeCloseTo(30, 1);
    expect(g.edgeCount).toBe(2);
    const dist = multiSourceDijkstra(g, src, Infinity);
    for (const end of [at(0, 0), at(2000, 0)]) {
      const i = [...Array(g.nodeCount).keys()].find((v) => dist2d([g.lon[v], g.lat[v]], end) < 0.01)!;
      expect(dist[i]).toBeCloseTo(1030, 1);
    }
    // with a 300 m walk, 270 m either way from the snap point
    const g2 = buildGraph(fc([line([at(0, 0), at(2000, 0)])]));
    const s2 = snapFacilities(g2, fc([point(1000, 30)]));
    expect(reachedEdges(g2, multiSourceDijkstra(g2, s2, 300), 300).lengthM).toBeCloseTo(540, 1);
  });

  it('lists the facilities farther than the snap distance', () => {
    const g = buildGraph(fc([line([at(0, 0), at(1000, 0)])]));
    const src = snapFacilities(g, fc([point(500, 100), point(500, 2000), point(0, -299)]), 300);
    expect(src.unsnapped).toBe(1);
    expect(src.unsnappedFacilities).toEqual([1]);
    expect(src.dist[0]).toBeCloseTo(100, 1);
  });
});

describe('reached edges', () => {
  const road = fc([line([at(0, 0), at(1000, 0)])]);

  it('cuts a partial edge at the remaining distance', () => {
    const g = buildGraph(road);
    const dist = multiSourceDijkstra(g, snapFacilities(g, fc([point(0, 0)])), 300);
    const r = reachedEdges(g, dist, 300);
    expect(r.lengthM).toBeCloseTo(300, 6);
    expect(r.lines.features).toHaveLength(1);
    expect(dist2d(at(0, 0), r.lines.features[0].geometry.coordinates[1])).toBeCloseTo(300, 0);
  });

  it('walks in from both ends, and joins up when the reach allows', () => {
    const g = buildGraph(road);
    const both = snapFacilities(g, fc([point(0, 0), point(1000, 0)]));
    expect(reachedEdges(g, multiSourceDijkstra(g, both, 300), 300).lengthM).toBeCloseTo(600, 6);
    const full = reachedEdges(g, multiSourceDijkstra(g, both, 600), 600);
    expect(full.lengthM).toBeCloseTo(1000, 1);
    expect(full.lines.features).toHaveLength(1);
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
    expect(res.sourceCount).toBe(1);
    const strip = 2 * 50 * 400 + Math.PI * 50 * 50;
    expect(Math.abs(res.coverage!.coveredAreaM2 - strip) / strip).toBeLessThan(0.01);
  });
});

describe('network mode: facilities per zone', () => {
  it('tags reached streets with their nearest facility and counts distinct facilities per zone', () => {
    // a 4 km street from x=-2000 to 2000; zones west and east of x=0; one facility near each end, one in the middle of the west zone
    const road = fc([line([at(-2000, 0), at(-1000, 0), at(0, 0), at(1000, 0), at(2000, 0)])]);
    const area = fc([rect(-2000, -500, 0, 500, { name: 'W' }), rect(0, -500, 2000, 500, { name: 'E' })]);
    const facilities = fc([point(-1990, 0), point(-1000, 0), point(1990, 0)]);
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
    const g = buildGraph(fc([line([at(0, 0), at(1000, 0), at(2000, 0), at(3000, 0)])]));
    const src = snapFacilities(g, fc([point(0, 0), point(3000, 0)]));
    const origin = new Int32Array(g.nodeCount).fill(-1);
    const dist = withOrigin(g, src, 5000, origin);
    for (let i = 0; i < g.nodeCount; i++) {
      const x = frame.xy([g.lon[i], g.lat[i]])[0];
      expect(origin[i]).toBe(x < 1500 ? 0 : 1);
      expect(dist[i]).toBeCloseTo(Math.min(x, 3000 - x), 1);
    }
  });
});
