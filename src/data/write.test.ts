import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inProcessClient } from './inProcess';

const features = [
  { type: 'Feature' as const, properties: { name: '甲', kind: 'culture_tourism' }, geometry: { type: 'Point' as const, coordinates: [117.2, 39.13] } },
  { type: 'Feature' as const, properties: { name: '乙', kind: 'housing' }, geometry: { type: 'Point' as const, coordinates: [117.21, 39.14] } },
];
const meta = (filters = {}) => ({ layerId: 'p', layerTitle: { zh: '项目', en: 'Projects' }, source: 'test', filters, generated: new Date('2026-11-30T00:00:00Z'), app: 'test' });

describe("the service's write op (the export menu's files, written where the features are)", () => {
  it('writes the kept features as GeoJSON, describing the filter with the labels table', async () => {
    const c = inProcessClient();
    await c.put('p', features);
    const filters = { categories: { kind: ['culture_tourism'] } };
    const w = await c.call('write', { layerId: 'p', indices: Uint32Array.from([0]), format: 'geojson', meta: { ...meta(filters), valueLabels: { kind: { culture_tourism: { zh: '文旅融合', en: 'Culture and tourism' } } } } });
    expect(w).toMatchObject({ mime: 'application/geo+json', ext: '.geojson' });
    const fc = JSON.parse(new TextDecoder().decode(w.bytes));
    expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['甲']);
    expect(JSON.stringify(fc.metadata)).toContain('文旅融合');
  });

  it('writes a zipped Shapefile in EPSG:4548 with its .prj', async () => {
    const c = inProcessClient();
    await c.put('p', features);
    const w = await c.call('write', { layerId: 'p', indices: null, format: 'shp', meta: meta(), gis: { name: 'out', epsg: 4548, meta: {} } });
    expect(w.ext).toBe('.shp.zip');
    const files = unzipSync(new Uint8Array(w.bytes));
    const prj = Object.keys(files).find((n) => n.endsWith('.prj'))!;
    expect(strFromU8(files[prj])).toMatch(/CGCS2000.*117/);
    expect(Object.keys(files).some((n) => n.endsWith('.shp'))).toBe(true);
  });

  it('writes CSV with WKT geometry', async () => {
    const c = inProcessClient();
    await c.put('p', features);
    const w = await c.call('write', { layerId: 'p', indices: Uint32Array.from([1]), format: 'wkt', meta: meta() });
    expect(w.ext).toBe('-wkt.csv');
    expect(new TextDecoder().decode(w.bytes)).toMatch(/POINT ?\(117\.21 39\.14\)/);
  });
});
