import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { setDataService } from '../data/client';
import { inProcessClient } from '../data/inProcess';
import { registerData } from '../data/registry';
import { keptFeatures } from './derivedResults';
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

const layer = { id: 'u1', file: '', dataUrl: 'blob:u1' };
const districtLayer = { id: 'districts', file: 'districts.geojson' };
beforeAll(() => {
  setDataService(inProcessClient());
  registerData('u1', fc);
  registerData('districts', districts);
});

describe('evaluate (in the data service)', () => {
  it('keeps, counts and expresses the filter for the map', async () => {
    const r = await evaluate(layer, { categories: { kind: ['park'] } });
    expect(Array.from(r.ids!)).toEqual([1, 2]);
    expect([r.count, r.total]).toEqual([2, 4]);
    expect(r.expr).toEqual(['match', ['to-string', ['get', 'kind']], ['park'], true, false]);
  });
  it('uses feature ids for text and district clauses', async () => {
    const r = await evaluate(layer, { text: '公园', district: ['和平区'] }, districtLayer);
    expect(Array.from(r.ids!)).toEqual([2]);
    expect(r.expr).toEqual(['match', ['id'], [2], true, false]);
  });
  it('hands over only the kept features', async () => {
    const kept = await keptFeatures(layer, { categories: { kind: ['block'] } });
    expect(kept.map((f) => f.properties?.name)).toEqual(['五大道', '古文化街']);
  });
});
