import { describe, expect, it } from 'vitest';
import type { CoverageZoneRow } from '../../analysis/coverage';
import { sortRows } from './sortRows';

const row = (name: string, coveredPct: number, coveredPopulation: number | null, facilities: number): CoverageZoneRow => ({
  id: name, name, areaM2: 1, coveredM2: 0, coveredPct, population: coveredPopulation, coveredPopulation, facilities, facilitiesInside: 0, cellSizeM: 10, errorM2: 0, refined: false,
});
const rows = [row('b', 10, 5, 2), row('a', 30, null, 1), row('c', 20, 7, 3)];

describe('sorting the zone table', () => {
  it('sorts numbers both ways, missing values as the smallest', () => {
    expect(sortRows(rows, 'coveredPct', -1, 'en').map((r) => r.name)).toEqual(['a', 'c', 'b']);
    expect(sortRows(rows, 'coveredPct', 1, 'en').map((r) => r.name)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'coveredPopulation', -1, 'en').map((r) => r.name)).toEqual(['c', 'b', 'a']);
  });

  it('sorts names by locale and leaves the input alone', () => {
    expect(sortRows(rows, 'name', 1, 'en').map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.name)).toEqual(['b', 'a', 'c']);
    const zh = [row('河西区', 0, 0, 0), row('和平区', 0, 0, 0)];
    expect(sortRows(zh, 'name', 1, 'zh').map((r) => r.name)).toEqual(['和平区', '河西区']);
  });
});
