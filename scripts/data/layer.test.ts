import { describe, expect, it } from 'vitest';
import { BuildError, catalogEntry, checkSeed, geometryKind } from './layer';

const meta = { title: { zh: '测试', en: 'Test' }, source: 'test', source_crs: 'WGS84', accuracy_m: 10 };
const props = { name: '五大道', name_en: 'Wudadao', plan_ref: 'ch3-11', source: 'test', accuracy_m: 100 };
const square = { type: 'Polygon', coordinates: [[[117.19, 39.11], [117.2, 39.11], [117.2, 39.12], [117.19, 39.12], [117.19, 39.11]]] };
const fc = (features: unknown[], m: unknown = meta) => ({ type: 'FeatureCollection', metadata: m, features });

describe('checkSeed', () => {
  it('accepts a seed with metadata and provenance on every feature', () => {
    const seed = checkSeed('seeds/x.geojson', fc([{ type: 'Feature', properties: props, geometry: square }]));
    expect(seed.features).toHaveLength(1);
  });

  it('names the file and the feature of an unclosed ring', () => {
    const open = { ...square, coordinates: [square.coordinates[0].slice(0, 4)] };
    expect(() => checkSeed('seeds/x.geojson', fc([{ type: 'Feature', properties: props, geometry: square }, { type: 'Feature', properties: props, geometry: open }])))
      .toThrow(/seeds\/x\.geojson: feature 1/);
  });

  it('names the missing properties of a feature', () => {
    const { plan_ref: _omit, ...rest } = props;
    void _omit;
    expect(() => checkSeed('seeds/y.geojson', fc([{ type: 'Feature', properties: rest, geometry: square }]))).toThrow(
      /seeds\/y\.geojson: feature 0 \(五大道\): missing plan_ref/,
    );
  });

  it('rejects coordinates outside WGS84 ranges', () => {
    const bad = { type: 'Point', coordinates: [39.1, 117.2] };
    expect(() => checkSeed('seeds/z.geojson', fc([{ type: 'Feature', properties: props, geometry: bad }]))).toThrow(BuildError);
  });

  it('requires layer metadata', () => {
    expect(() => checkSeed('seeds/m.geojson', fc([], { title: { zh: '甲' } }))).toThrow(/metadata must have/);
  });
});

describe('catalog entries', () => {
  it('refuse a layer that mixes geometry kinds', () => {
    const mixed = { type: 'FeatureCollection' as const, features: [
      { type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [117, 39] } },
      { type: 'Feature' as const, properties: {}, geometry: square as GeoJSON.Polygon },
    ] };
    expect(() => geometryKind(mixed, 'mixed')).toThrow(/one kind of geometry/);
  });

  it('carry count, bbox, provenance and style', () => {
    const one = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: props, geometry: square as GeoJSON.Polygon }] };
    const completeness = { complete: false, note: { zh: '仅规划点名的街区', en: 'only the blocks the plan names' } };
    const e = catalogEntry({ id: 'blocks', group: 'heritage', visible: true, style: { color: '#a00' }, completeness }, one, meta);
    expect(e).toMatchObject({ id: 'blocks', file: 'blocks.geojson', geometry: 'polygon', feature_count: 1, source_crs: 'WGS84', accuracy_m: 10, completeness });
    expect(e.bbox).toEqual([117.19, 39.11, 117.2, 39.12]);
  });

  it('refuse a layer that does not say whether it is complete', () => {
    const one = { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: props, geometry: square as GeoJSON.Polygon }] };
    const seed = { id: 'blocks', group: 'heritage' as const, visible: true, style: { color: '#a00' } };
    expect(() => catalogEntry(seed as never, one, meta)).toThrow(/blocks.*completeness/);
  });
});
