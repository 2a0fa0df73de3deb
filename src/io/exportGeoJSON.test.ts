import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { exportGeoJSON, type ExportMeta } from './exportGeoJSON';

type AnyFeature = Feature<Geometry | null>;

const gjv = createRequire(import.meta.url)('geojson-validation') as {
  valid(o: unknown, trace?: boolean): boolean | string[];
};

const meta: ExportMeta = {
  layerId: 'heritage',
  layerTitle: { zh: '历史风貌', en: 'Heritage' },
  source: 'Plan annex, digitised',
  filters: { categories: { kind: ['街区'] }, text: '五大道' },
  fieldLabels: { kind: { zh: '类型', en: 'Kind' } },
  generated: new Date('2025-03-01T08:00:00Z'),
  app: 'Tianjin Renewal Map test',
};

const features: AnyFeature[] = [
  { type: 'Feature', id: 7, properties: { __i: 0, name: '五大道', kind: '街区', n: 1.5 }, geometry: { type: 'Point', coordinates: [117.123456789, 39.1] } },
  { type: 'Feature', properties: { __i: 1, name: 'line "q"', kind: '街区' }, geometry: { type: 'LineString', coordinates: [[117, 39], [117.5, 39.25, 3.1234567]] } },
  { type: 'Feature', properties: { name: 'poly' }, geometry: { type: 'MultiPolygon', coordinates: [[[[116.9, 38.9], [117, 38.9], [117, 39], [116.9, 38.9]]]] } },
  { type: 'Feature', properties: null, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [118, 40] }] } },
  { type: 'Feature', properties: { name: 'no geometry' }, geometry: null },
];

describe('exportGeoJSON', () => {
  const text = exportGeoJSON(features, meta);
  const out = JSON.parse(text) as FeatureCollection & { metadata: Record<string, any> };

  it('is valid GeoJSON according to geojson-validation', () => {
    expect(gjv.valid(out, true)).toEqual([]);
    expect(gjv.valid(out)).toBe(true);
  });
  it('keeps every feature, its id and properties, without internal ones', () => {
    expect(out.features).toHaveLength(5);
    expect(out.features[0].id).toBe(7);
    expect(out.features[0].properties).toEqual({ name: '五大道', kind: '街区', n: 1.5 });
    expect(out.features[1].properties).toEqual({ name: 'line "q"', kind: '街区' });
    expect(out.features[3].properties).toBeNull();
    expect(out.features[4].geometry).toBeNull();
    expect(text).not.toContain('__i');
  });
  it('rounds coordinates to 6 decimals and writes a bbox', () => {
    expect(out.features[0].geometry).toEqual({ type: 'Point', coordinates: [117.123457, 39.1] });
    expect((out.features[1].geometry as any).coordinates[1]).toEqual([117.5, 39.25, 3.123457]);
    expect(out.bbox).toEqual([116.9, 38.9, 118, 40]);
  });
  it('names source, filters and time in a metadata member', () => {
    const m = out.metadata;
    expect(m.source).toBe(meta.source);
    expect(m.layer).toBe('heritage');
    expect(m.generated).toBe('2025-03-01T08:00:00.000Z');
    expect(m.feature_count).toBe(5);
    expect(m.filters.model).toEqual({ categories: { kind: ['街区'] }, text: '五大道' });
    expect(m.filters.description.en).toContain('Kind: 街区');
    expect(m.filters.description.zh).toContain('五大道');
  });
  it('writes an empty collection without a bbox', () => {
    const empty = JSON.parse(exportGeoJSON([], { ...meta, filters: {} }));
    expect(empty.features).toEqual([]);
    expect(empty.bbox).toBeUndefined();
    expect(gjv.valid(empty)).toBe(true);
  });
});
