import { describe, expect, it } from 'vitest';
import { formatCoord, toWkt } from './wkt';

const sq = [[0, 0], [1, 0], [1, 1], [0, 0]];

describe('formatCoord', () => {
  it('rounds to 6 decimals in shortest form', () => {
    expect(formatCoord(117.123456789)).toBe('117.123457');
    expect(formatCoord(117.2)).toBe('117.2');
    expect(formatCoord(-0.0000001)).toBe('0');
    expect(formatCoord(39.1234565, 3)).toBe('39.123');
  });
});

describe('toWkt', () => {
  it('writes every geometry type', () => {
    expect(toWkt({ type: 'Point', coordinates: [117.2, 39.1, 5] })).toBe('POINT (117.2 39.1)');
    expect(toWkt({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] })).toBe('MULTIPOINT ((1 2), (3 4))');
    expect(toWkt({ type: 'LineString', coordinates: [[1, 2], [3, 4.5]] })).toBe('LINESTRING (1 2, 3 4.5)');
    expect(toWkt({ type: 'MultiLineString', coordinates: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]] }))
      .toBe('MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))');
    expect(toWkt({ type: 'Polygon', coordinates: [sq, sq] })).toBe('POLYGON ((0 0, 1 0, 1 1, 0 0), (0 0, 1 0, 1 1, 0 0))');
    expect(toWkt({ type: 'MultiPolygon', coordinates: [[sq], [sq]] }))
      .toBe('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((0 0, 1 0, 1 1, 0 0)))');
    expect(toWkt({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }] }))
      .toBe('GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))');
  });
  it('writes EMPTY for empty geometries and null', () => {
    expect(toWkt({ type: 'Polygon', coordinates: [] })).toBe('POLYGON EMPTY');
    expect(toWkt({ type: 'MultiPoint', coordinates: [] })).toBe('MULTIPOINT EMPTY');
    expect(toWkt(null)).toBe('GEOMETRYCOLLECTION EMPTY');
  });
  it('applies the requested precision', () => {
    expect(toWkt({ type: 'Point', coordinates: [117.1234567, 39.7654321] }, 2)).toBe('POINT (117.12 39.77)');
  });
});

describe('formatCoord agrees with rounding through the double', () => {
  it('on many values, signs and small magnitudes', () => {
    let seed = 7;
    const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const xs = [0.1, 1e-6, -1e-6, 5e-7, -0.0000004, 12.000001, -117.0000004, 180, -90, 1234.5];
    for (let i = 0; i < 5000; i++) xs.push((r() - 0.5) * 400, (r() - 0.5) * 1e-3);
    for (const x of xs) {
      const viaDouble = Math.round(x * 1e6) / 1e6;
      expect(formatCoord(x)).toBe(viaDouble === 0 ? '0' : String(viaDouble));
    }
  });
});
