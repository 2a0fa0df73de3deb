import { describe, expect, it } from 'vitest';
import type { Geometry, Polygon } from 'geojson';
import { bboxesIntersect, geometryBbox, pointInArea, prepareArea, representativePoint } from './geomPrep';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('geometryBbox', () => {
  it('covers every geometry type, null when empty', () => {
    expect(geometryBbox({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2, 1, 2]);
    expect(geometryBbox({ type: 'GeometryCollection', geometries: [
      { type: 'LineString', coordinates: [[0, 5], [3, -1]] }, { type: 'MultiPolygon', coordinates: [[rect(-2, 0, 1, 1)]] },
    ] })).toEqual([-2, -1, 3, 5]);
    expect(geometryBbox({ type: 'MultiPoint', coordinates: [] })).toBeNull();
    expect(geometryBbox(null)).toBeNull();
  });
  it('bboxesIntersect includes touching boxes', () => {
    expect(bboxesIntersect([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxesIntersect([0, 0, 1, 1], [1.1, 0, 2, 1])).toBe(false);
  });
});

describe('pointInArea', () => {
  it('handles concave polygons and multipolygons', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const a = prepareArea(u);
    expect([pointInArea(a, 0.5, 2), pointInArea(a, 1.5, 2), pointInArea(a, 1.5, 0.5), pointInArea(a, 4, 1)]).toEqual([true, false, true, false]);
    const m = prepareArea({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(5, 5, 6, 6)]] });
    expect([pointInArea(m, 5.5, 5.5), pointInArea(m, 3, 3)]).toEqual([true, false]);
  });
});

describe('representativePoint', () => {
  const inside = (g: Polygon, p: number[]) => pointInArea(prepareArea(g), p[0], p[1]);
  it('is the point itself, the middle of a line, and inside a polygon', () => {
    expect(representativePoint({ type: 'Point', coordinates: [1, 2] })).toEqual([1, 2]);
    expect(representativePoint({ type: 'LineString', coordinates: [[0, 0], [2, 0], [2, 2]] })).toEqual([2, 0]);
    expect(representativePoint({ type: 'MultiLineString', coordinates: [[[0, 0], [0, 1]], [[5, 0], [9, 0]]] })).toEqual([7, 0]);
    const c: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(inside(c, representativePoint(c)!)).toBe(true);
    const donut: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 10, 10), rect(2, 2, 8, 8)] };
    expect(inside(donut, representativePoint(donut)!)).toBe(true);
  });
  it('uses the largest polygon part and returns null for empty input', () => {
    const g: Geometry = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(10, 10, 20, 20)]] };
    expect(representativePoint(g)).toEqual([15, 15]);
    expect(representativePoint({ type: 'MultiPoint', coordinates: [] })).toBeNull();
    expect(representativePoint(null)).toBeNull();
  });
});
