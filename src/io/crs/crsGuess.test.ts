import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { convertCrs, guessProjection, mercatorToLonLat } from './crsGuess.ts';

const sample = (): FeatureCollection => ({
  type: 'FeatureCollection',
  bbox: [117.2, 39.1, 117.2, 39.1],
  features: [
    { type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [117.2, 39.1, 7] } },
    { type: 'Feature', properties: null, geometry: null as unknown as Geometry },
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[117.2, 39.1], [117.3, 39.2]] }] },
    },
  ],
});

describe('convertCrs', () => {
  it('moves GCJ-02 points by the known Tianjin offset (~ -0.0062° lon, -0.0010° lat) and keeps z', () => {
    const input = sample();
    const out = convertCrs(input, 'GCJ02');
    const [lon, lat, z] = (out.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon - 117.2).toBeCloseTo(-0.0063, 3);
    expect(lat - 39.1).toBeCloseTo(-0.001, 3);
    expect(z).toBe(7);
    expect(String(lon).split('.')[1].length).toBeLessThanOrEqual(6);
    expect(out.bbox).toBeUndefined();
    expect(out.features[1].geometry).toBeNull();
    // input untouched
    expect((input.features[0].geometry as { coordinates: number[] }).coordinates).toEqual([117.2, 39.1, 7]);
  });

  it('converts BD-09 further than GCJ-02 and walks GeometryCollections', () => {
    const bd = convertCrs(sample(), 'BD09');
    const gc = bd.features[2].geometry as { geometries: { coordinates: number[][] }[] };
    expect(117.2 - gc.geometries[0].coordinates[0][0]).toBeGreaterThan(0.01);
    expect(convertCrs(sample(), 'WGS84')).toEqual(sample());
  });
});

describe('guessProjection', () => {
  it('returns null for degrees', () => {
    expect(guessProjection(117.2, 39.1)).toBeNull();
    expect(guessProjection(39.1, 117.2)).toBeNull();
  });

  it('recognises Gauss–Krüger with zone prefix (3° and 6°) and without', () => {
    expect(guessProjection(39_517_000, 4_330_000)).toMatchObject({ kind: 'gk', epsg: '4527' });
    expect(guessProjection(40_400_000, 4_330_000)).toMatchObject({ kind: 'gk', epsg: '4528' });
    expect(guessProjection(20_517_000, 4_330_000)).toMatchObject({ kind: 'gk', epsg: '4498' });
    expect(guessProjection(517_000, 4_330_000)).toMatchObject({ kind: 'gk', epsg: '4548' });
  });

  it('recognises Web Mercator and inverts it', () => {
    const g = guessProjection(13_046_271, 4_737_184);
    expect(g?.kind).toBe('mercator');
    expect(g?.lonlat?.[0]).toBeCloseTo(117.195, 2);
    expect(g?.lonlat?.[1]).toBeCloseTo(39.11, 2);
    const [lon, lat] = mercatorToLonLat(0, 0);
    expect([lon, lat]).toEqual([0, 0]);
  });

  it('falls back to "other" for metres it cannot place', () => {
    expect(guessProjection(-5_000, 900_000_000)).toEqual({ kind: 'other' });
  });
});
