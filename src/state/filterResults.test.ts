import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { setDataService } from '../data/client';
import { inProcessClient } from '../data/inProcess';
import { registerData } from '../data/registry';
import { evaluate, keptFeatures, refreshFilterResults, useFilterResults } from './filterResults';

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

describe('refreshFilterResults', () => {
  const settle = () => new Promise((r) => setTimeout(r, 0));
  it('computes results for filtered layers and drops them when the filter goes', async () => {
    refreshFilterResults([layer], { u1: { text: '公园' } });
    expect(useFilterResults.getState().byLayer.u1.pending).toBe(true);
    await settle();
    const r = useFilterResults.getState().byLayer.u1;
    expect([r.pending, r.count, r.total]).toEqual([false, 2, 4]);
    // The same filter again: nothing recomputed.
    refreshFilterResults([layer], { u1: { text: '公园' } });
    expect(useFilterResults.getState().byLayer.u1).toBe(r);
    // A native filter reaches the map at once, before the data is read.
    refreshFilterResults([layer], { u1: { categories: { kind: ['block'] } } });
    expect(useFilterResults.getState().byLayer.u1.expr).toEqual(['match', ['to-string', ['get', 'kind']], ['block'], true, false]);
    await settle();
    expect(useFilterResults.getState().byLayer.u1.count).toBe(2);
    refreshFilterResults([layer], {});
    expect(useFilterResults.getState().byLayer).toEqual({});
  });
  it('ignores filters of unknown layers', () => {
    refreshFilterResults([layer], { nope: { text: 'x' } });
    expect(useFilterResults.getState().byLayer).toEqual({});
  });
});
