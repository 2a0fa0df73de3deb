import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, LineString, Point, Polygon } from 'geojson';
import { gcjPointToWgs84, gcjToWgs84, mapPositions, roundCoords, roundTo } from './crs.ts';

const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

describe('roundTo / roundCoords', () => {
  it('rounds half away from zero and never yields -0', () => {
    expect(roundTo(1.23456785, 6)).toBe(1.234568);
    expect(roundTo(-1.2345675, 6)).toBe(-1.234568);
    expect(Object.is(roundTo(-0.0000001, 6), 0)).toBe(true);
  });
  it('rounds every coordinate and leaves properties alone', () => {
    const f: Feature<Polygon> = turf.polygon([[[117.1234567, 39.1], [117.2, 39.1234567], [117.2, 39.2], [117.1234567, 39.1]]], { cp: [1.23456789, 2] });
    const r = roundCoords(f, 3);
    expect(r.geometry.coordinates[0][0]).toEqual([117.123, 39.1]);
    expect(r.properties?.cp).toEqual([1.23456789, 2]);
    expect(f.geometry.coordinates[0][0][0]).toBe(117.1234567); // input untouched
  });
});

describe('mapPositions', () => {
  it('visits positions of nested collections only', () => {
    const fc = turf.featureCollection<Point | LineString>([turf.point([1, 2]), turf.lineString([[3, 4], [5, 6]])]);
    const seen: number[] = [];
    mapPositions(fc, (p) => { seen.push(p[0]); return p; });
    expect(seen).toEqual([1, 3, 5]);
  });
});

describe('gcjToWgs84', () => {
  it('moves a Tianjin point ~500–600 m to the south-west', () => {
    const gcj = [117.2008, 39.1189]; // 和平区 centre in the source (GCJ-02)
    const wgs = gcjPointToWgs84(gcj);
    const metres = turf.distance(gcj, wgs, { units: 'kilometers' }) * 1000;
    const bearing = turf.bearing(gcj, wgs);
    expect(metres).toBeGreaterThan(450);
    expect(metres).toBeLessThan(650);
    expect(bearing).toBeGreaterThan(-135); // south-west quadrant, nearer west
    expect(bearing).toBeLessThan(-90);
    expect(wgs[0] - gcj[0]).toBeCloseTo(-0.0062, 3);
    expect(wgs[1] - gcj[1]).toBeCloseTo(-0.001, 3);
  });
  it('converts every position of a feature collection to 6 decimals', () => {
    const fc = turf.featureCollection<Point | Polygon>([
      turf.point([117.2008, 39.1189]),
      turf.polygon([[[117.1, 39.0], [117.3, 39.0], [117.3, 39.2], [117.1, 39.0]]]),
    ]);
    const out = gcjToWgs84(fc);
    const coords = turf.coordAll(out);
    expect(coords).toHaveLength(5);
    for (const [x, y] of coords) {
      expect(decimals(x)).toBeLessThanOrEqual(6);
      expect(decimals(y)).toBeLessThanOrEqual(6);
    }
    expect(coords[0][0]).not.toBe(117.2008);
    expect(turf.coordAll(fc)[0]).toEqual([117.2008, 39.1189]);
  });
});
