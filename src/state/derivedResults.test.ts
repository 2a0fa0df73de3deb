import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { registerData } from '../data/registry';
import { refreshFilterResults, useFilterResults } from './derivedResults';
import { useStore } from './store';

const pt = (name: string, kind: string, x: number, y: number) =>
  ({ type: 'Feature' as const, properties: { name, kind }, geometry: { type: 'Point' as const, coordinates: [x, y] } });
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [pt('五大道', 'block', 0.5, 0.5), pt('水上公园', 'park', 2.5, 0.5), pt('南开公园', 'park', 0.2, 0.8), pt('古文化街', 'block', 5, 5)],
};
describe('refreshFilterResults', () => {
  const layer = { id: 'u1', file: '', dataUrl: 'blob:u1' };
  registerData('u1', fc);
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

describe('the derived slices', () => {
  it('live in the one store', () => {
    refreshFilterResults([{ id: 'u2', file: '', dataUrl: 'blob:u2' }], { u2: { categories: { kind: ['park'] } } });
    expect(useStore.getState().filterResults.byLayer.u2).toBe(useFilterResults.getState().byLayer.u2);
    refreshFilterResults([], {});
    expect(useStore.getState().filterResults.byLayer).toEqual({});
  });
});
