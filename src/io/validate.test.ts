import { describe, expect, it } from 'vitest';
import { LARGE_PROPERTY_CHARS, validateGeoJSON } from './validate.ts';

const feat = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const pt = (x: number, y: number, ...z: number[]) => ({ type: 'Point', coordinates: [x, y, ...z] });
const ring = (x: number, y: number, d = 0.01) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('validateGeoJSON', () => {
  it('accepts a plain collection and reports its bbox and count', () => {
    const r = validateGeoJSON(fc(feat(pt(117.2, 39.1)), feat({ type: 'Polygon', coordinates: [ring(117.1, 39.0)] })));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.featureCount).toBe(2);
    expect(r.bbox).toEqual([117.1, 39.0, 117.2, 39.1]);
  });

  it('accepts clockwise rings and 3D positions (RFC 7946)', () => {
    const cw = [...ring(117.1, 39.0)].reverse();
    const r = validateGeoJSON(fc(feat({ type: 'Polygon', coordinates: [cw] }), feat(pt(117.2, 39.1, 5))));
    expect(r.errors).toEqual([]);
  });

  it('names the feature and path of an unclosed ring', () => {
    const open = ring(117.1, 39.0).slice(0, 4).concat([[117.105, 39.0]]);
    const r = validateGeoJSON(fc(feat(pt(117.2, 39.1)), feat({ type: 'Polygon', coordinates: [ring(117, 39), open] })));
    expect(codes(r)).toEqual(['ring.unclosed']);
    expect(r.errors[0].featureIndex).toBe(1);
    expect(r.errors[0].path).toBe('features[1].geometry.coordinates[1]');
    expect(r.errors[0].message.en).toContain('[117.105, 39]');
    expect(r.errors[0].message.zh).toContain('没有闭合');
    expect(r.invalidFeatures).toEqual([1]);
  });

  it('suggests the intended geometry type', () => {
    const r = validateGeoJSON(fc(feat({ type: 'Polygonn', coordinates: [ring(117, 39)] })));
    expect(codes(r)).toEqual(['geometry.type_invalid']);
    expect(r.errors[0].message.en).toContain('did you mean "Polygon"');
  });

  it('distinguishes swapped from out-of-range coordinates', () => {
    const r = validateGeoJSON(fc(feat(pt(39.12, 117.2)), feat(pt(200, 39))));
    expect(r.errors.map((e) => [e.code, e.featureIndex])).toEqual([
      ['coord.swapped', 0],
      ['coord.out_of_range', 1],
    ]);
  });

  it('explains Gauss–Krüger zone-39 metres with EPSG:4527, once for the file', () => {
    const gk = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 100, y], [x + 100, y + 100], [x, y]]] });
    const r = validateGeoJSON(fc(feat(gk(39517000, 4330000)), feat(gk(39518000, 4331000))));
    expect(codes(r)).toEqual(['coord.projected_gk']);
    expect(r.errors[0].message.en).toContain('EPSG:4527');
    expect(r.errors[0].message.en).toContain('QGIS');
    expect(r.invalidFeatures).toEqual([0, 1]);
  });

  it('explains Web Mercator metres and shows the degrees they stand for', () => {
    const r = validateGeoJSON(fc(feat(pt(13046271, 4737184))));
    expect(codes(r)).toEqual(['coord.projected_mercator']);
    expect(r.errors[0].message.en).toMatch(/EPSG:3857/);
    expect(r.errors[0].message.en).toMatch(/117\.19\d°E, 39\.1\d\d°N/);
  });

  it('warns on null geometry, missing properties and duplicate ids but stays valid', () => {
    const r = validateGeoJSON(
      fc(feat(null), { type: 'Feature', id: 'a', geometry: pt(117, 39) }, { type: 'Feature', id: 'a', properties: null, geometry: pt(117, 39) }),
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.featureIndex])).toEqual([
      ['geometry.null', 0],
      ['feature.no_properties', 1],
      ['feature.id_duplicate', 2],
    ]);
  });

  it('checks positions, lines and rings for size', () => {
    const r = validateGeoJSON(
      fc(
        feat({ type: 'Point', coordinates: [117] }),
        feat({ type: 'LineString', coordinates: [[117, 39]] }),
        feat({ type: 'Polygon', coordinates: [[[117, 39], [117.1, 39], [117, 39]]] }),
        feat({ type: 'MultiPoint', coordinates: [] }),
        feat({ type: 'Point', coordinates: ['117', 39] }),
      ),
    );
    expect(r.errors.map((e) => [e.code, e.featureIndex])).toEqual([
      ['position.too_short', 0],
      ['line.too_few', 1],
      ['ring.too_few', 2],
      ['geometry.empty', 3],
      ['position.invalid', 4],
    ]);
  });

  it('reports wrong nesting instead of crashing', () => {
    const r = validateGeoJSON(fc(feat({ type: 'Polygon', coordinates: ring(117, 39) }), feat({ type: 'Point', coordinates: [[117, 39]] })));
    expect(codes(r)).toEqual(['geometry.nesting', 'geometry.nesting']);
  });

  it('caps errors and says how many more there are', () => {
    const many = Array.from({ length: 130 }, () => feat({ type: 'LineString', coordinates: [] }));
    const r = validateGeoJSON(fc(...many), { maxIssues: 100 });
    expect(r.errors).toHaveLength(101);
    expect(r.errors[100].code).toBe('errors.more');
    expect(r.errors[100].message.en).toContain('30 more');
    expect(r.invalidFeatures).toHaveLength(130);
  });

  it('reports a bad bbox with its own located message, not the geojson-validation backstop', () => {
    const r = validateGeoJSON(fc({ type: 'Feature', bbox: [1, 2, 3], properties: {}, geometry: pt(117, 39) }));
    expect(codes(r)).toEqual(['bbox.length']);
  });

  it('handles non-GeoJSON top levels', () => {
    expect(codes(validateGeoJSON(5))).toEqual(['json.not_object']);
    expect(codes(validateGeoJSON([1, 2]))).toEqual(['json.array']);
    expect(codes(validateGeoJSON({ type: 'Topology', objects: {} }))).toEqual(['topojson']);
    expect(codes(validateGeoJSON({ a: 1 }))).toEqual(['geojson.type_missing']);
    expect(codes(validateGeoJSON({ type: 'FeatureCollection', features: 3 }))).toEqual(['features.not_array']);
    expect(codes(validateGeoJSON(fc(null, 'x')))).toEqual(['feature.not_object', 'feature.not_object']);
  });

  it('validates a bare geometry and caps GeometryCollection depth', () => {
    expect(validateGeoJSON(pt(117, 39)).errors).toEqual([]);
    let g: unknown = pt(117, 39);
    for (let i = 0; i < 20; i++) g = { type: 'GeometryCollection', geometries: [g] };
    expect(codes(validateGeoJSON(fc(feat(g))))).toEqual(['geometry.collection_deep']);
  });

  it('warns about huge property values and about data far from the region', () => {
    const big = 'x'.repeat(LARGE_PROPERTY_CHARS + 1);
    const r = validateGeoJSON(fc(feat(pt(2.35, 48.85), { big })), { region: [115.5, 37.5, 119.5, 41.5] });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['coord.far_away', 'property.too_large']);
  });

  it('warns about a 2008-style crs member, naming it', () => {
    const r = validateGeoJSON({ ...fc(feat(pt(117, 39))), crs: { type: 'name', properties: { name: 'EPSG:4326' } } });
    expect(r.warnings[0].code).toBe('crs.member');
    expect(r.warnings[0].message.en).toContain('EPSG:4326');
  });
});

describe('RFC 7946 member constraints', () => {
  const fc = (feature: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'FeatureCollection',
    ...extra,
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117.2, 39.1] }, ...feature }],
  });
  const run = (v: unknown) => validateGeoJSON(v);

  it('Feature id must be a string or a number: objects and booleans are errors, null a warning', () => {
    for (const id of [{ a: 1 }, true, [1]]) {
      const r = run(fc({ id }));
      expect(r.errors.map((e) => [e.code, e.featureIndex, e.path])).toEqual([['feature.id_type', 0, 'features[0].id']]);
      expect(r.errors[0].message.zh).toMatch(/字符串或数字/);
    }
    expect(run(fc({ id: null })).warnings.map((w) => w.code)).toContain('feature.id_null');
    expect(run(fc({ id: 'a' })).errors).toEqual([]);
    expect(run(fc({ id: 7 })).errors).toEqual([]);
  });

  it('bbox needs 2 × dimensions numbers, minima before maxima; longitude may wrap the antimeridian', () => {
    expect(run(fc({ bbox: [117.2, 39.1, 117.2, 39.1] })).errors).toEqual([]);
    const three = run(fc({ bbox: [117.2, 39.1, 117.2] }));
    expect(three.errors.map((e) => [e.code, e.path])).toEqual([['bbox.length', 'features[0].bbox']]);
    expect(three.errors[0].message.en).toContain('needs 2 × 2 = 4');
    const z = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117.2, 39.1, 5] } };
    expect(run({ type: 'FeatureCollection', features: [{ ...z, bbox: [117.2, 39.1, 117.2, 39.1] }] }).errors[0].code).toBe('bbox.length');
    expect(run({ type: 'FeatureCollection', features: [{ ...z, bbox: [117.2, 39.1, 5, 117.2, 39.1, 5] }] }).errors).toEqual([]);
    const order = run(fc({}, { bbox: [117, 39.5, 118, 39.0] }));
    expect(order.errors.map((e) => [e.code, e.path])).toEqual([['bbox.order', 'bbox']]);
    expect(order.errors[0].message.en).toContain('latitude minimum 39.5');
    // Across the antimeridian: west 179 > east −179 is allowed.
    expect(run({ type: 'FeatureCollection', bbox: [179, -10, -179, 10], features: [] }).errors).toEqual([]);
    expect(run(fc({ bbox: ['a', 1, 2, 3] })).errors[0].code).toBe('bbox.invalid');
    expect(run({ type: 'Point', coordinates: [117.2, 39.1], bbox: [1, 2] }).errors[0].code).toBe('bbox.length');
  });

  it('a crs member is flagged wherever it appears', () => {
    expect(run(fc({}, { crs: { type: 'name', properties: { name: 'EPSG:4548' } } })).warnings.map((w) => w.code)).toContain('crs.member');
    const nested = run(fc({ crs: { type: 'name', properties: { name: 'x' } } }));
    expect(nested.warnings.map((w) => [w.code, w.path])).toContainEqual(['crs.member_nested', 'features[0].crs']);
  });
});
