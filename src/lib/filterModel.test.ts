import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  categoryKey, clearFilter, describeFilter, describeFilterText, isEmptyFilter, normalizeFilter, parseLayerFilter,
  removeClause, setCategory, setDistricts, setLayerFilter, setPolygon, setRange, setText, toggleCategoryValue,
  type LayerFilter,
} from './filterModel';

const square: Polygon = { type: 'Polygon', coordinates: [[[117, 39], [117.1, 39], [117.1, 39.1], [117, 39.1], [117, 39]]] };

describe('updaters', () => {
  it('return new objects and leave the input untouched', () => {
    const f: LayerFilter = { categories: { kind: ['a'] } };
    const g = toggleCategoryValue(f, 'kind', 'b');
    expect(g).not.toBe(f);
    expect(f.categories!.kind).toEqual(['a']);
    expect(g.categories!.kind).toEqual(['a', 'b']);
  });
  it('toggle removes a value and drops an emptied clause', () => {
    const f = toggleCategoryValue({ categories: { kind: ['a'] } }, 'kind', 'a');
    expect(f).toEqual({});
    expect(isEmptyFilter(f)).toBe(true);
  });
  it('setCategory dedupes and sorts values', () => {
    expect(setCategory({}, 'k', ['b', 'a', 'b']).categories).toEqual({ k: ['a', 'b'] });
  });
  it('setRange keeps open ends, swaps reversed bounds, drops fully open ranges', () => {
    expect(setRange({}, 'area', 5, null).ranges).toEqual({ area: [5, null] });
    expect(setRange({}, 'area', 9, 2).ranges).toEqual({ area: [2, 9] });
    expect(setRange({ ranges: { area: [1, 2] } }, 'area', null, null)).toEqual({});
  });
  it('setText trims and removes blank text', () => {
    expect(setText({}, '  五大道 ').text).toBe('五大道');
    expect(setText({ text: 'x' }, '   ')).toEqual({});
  });
  it('setDistricts and setPolygon set and clear', () => {
    const f = setPolygon(setDistricts({}, ['和平区', '河西区']), square);
    expect(f.district).toEqual(['和平区', '河西区']);
    expect(f.polygon).toBe(square);
    expect(setPolygon(f, null).polygon).toBeUndefined();
    expect(setDistricts(f, []).district).toBeUndefined();
  });
  it('removeClause removes exactly the named clause', () => {
    const f: LayerFilter = { categories: { a: ['1'], 'b:c': ['2'] }, ranges: { n: [0, 1] }, text: 't', district: ['x'], polygon: square };
    expect(removeClause(f, 'category:b:c').categories).toEqual({ a: ['1'] });
    expect(removeClause(f, 'range:n').ranges).toBeUndefined();
    expect(removeClause(f, 'text').text).toBeUndefined();
    expect(removeClause(f, 'district').district).toBeUndefined();
    expect(removeClause(f, 'polygon').polygon).toBeUndefined();
    expect(removeClause(f, 'nonsense')).toEqual(normalizeFilter(f));
  });
  it('state helpers add, replace and clear a layer entry', () => {
    const s = setLayerFilter({}, 'L', { text: 'a' });
    expect(s).toEqual({ L: { text: 'a' } });
    expect(setLayerFilter(s, 'L', { text: ' ' })).toEqual({});
    expect(clearFilter({ ...s, M: { text: 'b' } }, 'L')).toEqual({ M: { text: 'b' } });
  });
});

describe('categoryKey', () => {
  it('maps missing to blank and scalars to strings', () => {
    expect(categoryKey(undefined)).toBe('');
    expect(categoryKey(null)).toBe('');
    expect(categoryKey(3)).toBe('3');
    expect(categoryKey(true)).toBe('true');
    expect(categoryKey({})).toBeNull();
  });
});

describe('describeFilter', () => {
  it('makes one removable chip per clause, bilingual, using field labels', () => {
    const f: LayerFilter = { categories: { kind: ['b', 'a', ''] }, ranges: { area: [null, 10] }, text: 'x', district: ['和平区'], polygon: square };
    const chips = describeFilter(f, { kind: { zh: '类型', en: 'Type' } });
    expect(chips.map((c) => c.key)).toEqual(['category:kind', 'range:area', 'text', 'district', 'polygon']);
    expect(chips[0].label.zh).toContain('类型');
    expect(chips[0].label.en).toContain('Type: (blank), a, b');
    expect(chips[1].label.en).toBe('area: ≤ 10');
    for (const c of chips) expect(removeClause(f, c.key)).not.toEqual(normalizeFilter(f));
  });
  it('abbreviates long value lists and joins a text summary', () => {
    const chips = describeFilter({ categories: { k: ['1', '2', '3', '4', '5'] } });
    expect(chips[0].label.en).toBe('k: 1, 2, 3 +2');
    expect(describeFilterText({}).en).toBe('');
    expect(describeFilterText({ text: 'a', ranges: { n: [1, 2] } }).en).toBe('n: 1–2; Contains “a”');
  });
  it('names category values with the given labels, blanks stay blank', () => {
    const label = (p: string, v: string) => ({ zh: `${p}-${v}中`, en: `${p}-${v}` });
    const [chip] = describeFilter({ categories: { t: ['green', ''] } }, {}, label);
    expect(chip.label.en).toBe('t: (blank), t-green');
    expect(chip.label.zh).toBe('t：（空）, t-green中');
  });
});

describe('parseLayerFilter', () => {
  it('keeps valid clauses and reports bad ones without throwing', () => {
    const { filter, errors } = parseLayerFilter({
      categories: { a: ['x'], b: [1] }, ranges: { n: [1, null], m: ['1', 2] }, text: 5, district: ['和平区'],
      polygon: { type: 'Polygon', coordinates: [[[0, 0]]] }, extra: 1,
    });
    expect(filter).toEqual({ categories: { a: ['x'] }, ranges: { n: [1, null] }, district: ['和平区'] });
    expect(errors).toHaveLength(5);
  });
  it('accepts a valid polygon and rejects non-objects', () => {
    expect(parseLayerFilter({ polygon: square }).filter.polygon).toEqual(square);
    expect(parseLayerFilter('x').errors).toHaveLength(1);
    expect(parseLayerFilter(undefined)).toEqual({ filter: {}, errors: [] });
  });
});
