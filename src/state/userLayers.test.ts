import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/types';
import {
  addUserLayers, applySettings, layerNameFromFile, makeUserLayer, newLayerId, nextColor, removeUserLayer,
  renameUserLayer, restyleUserLayer, settingsOf, USER_COLORS, type NewUserLayer,
} from './userLayers';
import { initialState, type AppState } from './appState';

const base: NewUserLayer = {
  id: 'u-1', name: 'shelters', fileName: 'shelters.csv', source: 'shelters.csv', sourceCrs: 'GCJ02',
  kind: 'point', featureCount: 3, bbox: [117, 39, 117.2, 39.2], color: '#1f77b4', fields: ['tier', 'name'],
};

const catalog = { version: 1, generated: '', layers: [{ id: 'districts' }] } as unknown as Catalog;

function withLayers(): AppState {
  const s: AppState = { ...initialState(), catalog, visible: ['districts'] };
  return addUserLayers(s, [makeUserLayer(base, 'blob:a'), makeUserLayer({ ...base, id: 'u-2', kind: 'polygon', splitKind: true, fields: [] }, 'blob:b')]);
}

describe('makeUserLayer', () => {
  it('builds a user-group catalog entry with the data URL, CRS name and labels when there is a name field', () => {
    const l = makeUserLayer(base, 'blob:x');
    expect(l).toMatchObject({ id: 'u-1', group: 'user', geometry: 'point', source_crs: 'GCJ-02', dataUrl: 'blob:x', feature_count: 3, file: 'shelters.csv' });
    expect(l.style.label).toBe('name');
    expect(l.fields?.[0]).toBe('name');
    expect(l.title).toEqual({ zh: 'shelters', en: 'shelters' });
  });

  it('names the kind when a file was split, turns labels off without a name field and falls back to a Tianjin bbox', () => {
    const l = makeUserLayer({ ...base, kind: 'line', splitKind: true, fields: ['a'], bbox: undefined }, 'blob:y');
    expect(l.title).toEqual({ zh: 'shelters（线）', en: 'shelters (lines)' });
    expect(l.style.label).toBe(false);
    expect(l.bbox[0]).toBeLessThan(117.2);
    expect(l.bbox[2]).toBeGreaterThan(117.2);
  });
});

describe('ids, names and colours', () => {
  it('makes fresh u- ids avoiding taken ones', () => {
    const first = newLayerId(new Set(), () => 0, 1000);
    expect(first).toMatch(/^u-[0-9a-z]+-[0-9a-z]+$/);
    expect(newLayerId(new Set([first]), () => 0, 1000)).not.toBe(first);
  });

  it('strips extensions and control characters from file names', () => {
    expect(layerNameFromFile('避难场所.geojson')).toBe('避难场所');
    expect(layerNameFromFile('a\u0000b.CSV')).toBe('a b');
    expect(layerNameFromFile('.json')).toBe('data');
  });

  it('picks the first unused palette colour', () => {
    expect(nextColor([])).toBe(USER_COLORS[0]);
    expect(nextColor([{ style: { color: USER_COLORS[0] } }])).toBe(USER_COLORS[1]);
  });
});

describe('add / remove / rename / restyle', () => {
  it('adds layers once and shows them', () => {
    const s = withLayers();
    expect(s.userLayers.map((l) => l.id)).toEqual(['u-1', 'u-2']);
    expect(s.visible).toEqual(['districts', 'u-1', 'u-2']);
    expect(addUserLayers(s, [makeUserLayer(base, 'blob:z')])).toBe(s);
    const hidden = addUserLayers({ ...initialState(), catalog }, [makeUserLayer(base, 'blob:a')], []);
    expect(hidden.visible).toEqual([]);
  });

  it('removes a layer with its visibility, opacity, filters, selection and table, leaving others untouched', () => {
    let s = withLayers();
    s = { ...s, opacity: { 'u-1': 0.5, districts: 0.7 }, filters: { 'u-1': { text: 'x' } }, selection: { layerId: 'u-1', featureId: 0, properties: {} }, tableLayer: 'u-1' };
    const r = removeUserLayer(s, 'u-1');
    expect(r.userLayers.map((l) => l.id)).toEqual(['u-2']);
    expect(r.visible).toEqual(['districts', 'u-2']);
    expect(r.opacity).toEqual({ districts: 0.7 });
    expect(r.filters).toEqual({});
    expect(r.selection).toBeNull();
    expect(r.tableLayer).toBeNull();
    expect(r.userLayers[0]).toBe(s.userLayers[1]);
    expect(removeUserLayer(r, 'districts')).toBe(r);
  });

  it('renames with a cleaned, non-blank name', () => {
    const s = withLayers();
    expect(renameUserLayer(s, 'u-1', '  新名称\n ').userLayers[0].title).toEqual({ zh: '新名称', en: '新名称' });
    expect(renameUserLayer(s, 'u-1', '   ')).toBe(s);
  });

  it('restyles with #rrggbb colours only', () => {
    const s = withLayers();
    expect(restyleUserLayer(s, 'u-2', '#AA0011').userLayers[1].style.color).toBe('#aa0011');
    expect(restyleUserLayer(s, 'u-2', 'red')).toBe(s);
    expect(restyleUserLayer(s, 'u-2', 'url(javascript:x)')).toBe(s);
  });
});

describe('settings', () => {
  it('round-trips language, basemap and opacity, never restoring a keyless Tianditu basemap', () => {
    const s = { ...initialState(), lang: 'en' as const, basemap: 'osm' as const, opacity: { districts: 0.4 } };
    const back = applySettings(initialState(), settingsOf(s));
    expect(settingsOf(back)).toEqual(settingsOf(s));
    expect(applySettings(initialState(), { basemap: 'tianditu' }).basemap).toBe('offline');
  });
});
