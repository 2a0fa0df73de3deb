import { describe, expect, it } from 'vitest';
import { importBytes, importText, sniffFormat } from './importData.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const point = (x: number, y: number, properties: unknown = {}) => ({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [x, y] } });
const fcText = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('sniffFormat', () => {
  it.each([
    ['a.geojson', '', 'empty'],
    ['a.geojson', ' \n ', 'blank'],
    ['a.json', '<!DOCTYPE html><html><title>x</title>', 'html'],
    ['a.json', '  {"type":"Feature"}', 'json'],
    ['a.txt', 'lon,lat\n1,2', 'csv'],
    ['a.json', '42', 'json'],
    ['a.dat', 'hello world', 'unknown'],
  ])('%s %j → %s', (name, text, expected) => {
    expect(sniffFormat(name, text)).toBe(expected);
  });
});

describe('importText', () => {
  it('returns a FeatureCollection with stats', () => {
    const r = importText('a.geojson', fcText(point(117.2, 39.1), { type: 'Feature', properties: {}, geometry: null }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.stats).toMatchObject({ format: 'geojson', featureCount: 2, geometryTypes: { Point: 1, null: 1 }, crs: 'WGS84', dropped: 0 });
    expect(r.stats.bbox).toEqual([117.2, 39.1, 117.2, 39.1]);
    expect(r.warnings.map((w) => w.code)).toEqual(['geometry.null']);
  });

  it('wraps a bare geometry and a single feature', () => {
    const g = importText('g.json', '{"type":"LineString","coordinates":[[117.2,39.1],[117.3,39.2]]}');
    expect(g.ok && g.data.features[0]).toEqual({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117.2, 39.1], [117.3, 39.2]] } });
    const f = importText('f.json', JSON.stringify(point(117.2, 39.1, { a: 1 })));
    expect(f.ok && f.data.features).toHaveLength(1);
    expect(f.ok && f.warnings.map((w) => w.code)).toEqual(['feature.wrapped']);
  });

  it('converts GCJ-02 on request and says so', () => {
    const r = importText('a.geojson', fcText(point(117.206253, 39.133425)), { crs: 'GCJ02' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lon, lat] = (r.data.features[0].geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(117.2, 2);
    expect(lon).toBeLessThan(117.2);
    expect(lat).toBeLessThan(39.133425);
    expect(r.warnings.map((w) => w.code)).toContain('crs.converted');
    expect(r.stats.bbox?.[0]).toBe(lon);
  });

  it('drops invalid features only when asked', () => {
    const text = fcText(point(117.2, 39.1), point(317.2, 39.1), point(117.3, 39.1));
    expect(importText('a.geojson', text).ok).toBe(false);
    const r = importText('a.geojson', text, { dropInvalid: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.features).toHaveLength(2);
    expect(r.stats.dropped).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual(['coord.out_of_range', 'feature.dropped']);
  });

  it('does not drop its way out of a file-level error', () => {
    expect(importText('a.json', '{"type":"Topology"}', { dropInvalid: true }).ok).toBe(false);
  });

  it('attaches CSV file lines to validation errors', () => {
    const r = importText('p.csv', 'name,lat,lon\nA,117.2,39.1\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.errors[0].code, r.errors[0].line]).toEqual(['coord.swapped', 2]);
  });

  it('warns when data is far from Tianjin unless the region check is off', () => {
    const text = fcText(point(2.35, 48.85));
    const a = importText('a.geojson', text);
    expect(a.ok && a.warnings.map((w) => w.code)).toEqual(['coord.far_away']);
    const b = importText('a.geojson', text, { region: null });
    expect(b.ok && b.warnings).toEqual([]);
  });

  it('drops the obsolete crs member from the output', () => {
    const r = importText('a.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:4326' } }, features: [point(117.2, 39.1)] }));
    expect(r.ok && 'crs' in r.data).toBe(false);
  });

  it('reports progress stages in order', () => {
    const stages: string[] = [];
    importBytes('a.geojson', enc(fcText(point(117.2, 39.1))), { crs: 'BD09', onProgress: (s) => stages.push(s) });
    expect([...new Set(stages)]).toEqual(['decoding', 'parsing', 'validating', 'converting']);
  });
});

describe('importBytes', () => {
  it('decodes GBK CSV with Chinese headers and warns', () => {
    const bytes = new Uint8Array([0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, ...enc('117.2,39.1\n')]);
    const r = importBytes('a.csv', bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toEqual(['encoding.gbk_decoded']);
    expect(r.stats).toMatchObject({ format: 'csv', encoding: 'gb18030', csvColumns: { lon: '经度', lat: '纬度' } });
  });

  it('fails cleanly on binary input', () => {
    const r = importBytes('a.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].code).toBe('encoding.binary');
  });
});

describe('stats.rewritten', () => {
  it('is false only when the output equals the parsed source', () => {
    const plain = fcText(point(117.2, 39.1));
    const r = (t: string, o = {}) => {
      const x = importText('a.geojson', t, o);
      return x.ok ? x.stats.rewritten : 'failed';
    };
    expect(r(plain)).toBe(false);
    expect(r(plain, { crs: 'GCJ02' })).toBe(true);
    expect(r(JSON.stringify(point(117.2, 39.1)))).toBe(true);
    expect(r(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null }] }))).toBe(true);
    expect(importText('a.csv', 'lon,lat\n117,39\n').ok && (importText('a.csv', 'lon,lat\n117,39\n') as { stats: { rewritten: boolean } }).stats.rewritten).toBe(true);
  });
});
