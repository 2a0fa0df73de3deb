// Coverage against an independent oracle: geodesic discs from Turf (circles of
// 128 steps), unioned, clipped to each zone, measured with turf.area. Nothing
// here uses the code's projection, Earth radius or scaling.
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { computeCoverage } from './coverage.ts';
import { rng } from './testgeoTrue.ts';

/** Two zones (west and east halves of a square 10·r on a side, the border bent) near (lon0, lat0). */
function zonesAt(lon0: number, lat0: number, r: number): FeatureCollection<Polygon> {
  const half = (10 * r) / 2000; // km
  const go = (p: Position, km: number, bearing: number) => turf.destination(p, km, bearing, { units: 'kilometers' }).geometry.coordinates;
  const c: Position = [lon0, lat0];
  const n = go(c, half, 0);
  const s = go(c, half, 180);
  const nw = go(n, half, -90);
  const ne = go(n, half, 90);
  const sw = go(s, half, -90);
  const se = go(s, half, 90);
  const bend = go(c, half / 3, 90);
  return turf.featureCollection([
    turf.polygon([[sw, s, bend, n, nw, sw]], { name: 'W' }),
    turf.polygon([[s, se, ne, n, bend, s]], { name: 'E' }),
  ]);
}

function oracle(zones: FeatureCollection<Polygon>, pts: Position[], r: number): number[] {
  const discs = pts.map((p) => turf.circle(p, r, { steps: 128, units: 'meters' }));
  const union = discs.length > 1 ? (turf.union(turf.featureCollection(discs)) as Feature<Polygon | MultiPolygon>) : discs[0];
  return zones.features.map((z) => {
    const cut = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([union, z]));
    return cut ? turf.area(cut) : 0;
  });
}

const cases: { lat: number; r: number; n: number; kind: string }[] = [];
for (const lat of [38.6, 40.2]) {
  for (const r of [300, 500, 1000]) {
    cases.push({ lat, r, n: 8, kind: 'sparse' }, { lat, r, n: 60, kind: 'dense' });
  }
}

describe('coverage against unioned geodesic discs', () => {
  for (const { lat, r, n, kind } of cases) {
    it(`${kind}, ${r} m at ${lat}°N`, () => {
      const lon0 = lat < 39 ? 117.45 : 117.4;
      const zones = zonesAt(lon0, lat, r);
      const rand = rng(Math.round(lat * 100) + r + n);
      const [x0, y0, x1, y1] = turf.bbox(zones);
      // facilities over the zones and a radius beyond (some reach in from outside)
      const mx = ((x1 - x0) / 10) * 1.0;
      const my = ((y1 - y0) / 10) * 1.0;
      const pts: Position[] = Array.from({ length: n }, () => [x0 - mx + rand() * (x1 - x0 + 2 * mx), y0 - my + rand() * (y1 - y0 + 2 * my)]);
      const res = computeCoverage({ facilities: turf.featureCollection(pts.map((p) => turf.point(p))), radiusM: r, area: zones, options: { skipPolygons: true } });
      const expected = oracle(zones, pts, r);
      const total = expected.reduce((a, b) => a + b, 0);
      const zoneArea = zones.features.reduce((s, z) => s + turf.area(z), 0);
      if (kind === 'sparse') expect(total / zoneArea).toBeLessThan(0.3);
      else expect(total / zoneArea).toBeGreaterThan(0.5);
      res.perZone.forEach((row, z) => {
        const want = expected[z];
        const diff = Math.abs(row.coveredM2 - want);
        expect(diff).toBeLessThanOrEqual(0.005 * turf.area(zones.features[z]));
        if (want >= 0.2e6) expect(diff).toBeLessThanOrEqual(0.02 * want);
        // the reported bound holds, allowing for Turf's own spherical areas (±0.3 %)
        expect(diff).toBeLessThanOrEqual(row.errorM2 + 0.003 * want);
        expect(row.cellSizeM).toBeLessThanOrEqual(r / 20);
      });
    });
  }

  it('one 300 m disc is within 1 % of πr², at both latitudes', () => {
    for (const lat of [38.6, 40.2]) {
      const zones = zonesAt(117.3, lat, 300);
      const res = computeCoverage({ facilities: turf.featureCollection([turf.point([117.3, lat])]), radiusM: 300, area: zones, options: { skipPolygons: true } });
      expect(Math.abs(res.coveredAreaM2 - Math.PI * 300 * 300) / (Math.PI * 300 * 300)).toBeLessThan(0.01);
    }
  });
});
