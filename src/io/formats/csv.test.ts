import { describe, expect, it } from 'vitest';
import { csvToGeoJSON, detectDelimiter, findLonLatColumns, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('handles RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', () => {
    const r = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,2,3\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.header).toEqual(['a', 'b', 'c']);
    expect(r.table.rows).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
    expect(r.table.rowLines).toEqual([2, 4]);
  });

  it('skips blank lines and a BOM', () => {
    const r = parseCsv('\uFEFFlon,lat\n\n117,39\n\n');
    expect(r.ok && r.table.header).toEqual(['lon', 'lat']);
    expect(r.ok && r.table.rows).toEqual([['117', '39']]);
  });

  it('reports an unclosed quote with its line', () => {
    const r = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.line]).toEqual(['csv.unclosed_quote', 2]);
  });
});

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab on the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('a,b')).toBe(',');
  });
});

describe('findLonLatColumns', () => {
  it.each([
    [['name', 'lon', 'lat'], { lon: 1, lat: 2 }],
    [[' Longitude ', 'LATITUDE'], { lon: 0, lat: 1 }],
    [['lng', 'x', 'lat'], { lon: 0, lat: 2 }],
    [['X', 'Y'], { lon: 0, lat: 1 }],
    [['名称', '纬度', '经度'], { lon: 2, lat: 1 }],
    [['经度（WGS84）', '纬度（WGS84）'], { lon: 0, lat: 1 }],
    [['东经', '北纬'], { lon: 0, lat: 1 }],
  ])('%j', (header, expected) => {
    expect(findLonLatColumns(header)).toEqual(expected);
  });

  it('returns null without both columns', () => {
    expect(findLonLatColumns(['name', 'lon'])).toBeNull();
  });
});

describe('csvToGeoJSON', () => {
  it('builds points; numeric-only columns become numbers, others stay text', () => {
    const r = csvToGeoJSON('name,lon,lat,count,code\nA,117.2,39.1,12,007\nB,117.3,39.2,,300\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.features.map((f) => f.geometry.coordinates)).toEqual([
      [117.2, 39.1],
      [117.3, 39.2],
    ]);
    expect(r.data.features[0].properties).toEqual({ name: 'A', count: 12, code: '007' });
    expect(r.data.features[1].properties).toEqual({ name: 'B', count: null, code: '300' });
    expect(r.columns).toEqual({ lon: 'lon', lat: 'lat' });
  });

  it('reads decimal commas in semicolon files', () => {
    const r = csvToGeoJSON('x;y\n117,25;39,5\n');
    expect(r.ok && r.data.features[0].geometry.coordinates).toEqual([117.25, 39.5]);
  });

  it('names the row (file line) and column of a bad number', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `p${i},117.${i},39.${i}`).join('\n');
    const r = csvToGeoJSON(`name,longitude,latitude\n${rows}\nbad,117.2O,39.1\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect([r.errors[0].code, r.errors[0].line, r.errors[0].featureIndex]).toEqual(['csv.bad_number', 7, 5]);
    expect(r.errors[0].message.en).toContain('"117.2O"');
  });

  it('lists the headers it saw when there are no coordinate columns', () => {
    const r = csvToGeoJSON('name,addr\nA,B\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message.en).toContain('"name", "addr"');
  });

  it('warns about ragged rows and renames duplicate headers', () => {
    const r = csvToGeoJSON('lon,lat,n,n\n117,39,a\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toEqual(['csv.ragged_row']);
    expect(r.data.features[0].properties).toEqual({ n: 'a', n_2: '' });
  });
});
