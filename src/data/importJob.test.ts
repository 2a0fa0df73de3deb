import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../io/importClient';
import { startImport } from './importJob';
import { inProcessClient } from './inProcess';

const fc = (n: number) => JSON.stringify({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { name: `点${i}`, v: i }, geometry: { type: 'Point', coordinates: [117.1 + i * 1e-4, 39.1] } })),
});

describe('startImport through the data service', () => {
  it('parses once in the service: the part is held, adopted as a layer and answers queries there', async () => {
    const client = inProcessClient();
    const seen: ImportProgress[] = [];
    const r = await startImport(client, new Blob([fc(5)]), { name: 'a.geojson', onProgress: (p) => seen.push(p) }).promise;
    if (!r.ok) throw new Error('expected success');
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ kind: 'point', featureCount: 5 });
    const fr = seen.map((p) => p.fraction);
    expect(fr.length).toBeGreaterThan(2);
    expect(fr).toEqual([...fr].sort((a, b) => a - b));
    await client.adopt(r.parts[0].key, 'u-a');
    const page = await client.call('page', { layerId: 'u-a', indices: Uint32Array.from([4, 0]) });
    expect(page).toEqual([{ name: '点4', v: 4 }, { name: '点0', v: 0 }]);
    // Its tiles come from the same features (the index is built right after the import).
    await new Promise((r) => setTimeout(r, 5));
    const tile = await client.tile('u-a', 0, 0, 0);
    expect(tile && tile.byteLength).toBeGreaterThan(50);
    // The part's key is gone once adopted.
    await expect(client.call('stats', { layerId: r.parts[0].key })).rejects.toThrow(/not loaded/);
  });

  it('hands back a converted layer written out as GeoJSON (for storage)', async () => {
    const client = inProcessClient();
    const r = await startImport(client, new Blob([fc(3)]), { name: 'g.geojson', crs: 'GCJ02' }).promise;
    if (!r.ok) throw new Error('expected success');
    expect(r.parts[0].asGiven).toBe(false);
    const back = JSON.parse(await r.parts[0].blob.text());
    expect(back.type).toBe('FeatureCollection');
    expect(back.features).toHaveLength(3);
    expect(back.features[0].geometry.coordinates[0]).toBeLessThan(117.1);
  });

  it('reports bad input with located messages and holds nothing', async () => {
    const client = inProcessClient();
    const r = await startImport(client, new Blob(['{"type":"FeatureCollection","features":[{"type":"Feature"}]}']), { name: 'bad.geojson' }).promise;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.cancelled).toBe(false);
    expect(r.errors[0].message.zh.length).toBeGreaterThan(0);
    expect(r.errors[0].message.en.length).toBeGreaterThan(0);
  });

  it('cancel settles at once as cancelled, and the service lets the parts go', async () => {
    const client = inProcessClient();
    const h = startImport(client, new Blob([fc(50)]), { name: 'c.geojson' });
    h.cancel();
    expect(await h.promise).toMatchObject({ ok: false, cancelled: true, errors: [{ code: 'import.cancelled' }] });
    // Whatever the service made for this job is dropped: a later import's key is the only thing held.
    const r = await startImport(client, new Blob([fc(2)]), { name: 'd.geojson' }).promise;
    if (!r.ok) throw new Error('expected success');
    await client.adopt(r.parts[0].key, 'u-d');
    const hits = await client.call('search', { layerIds: ['u-d'], query: '点1' });
    expect(hits.length).toBe(1);
  });

  it('honours an AbortSignal', async () => {
    const client = inProcessClient();
    const ac = new AbortController();
    const h = startImport(client, new Blob([fc(5)]), { signal: ac.signal });
    ac.abort();
    expect(await h.promise).toMatchObject({ ok: false, cancelled: true });
  });
});
