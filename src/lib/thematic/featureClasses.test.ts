import { describe, expect, it } from 'vitest';
import { CLASS_HIDDEN, CLASS_MISSING, CLASS_OTHER, classPalette, featureClasses } from './featureClasses';
import { MISSING_COLOR } from './ramps';
import type { CategoricalClasses, NumericClasses } from './resolve';

const numeric: NumericClasses = { type: 'numeric', breaks: [0, 10, 100, 1000], colors: ['#111111', '#222222', '#333333'] };
const cats: CategoricalClasses = { type: 'categories', values: ['居住', '商业'], colors: ['#aa0000', '#00aa00'], hasOther: true, otherColor: '#999999' };

describe('one class byte per feature', () => {
  it('classes numbers as a MapLibre step does (b_i ≤ v < b_i+1, the top bound in the last class)', () => {
    const props = [{ v: 0 }, { v: 9.99 }, { v: 10 }, { v: '150' }, { v: 1000 }, { v: 5000 }, { v: -3 }, { v: null }, { v: '' }, { v: 'n/a' }, null];
    expect(Array.from(featureClasses(props, 'v', numeric, null))).toEqual([0, 0, 1, 2, 2, 2, 0, CLASS_MISSING, CLASS_MISSING, CLASS_MISSING, CLASS_MISSING]);
  });

  it('hides what the filter drops and what has no point to draw', () => {
    const props = [{ v: 1 }, { v: 20 }, { v: 200 }, { v: 2 }];
    const out = featureClasses(props, 'v', numeric, Uint32Array.from([1, 2, 3]), (i) => i !== 3);
    expect(Array.from(out)).toEqual([CLASS_HIDDEN, 1, 2, CLASS_HIDDEN]);
  });

  it('gives categories their index, then other and missing', () => {
    const props = [{ t: '商业' }, { t: ' 居住 ' }, { t: '工业' }, { t: null }, {}];
    expect(Array.from(featureClasses(props, 't', cats, null))).toEqual([1, 0, CLASS_OTHER, CLASS_MISSING, CLASS_MISSING]);
  });

  it('builds a palette that colours every class byte as the legend does', () => {
    const p = classPalette(cats);
    expect(p.colors.slice(0, 2)).toEqual(['#aa0000', '#00aa00']);
    expect(p.colors[CLASS_OTHER]).toBe('#999999');
    expect(p.colors[CLASS_MISSING]).toBe(MISSING_COLOR);
    expect(p.radii).toBeNull();
    const circles = classPalette({ ...numeric, radii: [4, 11, 18] }, 3);
    expect(circles.radii!.slice(0, 3)).toEqual([4, 11, 18]);
    expect(circles.radii![CLASS_MISSING]).toBe(3);
  });
});
