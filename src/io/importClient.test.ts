import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overallProgress, parseIfSmall, startImport, type ImportProgress } from './importClient.ts';
import { handleImport, type ImportRequest, type WorkerMessage } from './parse.worker.ts';

/** A Worker stand-in that runs the real handler in-process, asynchronously. */
class FakeWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private delay = 0) {}
  postMessage(req: ImportRequest) {
    setTimeout(() => {
      void handleImport(req, (m) => {
        if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent);
      });
    }, this.delay);
  }
  terminate() {
    this.terminated = true;
  }
}

const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '天津站' }, geometry: { type: 'Point', coordinates: [117.2, 39.13] } }],
});

describe('handleImport (worker body)', () => {
  it('reads a Blob, reports stages and sends back the source bytes when unchanged', async () => {
    const msgs: WorkerMessage[] = [];
    await handleImport({ type: 'import', id: 1, name: 'a.geojson', file: new Blob(['\ufeff' + geojson]), options: {} }, (m) => msgs.push(m));
    const done = msgs[msgs.length - 1];
    expect(done.type === 'done' && done.ok).toBe(true);
    if (done.type !== 'done' || !done.ok) return;
    expect(done.parts).toHaveLength(1);
    expect(await done.parts[0].blob.text()).toBe(geojson);
    expect(done.parts[0]).toMatchObject({ kind: 'point', featureCount: 1, bbox: [117.2, 39.13, 117.2, 39.13] });
    expect(done.summary).toMatchObject({ featureCount: 1, rewritten: false, name: 'a.geojson', fields: [{ name: 'name', kind: 'string' }] });
    const stages = msgs.filter((m) => m.type === 'progress').map((m) => (m as { stage: string }).stage);
    expect([...new Set(stages)]).toEqual(['reading', 'decoding', 'parsing', 'validating']);
  });

  it('re-serialises converted data and returns errors for bad input', async () => {
    const msgs: WorkerMessage[] = [];
    const buffer = new TextEncoder().encode(geojson).buffer as ArrayBuffer;
    await handleImport({ type: 'import', id: 2, name: 'a.geojson', buffer, options: { crs: 'GCJ02' } }, (m) => msgs.push(m));
    const done = msgs[msgs.length - 1];
    if (done.type !== 'done' || !done.ok) throw new Error('expected success');
    const out = JSON.parse(await done.parts[0].blob.text());
    expect(out.features[0].geometry.coordinates[0]).toBeLessThan(117.2);
    const bad: WorkerMessage[] = [];
    await handleImport({ type: 'import', id: 3, name: 'x.json', buffer: new TextEncoder().encode('{"type":').buffer as ArrayBuffer, options: {} }, (m) => bad.push(m));
    expect(bad[bad.length - 1]).toMatchObject({ type: 'done', ok: false, errors: [{ code: 'json.truncated' }] });
  });
});

describe('handleImport with mixed geometry kinds', () => {
  it('sends one part per kind, each a FeatureCollection of its features in file order', async () => {
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [117.2, 39.1] } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'LineString', coordinates: [[117.1, 39], [117.3, 39.2]] } },
        { type: 'Feature', properties: { n: 3 }, geometry: { type: 'Point', coordinates: [117.25, 39.15] } },
      ],
    };
    const msgs: WorkerMessage[] = [];
    await handleImport({ type: 'import', id: 9, name: 'm.geojson', file: new Blob([JSON.stringify(mixed)]), options: {} }, (m) => msgs.push(m));
    const done = msgs[msgs.length - 1];
    if (done.type !== 'done' || !done.ok) throw new Error('expected success');
    expect(done.parts.map((p) => [p.kind, p.featureCount])).toEqual([['point', 2], ['line', 1]]);
    const pts = JSON.parse(await done.parts[0].blob.text());
    expect(pts.features.map((f: { properties: { n: number } }) => f.properties.n)).toEqual([1, 3]);
    expect(done.summary.featureCount).toBe(3);
  });
});

describe('startImport', () => {
  it('resolves with bytes and summary, with monotonic progress ending at 1', async () => {
    const seen: ImportProgress[] = [];
    const h = startImport(new Blob([geojson]), { name: 'a.geojson', createWorker: () => new FakeWorker() as unknown as Worker, onProgress: (p) => seen.push(p) });
    const r = await h.promise;
    expect(r.ok).toBe(true);
    if (r.ok) expect((await parseIfSmall<{ features: unknown[] }>(r.parts[0].blob))?.features).toHaveLength(1);
    const fr = seen.map((p) => p.fraction);
    expect(fr).toEqual([...fr].sort((a, b) => a - b));
    expect(fr[fr.length - 1]).toBe(1);
  });

  it('cancel resolves at once as cancelled and terminates the worker', async () => {
    const w = new FakeWorker(50);
    const h = startImport(new Blob([geojson]), { createWorker: () => w as unknown as Worker });
    h.cancel();
    const r = await h.promise;
    expect(r).toMatchObject({ ok: false, cancelled: true, errors: [{ code: 'import.cancelled' }] });
    expect(w.terminated).toBe(true);
  });

  it('honours an AbortSignal', async () => {
    const ac = new AbortController();
    const h = startImport(new Blob([geojson]), { signal: ac.signal, createWorker: () => new FakeWorker(50) as unknown as Worker });
    ac.abort();
    expect((await h.promise).ok).toBe(false);
  });
});

describe('overallProgress / parseIfSmall', () => {
  it('maps stages onto one bar', () => {
    expect(overallProgress('reading', 0)).toBe(0);
    expect(overallProgress('validating', 1)).toBeCloseTo(0.8);
    expect(overallProgress('serialising', 1)).toBe(1);
    expect(overallProgress('parsing', 5)).toBeCloseTo(0.45);
  });

  it('refuses to parse big blobs on the main thread', async () => {
    expect(await parseIfSmall(new Blob(['{"a":1}']), 5)).toBeNull();
    expect(await parseIfSmall(new Blob(['{"a":1}']), 50)).toEqual({ a: 1 });
  });
});

describe('handleImport with several files (issue 8)', () => {
  const fx = (f: string) => new Blob([readFileSync(`tests/fixtures/formats/${f}`)]);
  it("loads a Shapefile's parts together into one layer with its source CRS", async () => {
    const msgs: WorkerMessage[] = [];
    const files = ['shp', 'dbf', 'prj', 'cpg'].map((e) => ({ name: `loose-zone39.${e}`, file: fx(`loose-zone39.${e}`) }));
    await handleImport({ type: 'import', id: 21, name: 'loose-zone39.shp', files, options: {} }, (m) => msgs.push(m));
    const done = msgs.at(-1)!;
    expect(done.type === 'done' && done.ok).toBe(true);
    if (done.type !== 'done' || !done.ok) return;
    expect(done.parts).toHaveLength(1);
    expect(done.parts[0].sourceCrs?.id).toBe('EPSG:4527');
    expect(done.parts[0].featureCount).toBe(3);
    expect(done.summary.layerCount).toBe(1);
  });
  it('passes the CRS candidates and the chosen CRS through', async () => {
    const msgs: WorkerMessage[] = [];
    await handleImport({ type: 'import', id: 22, name: 'n.zip', file: fx('shp-no-prj-gk117.zip'), options: {} }, (m) => msgs.push(m));
    const fail = msgs.at(-1)!;
    expect(fail.type === 'done' && !fail.ok && fail.crsCandidates?.[0].id).toBe('EPSG:4548');
    const again: WorkerMessage[] = [];
    await handleImport({ type: 'import', id: 23, name: 'n.zip', file: fx('shp-no-prj-gk117.zip'), options: { from: 'EPSG:4548' } }, (m) => again.push(m));
    const ok = again.at(-1)!;
    expect(ok.type === 'done' && ok.ok && ok.parts[0].sourceCrs?.id).toBe('EPSG:4548');
  });
});
