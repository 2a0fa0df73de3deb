import { describe, expect, it } from 'vitest';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { Feature } from 'geojson';
import { mvtGeometryKind } from './mvtScan';

function tileOf(layers: Record<string, Feature[]>): Uint8Array {
  const out: Parameters<typeof fromGeojsonVt>[0] = {};
  for (const [name, features] of Object.entries(layers)) {
    out[name] = new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: 0 }).getTile(0, 0, 0)!;
  }
  return fromGeojsonVt(out, { version: 2 });
}

const point: Feature = { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [117.2, 39.1] } };
const line: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117, 39], [118, 40]] } };
const poly: Feature = { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [[[117, 39], [118, 39], [118, 40], [117, 39]]] } };

describe('mvtGeometryKind', () => {
  it('names the geometry of the asked layer, not of the others', () => {
    const t = tileOf({ pts: [point], roads: [line], parcels: [poly] });
    expect(mvtGeometryKind(t, 'pts')).toBe('point');
    expect(mvtGeometryKind(t, 'roads')).toBe('line');
    expect(mvtGeometryKind(t, 'parcels')).toBe('polygon');
    expect(mvtGeometryKind(t, 'missing')).toBeNull();
  });
});
