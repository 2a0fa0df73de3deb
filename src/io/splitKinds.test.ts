import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { bboxOf, geometryKindOf, splitByKind } from './splitKinds.ts';

const f = (geometry: Geometry | null, name: string): Feature => ({ type: 'Feature', properties: { name }, geometry }) as Feature;
const pt = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });
const sq: Geometry = { type: 'Polygon', coordinates: [[[117, 39], [117.1, 39], [117.1, 39.1], [117, 39]]] };
const ln: Geometry = { type: 'LineString', coordinates: [[116.9, 38.9], [117.3, 39.2]] };

describe('geometryKindOf', () => {
  it('maps single and multi types, and collections by their highest dimension', () => {
    expect(geometryKindOf(pt(1, 2))).toBe('point');
    expect(geometryKindOf({ type: 'MultiLineString', coordinates: [] })).toBe('line');
    expect(geometryKindOf({ type: 'MultiPolygon', coordinates: [] })).toBe('polygon');
    expect(geometryKindOf({ type: 'GeometryCollection', geometries: [pt(1, 2), ln] })).toBe('line');
    expect(geometryKindOf({ type: 'GeometryCollection', geometries: [] })).toBeNull();
    expect(geometryKindOf(null)).toBeNull();
  });
});

describe('bboxOf', () => {
  it('covers every position, ignores null geometry, and is undefined when empty', () => {
    expect(bboxOf([f(pt(117.2, 39.1), 'a'), f(null, 'b'), f(ln, 'c')])).toEqual([116.9, 38.9, 117.3, 39.2]);
    expect(bboxOf([f(null, 'x')])).toBeUndefined();
  });
});

describe('splitByKind', () => {
  it('returns the collection itself when there is one kind', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [f(pt(117, 39), 'a'), f(null, 'b')] };
    const parts = splitByKind(fc);
    expect(parts).toHaveLength(1);
    expect(parts[0].fc).toBe(fc);
    expect(parts[0].kind).toBe('point');
    expect(parts[0].bbox).toEqual([117, 39, 117, 39]);
  });

  it('splits mixed kinds in order of first appearance, keeping feature order and putting null geometry first', () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [f(sq, 'p1'), f(pt(117.5, 39.5), 'x1'), f(null, 'n'), f(sq, 'p2'), f(ln, 'l1'), f(pt(117.6, 39.6), 'x2')],
    };
    const parts = splitByKind(fc);
    expect(parts.map((p) => p.kind)).toEqual(['polygon', 'point', 'line']);
    expect(parts.map((p) => p.fc.features.map((x) => x.properties?.name))).toEqual([['p1', 'n', 'p2'], ['x1', 'x2'], ['l1']]);
    expect(parts[1].bbox).toEqual([117.5, 39.5, 117.6, 39.6]);
    expect(parts.reduce((n, p) => n + p.fc.features.length, 0)).toBe(fc.features.length);
  });

  it('yields one point part for a file without any geometry', () => {
    const parts = splitByKind({ type: 'FeatureCollection', features: [f(null, 'a')] });
    expect(parts).toMatchObject([{ kind: 'point', bbox: undefined }]);
  });
});
