import { describe, expect, it } from 'vitest';
import { CatalogError, parseCatalog } from './load';

const layer = { id: 'a', file: 'a.geojson', title: { zh: '甲', en: 'A' }, geometry: 'point', style: { color: '#000' }, bbox: [0, 0, 1, 1] };

describe('parseCatalog', () => {
  it('accepts a version-1 catalog', () => {
    expect(parseCatalog({ version: 1, generated: '', layers: [layer] }).layers[0].id).toBe('a');
  });
  it('accepts a PMTiles layer by URL and source layer', () => {
    const pm = { ...layer, file: undefined, type: 'pmtiles', url: 'https://cdn.example/parcels.pmtiles', sourceLayer: 'parcels', geometry: 'polygon' };
    expect(parseCatalog({ version: 1, generated: '', layers: [pm] }).layers[0].url).toBe('https://cdn.example/parcels.pmtiles');
  });
  it.each([
    [{ version: 1, layers: [{ ...layer, type: 'pmtiles', url: 'x.pmtiles' }] }, /layer 0/],
    [{ version: 1, layers: [{ ...layer, type: 'mbtiles' }] }, /layer 0/],
    [null, /not an object/],
    [{ version: 2, layers: [] }, /version 2/],
    [{ version: 1 }, /no layers/],
    [{ version: 1, layers: [{ ...layer, geometry: 'blob' }] }, /layer 0/],
  ])('rejects %j', (input, msg) => {
    expect(() => parseCatalog(input)).toThrow(CatalogError);
    expect(() => parseCatalog(input)).toThrow(msg);
  });
});
