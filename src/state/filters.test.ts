import { describe, expect, it } from 'vitest';
import { checkFilterParam, clearAllFilters, clearLayerFilter, removeFilterClause, setFilterFor, updateFilterFor, validateFilterParam } from './filters';
import { initialState } from './updaters';
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
    expect(validateFilterParam(f)).toEqual({ value: f });
  });
  it('drops bad clauses and bad layer ids, keeping the rest', () => {
    const r = checkFilterParam({ 'plan-projects': { ranges: { n: 'x' }, text: 'a' }, 'bad id <script>': { text: 'b' } });
    expect(r.value).toEqual({ 'plan-projects': { text: 'a' } });
    expect(r.dropped).toHaveLength(2);
    expect(r.dropped[0]).toContain('plan-projects.ranges.n');
  });
  it('rejects values with nothing valid, with a bilingual error', () => {
    for (const bad of [42, 'x', null, [1], { a: { ranges: 3 } }]) {
      const r = validateFilterParam(bad);
      expect(r.value).toBeUndefined();
      expect(r.error?.zh).toMatch(/筛选/);
      expect(r.error?.en).toMatch(/filter/);
    }
    expect(validateFilterParam({})).toEqual({ value: {} });
  });
});
