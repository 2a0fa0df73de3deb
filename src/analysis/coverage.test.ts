import { describe, expect, it } from 'vitest';
import { computeCoverage, type CoverageParams } from './coverage.ts';
import { at, fc, point, polygonArea, rect, rectRing, rng } from './testgeoTrue.ts';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import * as turf from '@turf/turf';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import 'jsts/org/locationtech/jts/monkey.js';

const rel = (a: number, b: number) => Math.abs(a - b) / b;
const big = fc([rect(-5000, -5000, 5000, 5000, { name: 'Z', population_2020: 1000 })]);
const run = (facilities: Feature[], radiusM: number, area = big, options: CoverageParams['options'] = {}) =>
  computeCoverage({ facilities: fc(facilities), radiusM, area, options });

describe('computeCoverage: known areas', () => {
  it('a single facility covers its disc within 1 %', () => {
    const rand = rng(7);
    for (const r of [300, 500, 769]) {
      for (const cellSize of [10, 20]) {
        const res = run([point(rand() * 100, rand() * 100)], r, big, { cellSize });
        expect(rel(res.coveredAreaM2, Math.PI * r * r)).toBeLessThan(0.01);
      }
    }
  });

  it('derives the cell from the radius, reports it, and measures true areas', () => {
    const res = run([point(0, 0)], 300);
    expect(res.cellSizeM).toBeLessThanOrEqual(15);
    expect(res.perZone[0].cellSizeM).toBe(res.cellSizeM);
    expect(run([point(0, 0)], 1000).cellSizeM).toBeGreaterThan(res.cellSizeM);
    // the fixture square is 100 km² in an equal-area frame
    expect(rel(res.totalAreaM2, 1e8)).toBeLessThan(1e-5);
    expect(res.projection).toBe('EPSG:4548');
  });

  it('reports an error bound that holds', () => {
    const rand = rng(11);
    for (const r of [300, 500]) {
      const res = run([point(rand() * 100, rand() * 100)], r);
      const err = Math.abs(res.coveredAreaM2 - Math.PI * r * r);
      expect(res.errorM2).toBeGreaterThan(0);
      expect(err).toBeLessThanOrEqual(res.errorM2);
      expect(res.errorM2).toBeLessThan(0.1 * Math.PI * r * r);
    }
  });

  it('two disjoint discs add up', () => {
    const r = 400;
    const res = run([point(-1500, 0), point(1500, 0)], r, big, { cellSize: 10 });
    expect(rel(res.coveredAreaM2, 2 * Math.PI * r * r)).toBeLessThan(0.01);
  });

  it('two overlapping discs match the lens formula', () => {
    const r = 500;
    for (const d of [200, 500, 800]) {
      const lens = 2 * r * r * Math.acos(d / (2 * r)) - (d / 2) * Math.sqrt(4 * r * r - d * d);
      const res = run([point(0, 0), point(d, 0)], r, big, { cellSize: 10 });
      expect(rel(res.coveredAreaM2, 2 * Math.PI * r * r - lens)).toBeLessThan(0.01);
    }
  });

  it('a facility on the edge of the area is clipped to it', () => {
    const r = 600;
    const onEdge = run([point(5000, 0)], r, big, { cellSize: 10 });
    expect(rel(onEdge.coveredAreaM2, (Math.PI * r * r) / 2)).toBeLessThan(0.01);
    const onCorner = run([point(-5000, -5000)], r, big, { cellSize: 10 });
    expect(rel(onCorner.coveredAreaM2, (Math.PI * r * r) / 4)).toBeLessThan(0.01);
    const outside = run([point(5000 + r / 2, 0)], r, big, { cellSize: 10 });
    const seg = r * r * Math.acos(0.5) - (r / 2) * Math.sqrt(r * r - (r / 2) ** 2);
    expect(rel(outside.coveredAreaM2, seg)).toBeLessThan(0.02);
    const far = run([point(9000, 0)], r, big, { cellSize: 10 });
    expect(far.coveredAreaM2).toBe(0);
  });

  it('a polygon facility reaches out from its edge (Minkowski sum)', () => {
    const r = 150;
    const res = run([rect(-100, -100, 100, 100)], r, big, { cellSize: 5 });
    expect(rel(res.coveredAreaM2, 200 * 200 + 4 * 200 * r + Math.PI * r * r)).toBeLessThan(0.01);
  });

  it('a line facility covers a capsule', () => {
    const r = 100;
    const line: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [at(-1000, -300), at(800, 900)] } };
    const len = Math.hypot(1800, 1200);
    const res = run([line], r, big, { cellSize: 5 });
    expect(rel(res.coveredAreaM2, 2 * r * len + Math.PI * r * r)).toBeLessThan(0.01);
  });

  it('holes in the assessment area are not assessed', () => {
    const holed = fc([rect(-2000, -2000, 2000, 2000, { name: 'ring' }, [rectRing(-1000, -1000, 1000, 1000).reverse()])]);
    const res = run([point(0, 0)], 900, holed, { cellSize: 10 });
    expect(rel(res.totalAreaM2, 16e6 - 4e6)).toBeLessThan(1e-6);
    expect(res.coveredAreaM2).toBe(0);
    const reaching = run([point(0, 0)], 1200, holed, { cellSize: 10 });
    expect(reaching.coveredAreaM2).toBeGreaterThan(0);
  });
});

describe('computeCoverage: zones and population', () => {
  const two = fc([
    rect(-2000, -1000, 0, 1000, { id: 'A', name: 'West', population_2020: 8000, pop_alt: '500' }),
    rect(0, -1000, 2000, 1000, { id: 'B', name: 'East', population_2020: 4000 }),
  ]);

  it('a half-covered zone has half its residents covered', () => {
    // a polygon facility (radius 0) exactly over the west half of zone A
    const res = run([rect(-2000, -1000, -1000, 1000)], 0, two, { cellSize: 10 });
    const [a, b] = res.perZone;
    expect(a.coveredPct).toBeCloseTo(50, 0);
    expect(rel(a.coveredPopulation!, 4000)).toBeLessThan(0.01);
    expect(b.coveredPopulation).toBe(0);
    expect(res.population).toBe(12000);
    expect(rel(res.coveredPopulation!, 4000)).toBeLessThan(0.01);
  });

  it('reads a named population attribute, and reports null where it is missing', () => {
    const res = run([rect(-2000, -1000, -1000, 1000)], 0, two, { cellSize: 10, populationProperty: 'pop_alt' });
    expect(rel(res.perZone[0].coveredPopulation!, 250)).toBeLessThan(0.01);
    expect(res.perZone[1].population).toBeNull();
    expect(res.perZone[1].coveredPopulation).toBeNull();
  });

  it('counts facilities standing in a zone and those whose reach touches it', () => {
    const res = run([point(-300, 0), point(-1900, 0)], 500, two, { cellSize: 10 });
    const [a, b] = res.perZone;
    expect([a.id, a.name, b.id]).toEqual(['A', 'West', 'B']);
    expect(a.facilitiesInside).toBe(2);
    expect(a.facilities).toBe(2);
    expect(b.facilitiesInside).toBe(0);
    expect(b.facilities).toBe(1);
  });

  it('outlines match the counted areas and wind counter-clockwise', () => {
    const rand = rng(3);
    const pts = Array.from({ length: 25 }, () => point(rand() * 4000 - 2000, rand() * 2000 - 1000));
    const res = run(pts, 300, two, { cellSize: 10 });
    for (const [fcol, key] of [
      [res.covered, 'coveredM2'],
      [res.uncovered, 'uncovered'],
    ] as const) {
      let total = 0;
      for (const f of fcol.features) {
        for (const poly of f.geometry.coordinates) {
          expect(poly[0][0]).toEqual(poly[0][poly[0].length - 1]);
          expect(polygonArea([poly[0]])).toBeGreaterThan(0);
          total += polygonArea(poly);
        }
      }
      const expected = key === 'coveredM2' ? res.coveredAreaM2 : res.totalAreaM2 - res.coveredAreaM2;
      expect(rel(total, expected)).toBeLessThan(0.01);
    }
    // nothing drawn outside the assessment area (by more than half a 10 m cell: the grid runs north in Gauss–Krüger)
    const tol = 1e-4;
    for (const f of [...res.covered.features, ...res.uncovered.features]) {
      for (const p of f.geometry.coordinates.flat(2)) {
        expect(p[0]).toBeGreaterThanOrEqual(at(-2000, 0)[0] - tol);
        expect(p[0]).toBeLessThanOrEqual(at(2000, 0)[0] + tol);
        expect(p[1]).toBeGreaterThanOrEqual(at(0, -1000)[1] - tol);
        expect(p[1]).toBeLessThanOrEqual(at(0, 1000)[1] + tol);
      }
    }
  });

  it('keeps holes: a ring of facilities leaves an uncovered pocket inside a covered region', () => {
    const pts = Array.from({ length: 24 }, (_, i) => point(900 * Math.cos((i * Math.PI) / 12), 900 * Math.sin((i * Math.PI) / 12)));
    const res = run(pts, 400, big, { cellSize: 10 });
    const rings = res.covered.features.flatMap((f) => f.geometry.coordinates.map((p) => p.length));
    expect(rings).toContain(2);
    const hole = res.covered.features[0].geometry.coordinates.find((p) => p.length === 2)![1];
    expect(polygonArea([hole])).toBeLessThan(0);
  });
});

describe('computeCoverage: population from a separate layer', () => {
  it('spreads each polygon’s residents over its area and sums them per zone', () => {
    // districts: west 1000 residents on 4 km², east 3000 on 4 km²; assess a box straddling both
    const districts = fc([
      rect(-2000, -1000, 0, 1000, { population_2020: 1000 }),
      rect(0, -1000, 2000, 1000, { population_2020: 3000 }),
    ]);
    const area = fc([rect(-1000, -1000, 1000, 1000, { name: 'box' })]);
    const res = run([rect(0, -1000, 1000, 1000)], 0, area, { cellSize: 10, populationLayer: districts });
    expect(rel(res.perZone[0].population!, 500 + 1500)).toBeLessThan(0.01);
    expect(rel(res.coveredPopulation!, 1500)).toBeLessThan(0.01);
  });

  it('keeps a fine grid over all of Tianjin without a cell-sized memory', async () => {
    const { MAX_ROWS } = await import('./coverage.ts');
    const wide = fc([rect(-60000, -95000, 60000, 95000, { name: 'wide' })]);
    const res = run([point(0, 0)], 231, wide, { skipPolygons: true });
    expect(res.cellSizeM).toBeLessThan(10);
    expect(190000 / res.cellSizeM).toBeLessThanOrEqual(MAX_ROWS);
    expect(rel(res.coveredAreaM2, Math.PI * 231 * 231)).toBeLessThan(0.01);
  });
});

describe('computeCoverage: overlapping and small zones, outlines', () => {
  it('takes totals over the union of overlapping zones, not their sum', () => {
    const zones = fc([rect(-2000, -1000, 1000, 1000, { name: 'A', population_2020: 6000 }), rect(-1000, -1000, 2000, 1000, { name: 'B', population_2020: 6000 })]);
    const res = run([point(0, 0), point(1500, 0)], 400, zones, { cellSize: 10 });
    expect(res.zonesOverlap).toBe(true);
    const union = turf.union(zones as FeatureCollection<Polygon>)!;
    expect(rel(res.totalAreaM2, turf.area(union))).toBeLessThan(0.005);
    expect(rel(res.totalAreaM2, res.perZone[0].areaM2 + res.perZone[1].areaM2)).toBeGreaterThan(0.2);
    // two discs lie wholly inside the union: counted once each
    expect(rel(res.coveredAreaM2, 2 * Math.PI * 400 * 400)).toBeLessThan(0.01);
    // residents: all of A's, then B's outside A (a third of B)
    expect(rel(res.population!, 6000 + 6000 / 3)).toBeLessThan(0.01);
  });

  it('never reads a zone smaller than a cell as 0 %: it is refined on its own grid', () => {
    const zones = fc([rect(-5000, -5000, 5000, 5000, { name: 'big' }), rect(100, 100, 110, 110, { name: 'tiny' }), rect(990, -20, 1010, 20, { name: 'half' })]);
    const res = run([point(0, 0), point(1000, 300)], 300, zones, {});
    const [, tiny, half] = res.perZone;
    expect(tiny.refined).toBe(true);
    expect(tiny.coveredPct).toBeCloseTo(100, 0);
    expect(rel(tiny.areaM2, 100)).toBeLessThan(0.01);
    expect(tiny.cellSizeM).toBeLessThan(1);
    expect(tiny.facilities).toBe(1);
    // the disc of the second facility ends 300 m south of it: y = 0 cuts the 'half' zone in two
    expect(half.refined).toBe(true);
    expect(half.coveredPct).toBeGreaterThan(45);
    expect(half.coveredPct).toBeLessThan(55);
    expect(res.covered.features.some((f) => f.properties?.zone_name === 'tiny')).toBe(true);
  });

  it('draws covered and uncovered outlines that are valid (jsts) and share their edges', () => {
    const rand = rng(5);
    const zones = fc([rect(-2000, -1000, 0, 1000, { name: 'W' }, [rectRing(-1500, -500, -1200, -200).reverse()]), rect(0, -1000, 2000, 1000, { name: 'E' })]);
    const pts = Array.from({ length: 30 }, () => point(rand() * 4000 - 2000, rand() * 2000 - 1000));
    const res = run(pts, 300, zones, {});
    const reader = new GeoJSONReader(new GeometryFactory());
    for (const z of ['W', 'E']) {
      const cov = reader.read(res.covered.features.find((f) => f.properties?.zone_name === z)!.geometry);
      const unc = reader.read(res.uncovered.features.find((f) => f.properties?.zone_name === z)!.geometry);
      for (const g of [cov, unc]) expect(new IsValidOp(g).isValid(), new IsValidOp(g).getValidationError()?.toString()).toBe(true);
      // no overlap, no gap: the two fit together along every shared edge
      expect(cov.intersection(unc).getArea()).toBeLessThan(1e-12);
      const both = cov.union(unc);
      expect(Math.abs(both.getArea() - cov.getArea() - unc.getArea())).toBeLessThan(1e-12);
      const shared = cov.getBoundary().intersection(unc.getBoundary()).getLength();
      expect(shared).toBeGreaterThan(0);
      // the union has the zone's holes only
      const holes = Array.from({ length: both.getNumGeometries() }, (_, i) => (both.getGeometryN(i) as unknown as { getNumInteriorRing(): number }).getNumInteriorRing()).reduce((a, b) => a + b, 0);
      expect(holes).toBe(z === 'W' ? 1 : 0);
    }
  });
});

describe('computeCoverage: outlines over large zones with little covered', () => {
  const reader = new GeoJSONReader(new GeometryFactory());
  const outlineArea = (f: Feature | undefined) => (f ? (f.geometry as { coordinates: Polygon['coordinates'][] }).coordinates.reduce((s, p) => s + polygonArea(p), 0) : 0);

  it('draws a 21,600 km² zone with one 300 m spot: valid, tiling outlines that add up to the zone', () => {
    // 120 × 180 km: the outlines use a coarser grid than the count; the spot sits well inside
    const huge = fc([rect(-60000, -90000, 60000, 90000, { name: 'huge' })]);
    const res = run([point(1234, -567)], 300, huge);
    const cell = res.outlineCellM;
    expect(cell).toBeGreaterThan(res.cellSizeM);
    const cov = res.covered.features[0];
    const unc = res.uncovered.features[0];
    expect(res.covered.features).toHaveLength(1);
    expect(res.uncovered.features).toHaveLength(1);
    const gc = reader.read(cov.geometry);
    const gu = reader.read(unc.geometry);
    for (const g of [gc, gu]) expect(new IsValidOp(g).isValid(), new IsValidOp(g).getValidationError()?.toString()).toBe(true);
    // the spot is one polygon, and the only hole of the uncovered zone; the two share its whole boundary
    expect(cov.geometry.coordinates).toHaveLength(1);
    expect(unc.geometry.coordinates).toHaveLength(1);
    expect(unc.geometry.coordinates[0]).toHaveLength(2);
    expect(gc.intersection(gu).getArea()).toBeLessThan(1e-12);
    const shared = gc.getBoundary().intersection(gu.getBoundary()).getLength();
    expect(Math.abs(shared - gc.getBoundary().getLength())).toBeLessThan(1e-9);
    // each outline within half an outline cell (diagonally) of what it draws, along its boundary
    const slack = (perimeterM: number) => 0.5 * Math.SQRT2 * cell * perimeterM;
    const disc = Math.PI * 300 * 300;
    expect(Math.abs(outlineArea(cov) - disc)).toBeLessThan(slack(2 * Math.PI * 300));
    const zone = 120000 * 180000;
    expect(Math.abs(outlineArea(cov) + outlineArea(unc) - zone)).toBeLessThan(slack(600000));
    // and the counted numbers are the fine grid's, within their own bound
    expect(Math.abs(res.coveredAreaM2 - disc)).toBeLessThan(res.errorM2);
  });

  it('traces a zone made of two touching parts as one region', () => {
    const two = {
      type: 'Feature' as const,
      properties: { name: 'pair' },
      geometry: { type: 'MultiPolygon' as const, coordinates: [rect(-2000, -1000, 0, 1000).geometry.coordinates, rect(0, -1000, 2000, 1000).geometry.coordinates] },
    };
    const res = run([point(0, 0)], 300, fc([two]), { cellSize: 10 });
    const unc = res.uncovered.features[0];
    expect(new IsValidOp(reader.read(unc.geometry)).isValid()).toBe(true);
    // one polygon with the disc as its hole (the parts' shared edge is not drawn)
    expect(unc.geometry.coordinates).toHaveLength(1);
    expect(unc.geometry.coordinates[0]).toHaveLength(2);
    expect(rel(outlineArea(unc) + outlineArea(res.covered.features[0]), 4000 * 2000)).toBeLessThan(0.002);
  });
});
