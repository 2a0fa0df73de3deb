import { describe, expect, it } from 'vitest';
import { csvCell as csvField } from '../io/exportCsv.ts';
import { BOM, coverageTableCsv, toCsv } from './coverageCsv.ts';

describe('CSV cells of the coverage table', () => {
  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('和平区')).toBe('和平区');
  });

  it('writes numbers as numbers, blanks for missing values, and defuses formulas', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-x')).toBe("'-x");
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x,y']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('a,b\r\n1,"x,y"\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('exports the coverage table with headers in either language', () => {
    const row = { id: '120101', name: '和平区', areaM2: 9_970_000, coveredM2: 4_985_000, coveredPct: 50, population: 355000, coveredPopulation: 177500.4, facilities: 3, facilitiesInside: 2, cellSizeM: 12, errorM2: 1000, refined: false };
    const zh = coverageTableCsv([row], 'zh').slice(1).split('\r\n');
    expect(zh[0].split(',')[0]).toBe('编号');
    expect(zh[1]).toBe('120101,和平区,9.97,4.985,50,355000,177500,3,2,12,0.001');
    const en = coverageTableCsv([{ ...row, population: null, coveredPopulation: null }], 'en').slice(1).split('\r\n');
    expect(en[0]).toBe('id,name,area_km2,covered_km2,covered_pct,population,covered_population,facilities_reaching,facilities_inside,cell_m,error_bound_km2');
    expect(en[1]).toBe('120101,和平区,9.97,4.985,50,,,3,2,12,0.001');
  });
});
