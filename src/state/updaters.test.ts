import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogLayer } from '../catalog/types';
import { checkAnalysis, updateAnalysis } from './analysisSettings';
import { analysisParam, filtersParam } from './linkParams';
import { initialState, type AppState } from './appState';
import { checkFilters, setFilterFor } from './filters';
import { setBasemap, setCatalog, setLang, setLayerVisible, setOpacity, select } from './updaters';
import { decodeHash, encodeHash } from './url';
import { applyUrl, checkersOf, toUrlState } from './urlState';

const layer = (id: string, visible: boolean): CatalogLayer => ({
  id, file: `${id}.geojson`, title: { zh: id, en: id }, group: 'framework', geometry: 'polygon',
  source: 's', source_crs: 'WGS84', accuracy_m: 10, visible, style: { color: '#000' }, feature_count: 1, bbox: [0, 0, 1, 1],
});
const catalog: Catalog = { version: 1, generated: '', layers: [layer('a', true), layer('b', false), layer('c', true)] };
const PARAMS = [filtersParam, analysisParam];
const known = new Set(['a', 'b', 'c']);

/** Writes a state into a hash and reads it back into `into`. */
function trip(s: AppState, into: AppState): AppState {
  const { state, notices } = decodeHash(encodeHash(toUrlState(s, PARAMS)), { knownLayers: known, checkers: checkersOf(PARAMS) });
  expect(notices).toEqual([]);
  return applyUrl(into, state, notices, PARAMS);
}

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
});

describe('state through the link', () => {
  const base = () => setCatalog(initialState(), catalog, null);

  it('survives a trip: view, layers, opacity, language, basemap, filters, analysis', () => {
    let s = setOpacity(setLayerVisible(base(), 'b', true), 'b', 0.4);
    s = setBasemap(setLang(s, 'en'), 'osm');
    s = setFilterFor(s, 'a', { text: '和平' });
    s = updateAnalysis(s, { minutes: 5 });
    const back = trip(s, base());
    for (const k of ['visible', 'opacity', 'view', 'lang', 'basemap', 'filters', 'analysis'] as const) expect(back[k], k).toEqual(s[k]);
  });

  it('reads what it wrote for the default state back as the defaults, into a tab that had changed everything', () => {
    let changed = setOpacity(setLayerVisible(base(), 'b', true), 'a', 0.2);
    changed = setBasemap(setLang(changed, 'en'), 'osm');
    changed = updateAnalysis(setFilterFor(changed, 'a', { text: 'x' }), { minutes: 10 });
    const back = trip(base(), changed);
    expect(back.filters).toEqual({});
    expect(back.analysis).toBeUndefined();
    expect(back.lang).toBe('zh');
    expect(back.basemap).toBe('offline');
    expect(back.opacity).toEqual({});
    expect(back.visible).toEqual(['a', 'c']);
  });

  it('drops a JSON parameter that has no checker, with a notice (fail closed)', () => {
    const s = setFilterFor(base(), 'a', { text: 'x' });
    const hash = encodeHash(toUrlState(s, PARAMS));
    const { state, notices } = decodeHash(hash, { knownLayers: known, checkers: { an: checkAnalysis } });
    expect(state.params?.f).toBeUndefined();
    expect(notices.map((n) => n.code)).toEqual(['url.unknown']);
    expect(notices[0].message.en).toContain('f');
    expect(applyUrl(s, state, notices, PARAMS).filters).toEqual({});
  });

  it('keeps the valid part of a JSON parameter and reports the rest', () => {
    const raw = Buffer.from(JSON.stringify({ a: { text: 'x', ranges: { n: 'bad' } } })).toString('base64url');
    const { state, notices } = decodeHash(`#f=${raw}`, { knownLayers: known, checkers: { f: checkFilters } });
    expect(state.params?.f).toEqual({ a: { text: 'x' } });
    expect(notices.map((n) => n.code)).toEqual(['url.f']);
  });
});
