import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { evaluate } from './filterResults';

const pt = (name: string, kind: string, x: number, y: number) =>
  ({ type: 'Feature' as const, properties: { name, kind }, geometry: { type: 'Point' as const, coordinates: [x, y] } });
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [pt('五大道', 'block', 0.5, 0.5), pt('水上公园', 'park', 2.5, 0.5), pt('南开公园', 'park', 0.2, 0.8), pt('古文化街', 'block', 5, 5)],
};
const districts: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '和平区' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }],
};

describe('evaluate', () => {
  it('keeps, counts and expresses the filter for the map', () => {
    const r = evaluate(fc, { categories: { kind: ['park'] } });
    expect(Array.from(r.ids!)).toEqual([1, 2]);
    expect([r.count, r.total]).toEqual([2, 4]);
    expect(r.expr).toEqual(['match', ['to-string', ['get', 'kind']], ['park'], true, false]);
  });
  it('uses feature ids for text and district clauses', () => {
    const r = evaluate(fc, { text: '公园', district: ['和平区'] }, districts);
    expect(Array.from(r.ids!)).toEqual([2]);
    expect(r.expr).toEqual(['match', ['id'], [2], true, false]);
  });
});
