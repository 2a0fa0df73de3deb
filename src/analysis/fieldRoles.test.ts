import { describe, expect, it } from 'vitest';
import { applyFieldMap, guessFieldMap } from './fieldRoles';
import { computeIndicators } from './indicators';
import { fc, point } from './testgeo';

describe('field roles', () => {
  it('guesses Chinese and English columns, only when one column fits', () => {
    expect(guessFieldMap(['名称', '床位', '地址'])).toEqual({ beds: '床位' });
    expect(guessFieldMap(['name', 'places', 'area_m2', '人口'])).toEqual({ places: 'places', area: 'area_m2', population: '人口' });
    expect(guessFieldMap(['床位', 'beds'])).toEqual({});
  });

  it('copies the mapped column to the attribute the targets read, keeping the original', () => {
    const out = applyFieldMap(fc([point(0, 0, { 名称: '某医院', 床位: 600 })]), { beds: '床位' });
    expect(out.features[0].properties).toEqual({ 名称: '某医院', 床位: 600, beds: 600 });
    const same = fc([point(0, 0, { beds: 1 })]);
    expect(applyFieldMap(same, {})).toBe(same);
  });

  it('lets the beds target read a 床位 column through the mapping', () => {
    const hospitals = fc([point(0, 0, { 床位: 600 }), point(0, 0, { 床位: 600 })]);
    const before = computeIndicators({ medical: hospitals, centralCityPopulation: 200000 }).find((r) => r.id === 'hospital_beds')!;
    expect(before.status).toBe('incomplete');
    const after = computeIndicators({ medical: applyFieldMap(hospitals, { beds: '床位' }), centralCityPopulation: 200000 }).find((r) => r.id === 'hospital_beds')!;
    expect(after).toMatchObject({ value: 6, status: 'met' });
  });
});
