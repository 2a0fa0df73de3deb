import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogLayer } from '../catalog/types';
import { hostMayRead, readEmbedParams, replaceFilters, setEmbed, setVisibleLayers } from './embedMode';
import { initialState, type AppState } from './appState';

const layer = (id: string): CatalogLayer => ({
  id, file: `${id}.geojson`, title: { zh: id, en: id }, group: 'context', geometry: 'point', source: 's',
  source_crs: 'WGS84', accuracy_m: 1, visible: true, style: { color: '#000' }, feature_count: 1, bbox: [0, 0, 1, 1],
});
const catalog: Catalog = { version: 1, generated: '', layers: [layer('parks'), layer('rivers'), layer('shelters')] };
const state = (): AppState => ({ ...initialState(), catalog, visible: ['parks', 'rivers'] });

describe('embed params', () => {
  it('reads embed=1 and the origins', () => {
    expect(readEmbedParams('?embed=1&origins=https://a.example,bad')).toEqual({
      embed: true, origins: ['https://a.example'], rejectedOrigins: ['bad'],
    });
    expect(readEmbedParams('').embed).toBe(false);
    expect(readEmbedParams('?embed=0').embed).toBe(false);
  });
});

describe('embed updaters', () => {
  it('switches embed mode', () => {
    const s = state();
    expect(setEmbed(s, true).embed).toBe(true);
    expect(setEmbed(s, false)).toBe(s);
  });

  it('sets the visible layers, dropping unknown ids and a hidden selection', () => {
    const s = { ...state(), selection: { layerId: 'parks', featureId: 1, properties: {} } };
    const n = setVisibleLayers(s, ['shelters', 'nope', 'shelters']);
    expect(n.visible).toEqual(['shelters']);
    expect(n.selection).toBeNull();
    expect(setVisibleLayers(s, ['parks']).selection).toEqual(s.selection);
  });

  it('replaces the filters of known layers', () => {
    const s = { ...state(), filters: { rivers: { text: 'a' } } };
    const n = replaceFilters(s, { parks: { text: 'b' }, ghost: { text: 'c' } });
    expect(n.filters).toEqual({ parks: { text: 'b' } });
  });

  it('lets the host read catalog features and its own ?data= layer, never the viewer\'s layers', () => {
    const user = (id: string, source: string) => ({ ...layer(id), group: 'user' as const, source, dataUrl: `blob:${id}` });
    const s = { ...state(), userLayers: [user('u-mine', 'private.geojson'), user('u-data', 'https://a.example/x.geojson')] };
    expect(hostMayRead(s, 'parks', null)).toBe(true);
    expect(hostMayRead(s, 'u-mine', 'https://a.example/x.geojson')).toBe(false);
    expect(hostMayRead(s, 'u-data', 'https://a.example/x.geojson')).toBe(true);
    expect(hostMayRead(s, 'u-data', null)).toBe(false);
    expect(hostMayRead(s, 'ghost', null)).toBe(false);
  });
});
