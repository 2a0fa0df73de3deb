import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { facetCounts } from './facetCounts';

const f = (renewal_type: string, district: string, name: string): Feature<Geometry | null> => ({ type: 'Feature', properties: { renewal_type, district, name }, geometry: null });
const features = [f('green', '和平区', '甲公园'), f('green', '河西区', '乙公园'), f('commerce', '和平区', '丙商圈'), f('culture_tourism', '和平区', '丁街')];

describe('facet counts', () => {
  it('count each value among the features the other clauses keep', () => {
    const c = facetCounts(features, { categories: { district: ['和平区'] } }, 'renewal_type');
    expect(Object.fromEntries(c)).toEqual({ green: 1, commerce: 1, culture_tourism: 1 });
  });

  it('ignore the field’s own clause, so other values stay choosable', () => {
    const c = facetCounts(features, { categories: { renewal_type: ['green'], district: ['和平区'] } }, 'renewal_type');
    expect(c.get('commerce')).toBe(1);
    const d = facetCounts(features, { categories: { renewal_type: ['green'] } }, 'district');
    expect(Object.fromEntries(d)).toEqual({ 和平区: 1, 河西区: 1 });
  });

  it('follow the text clause too', () => {
    expect(Object.fromEntries(facetCounts(features, { text: '公园' }, 'renewal_type'))).toEqual({ green: 2 });
  });
});
