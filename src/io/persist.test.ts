import { describe, expect, it } from 'vitest';
import { fromSaved, layerFromSaved, readSettings, toSaved } from './persist.ts';
import { makeUserLayer } from '../state/userLayers.ts';

const layer = makeUserLayer(
  { id: 'u-abc-1', name: '避难场所', fileName: 'a.csv', source: 'a.csv', sourceCrs: 'WGS84', kind: 'point', featureCount: 2, bbox: [117, 39, 117.1, 39.1], color: '#1f77b4', fields: ['name'] },
  'blob:http://x/1',
);

describe('saved layer records', () => {
  it('round-trip through structured-clone-like JSON without the session blob: URL', () => {
    const saved = toSaved(layer, true, 3, '2024-01-01T00:00:00.000Z');
    expect('dataUrl' in saved.layer).toBe(false);
    const back = fromSaved(JSON.parse(JSON.stringify(saved)));
    expect(back).not.toBeNull();
    const again = layerFromSaved(back!, 'blob:http://x/2');
    expect(again).toEqual({ ...layer, dataUrl: 'blob:http://x/2' });
    expect(back).toMatchObject({ visible: true, order: 3 });
  });

  it.each([
    ['not an object', 42],
    ['another version', { ...toSaved(layer, true, 0, 'x'), v: 2 }],
    ['a catalog id', { ...toSaved({ ...layer, id: 'districts' }, true, 0, 'x') }],
    ['a CSS-injecting colour', toSaved({ ...layer, style: { ...layer.style, color: 'red;x' } }, true, 0, 'x')],
    ['a bad bbox', toSaved({ ...layer, bbox: [1, 2, 3] as unknown as [number, number, number, number] }, true, 0, 'x')],
    ['an unknown geometry', toSaved({ ...layer, geometry: 'circle' as 'point' }, true, 0, 'x')],
    ['no visibility', { ...toSaved(layer, true, 0, 'x'), visible: 'yes' }],
  ])('are refused when %s', (_why, raw) => {
    expect(fromSaved(raw)).toBeNull();
  });
});

describe('readSettings', () => {
  it('keeps well-formed values and drops the rest', () => {
    expect(readSettings({ lang: 'en', basemap: 'osm', opacity: { a: 0.5, b: 7, c: 'x' }, importCrs: 'GCJ02', extra: 1 })).toEqual({
      lang: 'en', basemap: 'osm', opacity: { a: 0.5 }, importCrs: 'GCJ02',
    });
    expect(readSettings({ lang: 'fr', basemap: 'google', importCrs: 'EPSG:3857' })).toEqual({});
    expect(readSettings(null)).toEqual({});
  });
});
