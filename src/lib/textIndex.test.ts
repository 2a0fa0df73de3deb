import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { buildTextIndex, textMask } from './textIndex';
import { applyFilter, textIndexOf } from './filterEval';

describe('textMask', () => {
  const idx = buildTextIndex(['五大道\nfive avenues', '', 'ab', 'b\na', 'abab']);
  it('marks the features containing every term, never across features', () => {
    expect(Array.from(textMask(idx, ['a']))).toEqual([1, 0, 1, 1, 1]); // 'avenues'
    expect(Array.from(textMask(idx, ['ab']))).toEqual([0, 0, 1, 0, 1]);
    expect(Array.from(textMask(idx, ['a', 'b']))).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(textMask(idx, ['大道', 'five']))).toEqual([1, 0, 0, 0, 0]);
    // "s" ends feature 0 and nothing starts feature 1: no hit spanning the separator
    expect(Array.from(textMask(idx, ['sab']))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(textMask(idx, ['zz']))).toEqual([0, 0, 0, 0, 0]);
  });
  it('handles an empty layer and a hit in the last feature', () => {
    expect(Array.from(textMask(buildTextIndex([]), ['a']))).toEqual([]);
    expect(Array.from(textMask(buildTextIndex(['x', 'y', 'xy']), ['y']))).toEqual([0, 1, 1]);
  });
});

describe('applyFilter with a text index', () => {
  const words = ['河西', '公园', 'Park', '南开', 'Street', '五大道'];
  const fs: Feature<Geometry | null>[] = Array.from({ length: 500 }, (_, i) => ({
    type: 'Feature',
    geometry: null,
    properties: { name: `${words[i % 6]}${words[Math.floor(i / 6) % 6]} ${i}`, name_en: i % 3 ? `No. ${i}` : null, n: i },
  }));
  it.each(['河西 公园', 'park 1', '五大道', 'no. 4', 'street 河西', '42'])('agrees with the per-feature scan: %s', (text) => {
    const plain = Array.from(applyFilter(fs, { text }).ids);
    const fast = Array.from(applyFilter(fs, { text }, { textIndex: textIndexOf(fs) }).ids);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.length).toBeLessThan(fs.length);
    expect(fast).toEqual(plain);
  });
  it('ignores an index built for another feature list', () => {
    const other = textIndexOf(fs.slice(0, 10));
    expect(Array.from(applyFilter(fs, { text: '河西' }, { textIndex: other }).ids)).toEqual(Array.from(applyFilter(fs, { text: '河西' }).ids));
  });
});
