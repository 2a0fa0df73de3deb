import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { DataEngine } from './engine';
import { inProcessClient } from './inProcess';

const pt = (name: string, kind: string, size: number, x: number, y: number): Feature<Geometry | null> => ({
  type: 'Feature', properties: { name, kind, size }, geometry: { type: 'Point', coordinates: [x, y] },
});
const features = [pt('五大道', 'block', 3, 117.2, 39.11), pt('水上公园', 'park', 1, 117.16, 39.09), pt('南开公园', 'park', 2, 117.17, 39.13), pt('古文化街', 'block', 5, 117.19, 39.15)];

/** Tile x/y containing a lon/lat at zoom z. */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

describe('DataEngine', () => {
  const e = new DataEngine();
  e.put('p', features);

  it('sorts the kept rows and pages their properties', () => {
    const all = e.rows('p', null, { key: 'size', dir: 'desc' });
    expect(Array.from(all.order)).toEqual([3, 0, 2, 1]);
    expect(all.columns).toEqual(['name', 'kind', 'size']);
    const kept = e.rows('p', Uint32Array.of(1, 2, 3), { key: 'name', dir: 'asc' }, ['kind']);
    expect(Array.from(kept.order)).toEqual(Array.from(e.rows('p', null, { key: 'name', dir: 'asc' }).order).filter((i) => i !== 0));
    expect(kept.columns[0]).toBe('kind');
    expect(e.page('p', Uint32Array.of(3, 1)).map((p) => p.name)).toEqual(['古文化街', '水上公园']);
  });

  it('filters to ids, counts and a map expression', () => {
    const r = e.filter('p', { text: '公园' });
    expect(Array.from(r.ids)).toEqual([1, 2]);
    expect([r.count, r.total]).toEqual([2, 4]);
    expect(r.expr).toEqual(['match', ['id'], [1, 2], true, false]);
  });

  it('counts category values under the other clauses of a filter', () => {
    const f = e.facets('p', { text: '公园', categories: { kind: ['park'] } }, ['kind']);
    expect(Object.fromEntries(f.kind)).toEqual({ park: 2 });
  });

  it('finds places by name and counts field values', () => {
    const hits = e.search(['p'], '公园');
    expect(hits.map((h) => h.index).sort()).toEqual([1, 2]);
    const kind = e.stats('p').find((s) => s.name === 'kind')!;
    expect(kind.values).toEqual([{ value: 'block', count: 2 }, { value: 'park', count: 2 }]);
  });

  it('cuts vector tiles whose feature ids are the feature indices', () => {
    const [x, y] = tileOf(117.2, 39.11, 10);
    const bytes = e.tile('p', 10, x, y)!;
    const layer = new VectorTile(new PbfReader(bytes)).layers.features;
    const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map((f) => [f.id, f.properties.name]);
    expect(got).toContainEqual([0, '五大道']);
    for (const [id, name] of got) expect(features[id as number].properties!.name).toBe(name);
    expect(e.tile('p', 10, 0, 0)).toBeNull();
  });

  it('replaces a layer and forgets its caches', () => {
    const e2 = new DataEngine();
    e2.put('q', features);
    expect(e2.search(['q'], '五大道')).toHaveLength(1);
    e2.put('q', features.slice(1));
    expect(e2.search(['q'], '五大道')).toHaveLength(0);
    e2.drop('q');
    expect(() => e2.rows('q', null, null)).toThrow(/not loaded/);
  });
});

describe('the service (in-process)', () => {
  it('opens a layer by URL once and answers export requests with bytes', async () => {
    let fetched = 0;
    const fetchFn = (async () => {
      fetched++;
      return new Response(JSON.stringify({ type: 'FeatureCollection', features }));
    }) as typeof fetch;
    const c = inProcessClient('http://x/', fetchFn);
    const layer = { id: 'p', file: 'p.geojson' };
    const meta = { layerId: 'p', layerTitle: { zh: '点', en: 'Points' }, source: 't', filters: {}, generated: new Date(0), app: 'test' };
    const [rows, file] = await Promise.all([
      c.ask(layer, 'rows', { layerId: 'p', kept: null, sort: null }),
      c.ask(layer, 'write', { layerId: 'p', indices: Uint32Array.of(2), format: 'geojson', meta }),
    ]);
    expect(rows.total).toBe(4);
    const out = JSON.parse(new TextDecoder().decode(file.bytes));
    expect(out.features.map((f: Feature) => f.properties!.name)).toEqual(['南开公园']);
    expect(fetched).toBe(1);
    await expect(c.ask({ id: 'nope', file: 'x' }, 'stats', { layerId: 'zzz' })).rejects.toThrow(/zzz/);
  });
});

describe('thematic styles are classified where the features are held', () => {
  it('counts the legend over the kept features only', () => {
    const e = new DataEngine();
    const features = Array.from({ length: 100 }, (_, i) => ({ type: 'Feature' as const, properties: { v: i, t: i % 2 ? '甲' : '乙' }, geometry: { type: 'Point' as const, coordinates: [117 + i * 1e-3, 39] } }));
    e.put('x', features);
    const all = e.thematic('x', { kind: 'graduated', field: 'v', method: 'equal', classes: 4 }, null);
    expect(all.legend.entries.reduce((n, c) => n + c.count, 0)).toBe(100);
    const kept = Uint32Array.from({ length: 30 }, (_, i) => i);
    const some = e.thematic('x', { kind: 'categories', field: 't' }, kept, 'k');
    expect(some.key).toBe('k');
    expect(Object.fromEntries(some.legend.entries.map((c) => [c.label, c.count]))).toMatchObject({ 甲: 15, 乙: 15 });
  });

  it('gives GPU-drawn points a class byte per feature that agrees with the legend, and their positions', async () => {
    const e = new DataEngine();
    const fs: Feature<Geometry | null>[] = Array.from({ length: 10 }, (_, i) => ({ type: 'Feature', properties: { v: i < 9 ? i * 10 : null }, geometry: { type: 'Point', coordinates: [117 + i * 1e-3, 39] } }));
    fs.push({ type: 'Feature', properties: { v: 5 }, geometry: null });
    e.put('x', fs);
    const kept = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 9, 10]); // feature 8 filtered out
    const r = e.thematic('x', { kind: 'graduated', field: 'v', method: 'manual', breaks: [25, 55] }, kept, 'k', true);
    // 0,10,20 → 0 · 30,40,50 → 1 · 60,70 → 2 · 80 hidden (filter) · null → missing · no geometry → hidden.
    expect(Array.from(r.perFeature!)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 255, 254, 255]);
    // The legend counts the kept features' values (the one without geometry too: class 0).
    expect(r.legend.entries.map((c) => c.count)).toEqual([4, 3, 2, 1]);
    expect(e.thematic('x', { kind: 'graduated', field: 'v' }, null).perFeature).toBeUndefined();
    // Through the service: the positions (and the class bytes) cross as transferred buffers.
    const fetchFn = (async () => new Response(JSON.stringify({ type: 'FeatureCollection', features: fs }))) as typeof fetch;
    const c = inProcessClient('http://x/', fetchFn);
    const layer = { id: 'p', file: 'p.geojson' };
    const p = await c.ask(layer, 'points', { layerId: 'p' });
    expect(p?.count).toBe(11);
    expect(p?.xy.length).toBe(22);
    const viaService = await c.ask(layer, 'thematic', { layerId: 'p', style: { kind: 'graduated', field: 'v', method: 'manual', breaks: [25, 55] }, kept, key: 'k', perFeature: true });
    expect(Array.from(viaService.perFeature!)).toEqual(Array.from(r.perFeature!));
  });
});
