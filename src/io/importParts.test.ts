import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportCancelled, importParts, type WorkerStage } from './importParts.ts';
import { importRequest, overallProgress } from './importClient.ts';

const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '天津站' }, geometry: { type: 'Point', coordinates: [117.2, 39.13] } }],
});

const stagesOf = () => {
  const seen: WorkerStage[] = [];
  return { seen, progress: (s: WorkerStage) => void seen.push(s) };
};

describe('importParts (the import body, run in the data service)', () => {
  it('reads a Blob, reports stages and hands back the source bytes (minus BOM) when they are the layer', async () => {
    const { seen, progress } = stagesOf();
    const r = await importParts({ name: 'a.geojson', file: new Blob(['\ufeff' + geojson]), options: {} }, progress);
    if (!r.ok) throw new Error('expected success');
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]).toMatchObject({ kind: 'point', featureCount: 1, bbox: [117.2, 39.13, 117.2, 39.13] });
    expect(r.parts[0].features[0].properties).toEqual({ name: '天津站' });
    expect(r.parts[0].asGiven).toBe(true);
    expect(await r.parts[0].blob.text()).toBe(geojson);
    expect(r.summary).toMatchObject({ featureCount: 1, rewritten: false, name: 'a.geojson', fields: [{ name: 'name', kind: 'string' }] });
    expect([...new Set(seen)]).toEqual(['reading', 'decoding', 'parsing', 'validating']);
  });

  it('converted data is written out once for storage, and bad input gives located errors', async () => {
    const buffer = new TextEncoder().encode(geojson).buffer as ArrayBuffer;
    const r = await importParts({ name: 'a.geojson', buffer, options: { crs: 'GCJ02' } }, () => undefined);
    if (!r.ok) throw new Error('expected success');
    expect(r.parts[0].asGiven).toBe(false);
    expect(JSON.parse(await r.parts[0].blob.text()).features[0].geometry).toEqual(r.parts[0].features[0].geometry);
    expect((r.parts[0].features[0].geometry as { coordinates: number[] }).coordinates[0]).toBeLessThan(117.2);
    const bad = await importParts({ name: 'x.json', buffer: new TextEncoder().encode('{"type":').buffer as ArrayBuffer, options: {} }, () => undefined);
    expect(bad).toMatchObject({ ok: false, errors: [{ code: 'json.truncated' }] });
  });

  it('splits mixed geometry kinds into one part per kind, in file order', async () => {
    const mixed = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [117.2, 39.1] } },
        { type: 'Feature', properties: { n: 2 }, geometry: { type: 'LineString', coordinates: [[117.1, 39], [117.3, 39.2]] } },
        { type: 'Feature', properties: { n: 3 }, geometry: { type: 'Point', coordinates: [117.25, 39.15] } },
      ],
    };
    const r = await importParts({ name: 'm.geojson', file: new Blob([JSON.stringify(mixed)]), options: {} }, () => undefined);
    if (!r.ok) throw new Error('expected success');
    expect(r.parts.map((p) => [p.kind, p.featureCount])).toEqual([['point', 2], ['line', 1]]);
    expect(r.parts[0].features.map((f) => f.properties?.n)).toEqual([1, 3]);
    expect(r.parts.every((p) => !p.asGiven)).toBe(true);
    expect(JSON.parse(await r.parts[1].blob.text()).features.map((f: { properties: { n: number } }) => f.properties.n)).toEqual([2]);
    expect(r.summary.featureCount).toBe(3);
  });

  it('stops when the progress callback throws ImportCancelled', async () => {
    await expect(importParts({ name: 'a.geojson', file: new Blob([geojson]), options: {} }, (s) => {
      if (s === 'parsing') throw new ImportCancelled();
    })).rejects.toBeInstanceOf(ImportCancelled);
  });

  it("loads a Shapefile's parts together into one layer with its source CRS", async () => {
    const fx = (f: string) => new Blob([readFileSync(`tests/fixtures/formats/${f}`)]);
    const files = ['shp', 'dbf', 'prj', 'cpg'].map((e) => ({ name: `loose-zone39.${e}`, file: fx(`loose-zone39.${e}`) }));
    const r = await importParts({ name: 'loose-zone39.shp', files, options: {} }, () => undefined);
    if (!r.ok) throw new Error('expected success');
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0].sourceCrs?.id).toBe('EPSG:4527');
    expect(r.parts[0].featureCount).toBe(3);
    expect(r.summary.layerCount).toBe(1);
  });

  it('passes the CRS candidates and the chosen CRS through', async () => {
    const zip = new Blob([readFileSync('tests/fixtures/formats/shp-no-prj-gk117.zip')]);
    const fail = await importParts({ name: 'n.zip', file: zip, options: {} }, () => undefined);
    expect(!fail.ok && fail.crsCandidates?.[0].id).toBe('EPSG:4548');
    const ok = await importParts({ name: 'n.zip', file: zip, options: { from: 'EPSG:4548' } }, () => undefined);
    expect(ok.ok && ok.parts[0].sourceCrs?.id).toBe('EPSG:4548');
  });
});

describe('importRequest and overallProgress', () => {
  it('sends files as handles and bytes as transfers', () => {
    const buf = new ArrayBuffer(4);
    expect(importRequest(buf, { name: 'b.csv' })).toMatchObject({ wire: { name: 'b.csv', buffer: buf }, transfer: [buf] });
    const f = new Blob(['x']);
    expect(importRequest(f, { name: 'a.kml', from: 'EPSG:4548' })).toMatchObject({ wire: { name: 'a.kml', file: f, options: { from: 'EPSG:4548' } }, transfer: [] });
  });

  it('maps stages onto one bar', () => {
    expect(overallProgress('reading', 0)).toBe(0);
    expect(overallProgress('validating', 1)).toBeCloseTo(0.9);
    expect(overallProgress('serialising', 1)).toBe(1);
    expect(overallProgress('parsing', 5)).toBeCloseTo(0.45);
  });
});
