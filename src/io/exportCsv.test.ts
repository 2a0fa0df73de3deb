import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { csvCell, csvText, exportCsv, propertyColumns } from './exportCsv';

type AnyFeature = Feature<Geometry | null>;

/** Minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const features: AnyFeature[] = [
  { type: 'Feature', properties: { __i: 0, name: '五大道, "街区"', n: -3.5, ok: true }, geometry: { type: 'Point', coordinates: [117.12345678, 39.1] } },
  { type: 'Feature', properties: { name: '=HYPERLINK("x")', note: 'two\nlines', tags: ['a', 'b'] }, geometry: { type: 'LineString', coordinates: [[117, 39], [117.2, 39]] } },
  { type: 'Feature', properties: { name: '-12.5', n: null }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] } },
  { type: 'Feature', properties: { name: 'nowhere' }, geometry: null },
];

describe('csv cells', () => {
  it('quotes delimiters, quotes, newlines and edge spaces', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText(' x')).toBe('" x"');
    expect(csvText('天津')).toBe('天津');
  });
  it('guards formula starts but not plain numbers or numeric cells', () => {
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('@cmd')).toBe("'@cmd");
    expect(csvText('+86 22 1234')).toBe("'+86 22 1234");
    expect(csvText('-12.5')).toBe('-12.5');
    expect(csvCell(-7)).toBe('-7');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});

describe('exportCsv', () => {
  it('writes a BOM, a header and one row per feature with lon/lat', () => {
    const text = exportCsv(features);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(['name', 'n', 'ok', 'note', 'tags', 'lon', 'lat', 'geometry_type']);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual(['五大道, "街区"', '-3.5', 'true', '', '', '117.123457', '39.1', 'Point']);
    expect(rows[2][0]).toBe("'=HYPERLINK(\"x\")");
    expect(rows[2][3]).toBe('two\nlines');
    expect(rows[2][4]).toBe('["a","b"]');
    expect(rows[2].slice(5)).toEqual(['117.1', '39', 'LineString']);
    expect(rows[3].slice(5)).toEqual(['1', '1', 'Polygon']);
    expect(rows[4].slice(5)).toEqual(['', '', '']);
    expect(rows.every((r) => r.length === 8)).toBe(true);
  });
  it('writes WKT and honours chosen columns and no BOM', () => {
    const rows = parseCsv(exportCsv(features, { geometry: 'wkt', columns: ['name'], bom: false }));
    expect(rows[0]).toEqual(['name', 'wkt']);
    expect(rows[1][1]).toBe('POINT (117.123457 39.1)');
    expect(rows[3][1]).toBe('POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))');
    expect(rows[4][1]).toBe('');
  });
  it('renames geometry columns that clash with properties', () => {
    const rows = parseCsv(exportCsv([{ type: 'Feature', properties: { lon: 'x' }, geometry: { type: 'Point', coordinates: [1, 2] } }], { bom: false }));
    expect(rows[0]).toEqual(['lon', '_lon', 'lat', 'geometry_type']);
    expect(rows[1]).toEqual(['x', '1', '2', 'Point']);
  });
  it('lists property columns without internal ones', () => {
    expect(propertyColumns(features)).toEqual(['name', 'n', 'ok', 'note', 'tags']);
  });
});
