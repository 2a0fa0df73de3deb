import { describe, expect, it } from 'vitest';
import { checkFilterParam, checkFilters, clearAllFilters, clearLayerFilter, removeFilterClause, setFilterFor, updateFilterFor } from './filters';
import { initialState } from './appState';
import { toggleCategoryValue } from '../lib/filterModel';

describe('filter updaters', () => {
  const s0 = initialState();
  it('sets, updates, removes clauses and clears, dropping empty filters', () => {
    const s1 = setFilterFor(s0, 'plan-projects', { categories: { renewal_type: ['green'] }, text: ' 公园 ' });
    expect(s1.filters).toEqual({ 'plan-projects': { categories: { renewal_type: ['green'] }, text: '公园' } });
    expect(s0.filters).toEqual({});
    const s2 = updateFilterFor(s1, 'plan-projects', (f) => toggleCategoryValue(f, 'renewal_type', 'hub'));
    expect(s2.filters['plan-projects'].categories).toEqual({ renewal_type: ['green', 'hub'] });
    const s3 = removeFilterClause(s2, 'plan-projects', 'text');
    expect(s3.filters['plan-projects']).toEqual({ categories: { renewal_type: ['green', 'hub'] } });
    const s4 = removeFilterClause(s3, 'plan-projects', 'category:renewal_type');
    expect(s4.filters).toEqual({});
    expect(removeFilterClause(s4, 'plan-projects', 'text')).toBe(s4);
    const s5 = setFilterFor(setFilterFor(s0, 'a', { text: 'x' }), 'b', { district: ['和平区'] });
    expect(Object.keys(clearLayerFilter(s5, 'a').filters)).toEqual(['b']);
    expect(clearAllFilters(s5).filters).toEqual({});
    expect(clearAllFilters(s0)).toBe(s0);
  });
});

describe('the f= link parameter', () => {
  it('keeps valid layer filters whole', () => {
    const f = { 'plan-projects': { categories: { renewal_type: ['green'] } }, shelters: { district: ['和平区'], text: '公园' } };
    expect(checkFilterParam(f)).toEqual({ value: f, dropped: [] });
    expect(checkFilters(f)).toEqual({ value: f, notices: [] });
  });
  it('drops bad clauses and bad layer ids, keeping the rest', () => {
    const r = checkFilterParam({ 'plan-projects': { ranges: { n: 'x' }, text: 'a' }, 'bad id <script>': { text: 'b' } });
    expect(r.value).toEqual({ 'plan-projects': { text: 'a' } });
    expect(r.dropped).toHaveLength(2);
    expect(r.dropped[0]).toContain('plan-projects.ranges.n');
  });
  it('rejects values with nothing valid, with a bilingual notice', () => {
    for (const bad of [42, 'x', null, [1], { a: { ranges: 3 } }]) {
      const r = checkFilters(bad);
      expect(r.value).toBeUndefined();
      expect(r.notices).toHaveLength(1);
      expect(r.notices[0].message.zh).toMatch(/筛选/);
      expect(r.notices[0].message.en).toMatch(/filter/);
    }
    expect(checkFilters({})).toEqual({ value: {}, notices: [] });
  });
  it('bounds drawn polygons: vertex count and coordinate range', () => {
    const ring = (n: number, x0 = 117.2) => {
      const r = Array.from({ length: n - 1 }, (_, i) => [x0 + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), 39.1 + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))]);
      return [...r, r[0]];
    };
    const poly = (rings: number[][][]) => ({ shelters: { polygon: { type: 'Polygon', coordinates: rings } } });
    expect(checkFilters(poly([ring(500)])).value).toEqual(poly([ring(500)]));
    const many = checkFilters(poly([ring(2001)]));
    expect(many.value).toBeUndefined();
    expect(many.notices[0].message.en).toContain('2001 vertices');
    const far = checkFilters(poly([[[117, 39], [190, 39], [117, 40], [117, 39]]]));
    expect(far.value).toBeUndefined();
    expect(far.notices[0].message.en).toContain('longitude');
    const lat = checkFilters(poly([[[117, 39], [118, 95], [117, 40], [117, 39]]]));
    expect(lat.value).toBeUndefined();
    const rings = checkFilters(poly(Array.from({ length: 11 }, () => ring(5))));
    expect(rings.notices[0].message.en).toContain('rings');
  });
});
