import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, Polygon } from 'geojson';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { applyFilter, compileFilter, indexExpression, toMapLibreFilter } from './filterEval';
import type { LayerFilter } from './filterModel';

type AnyFeature = Feature<Geometry | null>;

const feat = (props: Record<string, unknown>, geometry: Geometry | null = { type: 'Point', coordinates: [117.2, 39.1] }): AnyFeature =>
  ({ type: 'Feature', properties: props, geometry });
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

describe('compileFilter', () => {
  it('matches categories on string, number, boolean and blank values', () => {
    const p = compileFilter({ categories: { k: ['a', '3', 'true', ''] } });
    expect([{ k: 'a' }, { k: 3 }, { k: true }, {}, { k: null }, { k: 'b' }, { k: [1] }].map((x) => p(feat(x))))
      .toEqual([true, true, true, true, true, false, false]);
  });
  it('checks inclusive numeric ranges with open ends; non-numbers fail', () => {
    const p = compileFilter({ ranges: { n: [2, 5] } });
    expect([1, 2, 5, 6, '3', null, NaN].map((n) => p(feat({ n })))).toEqual([false, true, true, false, false, false, false]);
    expect(compileFilter({ ranges: { n: [null, 0] } })(feat({ n: -1e9 }))).toBe(true);
  });
  it('searches text case-insensitively, NFKC-normalised, Chinese substrings, all terms', () => {
    const f = feat({ name: '五大道历史文化街区', name_en: 'Five Avenues', kind: 'ＡＢＣ' });
    expect(compileFilter({ text: '大道' })(f)).toBe(true);
    expect(compileFilter({ text: 'five AVENUE' })(f)).toBe(true);
    expect(compileFilter({ text: 'abc' })(f)).toBe(true); // full-width folded by NFKC
    expect(compileFilter({ text: 'five 古镇' })(f)).toBe(false);
    expect(compileFilter({ text: '1' })(feat({ name: 'x', n: 1 }))).toBe(false); // numbers are not searched
  });
  it('tests points against a drawn polygon with a hole (even-odd)', () => {
    const donut: Polygon = { type: 'Polygon', coordinates: [rect(0, 0, 10, 10).coordinates[0], rect(4, 4, 6, 6).coordinates[0]] };
    const p = compileFilter({ polygon: donut });
    const at = (x: number, y: number) => p(feat({}, { type: 'Point', coordinates: [x, y] }));
    expect([at(1, 1), at(5, 5), at(11, 5), at(9.9, 9.9), at(-0.1, 5)]).toEqual([true, false, false, true, false]);
    expect(p(feat({}, null))).toBe(false);
  });
  it('lets lines and polygons pass when they intersect the area', () => {
    const p = compileFilter({ polygon: rect(0, 0, 10, 10) });
    expect(p(feat({}, { type: 'LineString', coordinates: [[-5, 5], [5, 5]] }))).toBe(true);
    expect(p(feat({}, { type: 'LineString', coordinates: [[-5, 5], [-1, 5]] }))).toBe(false);
    // bbox overlaps but the line passes outside the corner
    expect(p(feat({}, { type: 'LineString', coordinates: [[9, 12], [12, 9]] }))).toBe(false);
    expect(p(feat({}, rect(8, 8, 20, 20)))).toBe(true);
    expect(p(feat({}, rect(-5, -5, 15, 15)))).toBe(true); // contains the area
    expect(p(feat({}, { type: 'MultiPoint', coordinates: [[20, 20], [1, 1]] }))).toBe(true);
  });
  it('filters by district polygons matched on name or name_en; unknown names match nothing', () => {
    const districts: AnyFeature[] = [
      feat({ name: '和平区', name_en: 'Heping' }, rect(0, 0, 1, 1)),
      feat({ name: '河西区', name_en: 'Hexi' }, { type: 'MultiPolygon', coordinates: [rect(2, 0, 3, 1).coordinates, rect(5, 0, 6, 1).coordinates] }),
    ];
    const pts = [[0.5, 0.5], [2.5, 0.5], [5.5, 0.5], [4, 0.5]].map((c) => feat({}, { type: 'Point', coordinates: c }));
    const run = (district: string[]) => pts.map(compileFilter({ district }, { districtPolygons: districts }));
    expect(run(['和平区'])).toEqual([true, false, false, false]);
    expect(run(['Hexi'])).toEqual([false, true, true, false]);
    expect(run(['和平区', '河西区'])).toEqual([true, true, true, false]);
    expect(run(['南开区'])).toEqual([false, false, false, false]);
  });
  it('combines clauses with AND', () => {
    const p = compileFilter({ categories: { k: ['a'] }, ranges: { n: [0, 10] }, polygon: rect(117, 39, 118, 40) });
    expect(p(feat({ k: 'a', n: 5 }))).toBe(true);
    expect(p(feat({ k: 'b', n: 5 }))).toBe(false);
    expect(p(feat({ k: 'a', n: 50 }))).toBe(false);
    expect(p(feat({ k: 'a', n: 5 }, { type: 'Point', coordinates: [116, 39.5] }))).toBe(false);
  });
});

describe('applyFilter', () => {
  it('returns ascending kept indices and counts', () => {
    const fs = [1, 5, 3, 8, 2].map((n) => feat({ n }));
    const r = applyFilter({ type: 'FeatureCollection', features: fs }, { ranges: { n: [2, 5] } });
    expect(Array.from(r.ids)).toEqual([1, 2, 4]);
    expect(r.count).toBe(3);
    expect(r.total).toBe(5);
    expect(Array.from(applyFilter(fs, {}).ids)).toEqual([0, 1, 2, 3, 4]);
  });
});

// --- agreement with MapLibre's own expression evaluator ---
function rng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
function randomFeatures(n: number): AnyFeature[] {
  const r = rng(42);
  const kinds = ['a', 'b', 'c', '', null, 7, true];
  return Array.from({ length: n }, (_, i) => {
    const props: Record<string, unknown> = { name: `site ${i}`, k: kinds[Math.floor(r() * kinds.length)] };
    const x = r();
    if (x < 0.8) props.n = Math.round(r() * 1000) / 10;
    else if (x < 0.9) props.n = String(Math.round(r() * 100));
    return feat(props, { type: 'Point', coordinates: [117 + r(), 39 + r()] });
  });
}
function mlEval(expr: unknown, fs: AnyFeature[]): number[] {
  const ff = featureFilter(expr as never, 'filter');
  const out: number[] = [];
  fs.forEach((f, i) => {
    // Like a generateId source: the feature id is its index.
    if (ff.filter({ zoom: 12 } as never, { type: 1, id: i, properties: f.properties, geometry: [] } as never)) out.push(i);
  });
  return out;
}

describe('toMapLibreFilter', () => {
  const fs = randomFeatures(2000);
  const cases: LayerFilter[] = [
    { categories: { k: ['a', '7'] } },
    { categories: { k: ['', 'true'] } },
    { ranges: { n: [10, 50] } },
    { ranges: { n: [null, 20.5] } },
    { categories: { k: ['b', 'c'] }, ranges: { n: [30, null] } },
  ];
  it.each(cases)('native expression agrees with compileFilter: %j', (f) => {
    const expected = Array.from(applyFilter(fs, f).ids);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(fs.length);
    expect(mlEval(toMapLibreFilter(f), fs)).toEqual(expected);
  });
  it('expresses text and spatial clauses by index, listing the smaller side', () => {
    for (const f of [{ polygon: rect(117, 39, 117.3, 39.3) }, { polygon: rect(117, 39, 117.9, 39.9), text: 'site' }, { text: 'site 1' }] as LayerFilter[]) {
      const kept = applyFilter(fs, f);
      const expr = toMapLibreFilter(f, kept)!;
      expect(expr[0]).toBe('match');
      expect(expr[1]).toEqual(['id']); // the generateId feature id, not a property
      expect((expr[2] as number[]).length).toBeLessThanOrEqual(fs.length / 2);
      expect(mlEval(expr, fs)).toEqual(Array.from(kept.ids));
    }
  });
  it('handles no filter, nothing kept and everything kept', () => {
    expect(toMapLibreFilter({})).toBeNull();
    expect(mlEval(indexExpression(new Uint32Array(0), 10), fs.slice(0, 10))).toEqual([]);
    expect(indexExpression(Uint32Array.from([0, 1, 2]), 3)).toBeNull();
  });
});
