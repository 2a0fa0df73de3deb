import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogLayer } from '../catalog/types';
import { applyUrl, initialState, setCatalog, setLayerVisible, setOpacity, select, toUrlState } from './updaters';
import { decodeHash, encodeHash } from './url';

const layer = (id: string, visible: boolean): CatalogLayer => ({
  id, file: `${id}.geojson`, title: { zh: id, en: id }, group: 'framework', geometry: 'polygon',
  source: 's', source_crs: 'WGS84', accuracy_m: 10, visible, style: { color: '#000' }, feature_count: 1, bbox: [0, 0, 1, 1],
});
const catalog: Catalog = { version: 1, generated: '', layers: [layer('a', true), layer('b', false), layer('c', true)] };

describe('state updaters', () => {
  it('shows the catalog defaults when the link names no layers', () => {
    expect(setCatalog(initialState(), catalog, null).visible).toEqual(['a', 'c']);
  });
  it('lets the link choose the layers, dropping unknown ones', () => {
    expect(setCatalog(initialState(), catalog, { layers: ['b', 'zz'] }).visible).toEqual(['b']);
  });
  it('toggles a layer without mutating the old state, and clears its selection', () => {
    const s0 = select(setCatalog(initialState(), catalog, null), { layerId: 'a', featureId: 0, properties: {} });
    const s1 = setLayerVisible(s0, 'a', false);
    expect(s0.visible).toEqual(['a', 'c']);
    expect(s1.visible).toEqual(['c']);
    expect(s1.selection).toBeNull();
    expect(setLayerVisible(s1, 'a', true).visible).toEqual(['c', 'a']);
  });
  it('clamps opacity', () => {
    expect(setOpacity(initialState(), 'a', 3).opacity.a).toBe(1);
    expect(setOpacity(initialState(), 'a', -1).opacity.a).toBe(0);
  });
  it('survives a trip through the URL', () => {
    let s = setCatalog(initialState(), catalog, null);
    s = setOpacity(setLayerVisible(s, 'b', true), 'b', 0.4);
    const hash = encodeHash(toUrlState(s));
    const { state } = decodeHash(hash, { knownLayers: new Set(['a', 'b', 'c']) });
    const back = setCatalog(applyUrl(initialState(), state, []), catalog, state);
    expect(back.visible).toEqual(s.visible);
    expect(back.opacity).toEqual({ b: 0.4 });
    expect(back.view).toEqual(s.view);
  });
});
