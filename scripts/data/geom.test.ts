import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Polygon } from 'geojson';
import { areaKm2, dropSlivers, intersection, subtract, unionAll } from './geom.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => turf.bboxPolygon([x0, y0, x1, y1]);

describe('geom helpers', () => {
  it('unions, subtracts and intersects boxes with the expected areas', () => {
    const a = box(0, 0, 0.2, 0.1);
    const b = box(0.1, 0, 0.3, 0.1);
    const u = unionAll([a, b])!;
    expect(areaKm2(u) / areaKm2(box(0, 0, 0.3, 0.1))).toBeCloseTo(1, 6);
    expect(areaKm2(subtract(a, [b])!) / areaKm2(box(0, 0, 0.1, 0.1))).toBeCloseTo(1, 6);
    expect(areaKm2(intersection(a, b)!) / areaKm2(box(0.1, 0, 0.2, 0.1))).toBeCloseTo(1, 6);
    expect(intersection(a, box(1, 1, 2, 2))).toBeNull();
    expect(unionAll([])).toBeNull();
  });
  it('drops small holes and parts but keeps large ones', () => {
    const outer = box(0, 0, 0.1, 0.1).geometry.coordinates[0];
    const tinyHole = box(0.05, 0.05, 0.0501, 0.0501).geometry.coordinates[0].slice().reverse();
    const bigHole = box(0.01, 0.01, 0.04, 0.04).geometry.coordinates[0].slice().reverse();
    const g: Polygon = { type: 'Polygon', coordinates: [outer, tinyHole, bigHole] };
    const out = dropSlivers(g, 0.05)!;
    expect(out.type).toBe('Polygon');
    expect((out as Polygon).coordinates).toHaveLength(2);
    expect(dropSlivers(box(0, 0, 0.0001, 0.0001).geometry, 0.05)).toBeNull();
  });
});
