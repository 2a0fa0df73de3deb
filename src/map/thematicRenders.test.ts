import { describe, expect, it } from 'vitest';
import { computeThematic } from '../lib/thematic/compute';
import type { ThematicStyle } from '../state/thematic';
import { thematicRenders } from './thematicRenders';

const props = Array.from({ length: 40 }, (_, i) => ({ v: i, t: i % 2 ? 'a' : 'b' }));
const quantile: ThematicStyle = { v: 1, kind: 'graduated', field: 'v', method: 'quantile', classes: 4 };
const cats: ThematicStyle = { v: 1, kind: 'categories', field: 't' };
const resultFor = (s: ThematicStyle) => computeThematic(props, s, null, `x|${JSON.stringify(s)}|all`);

describe('thematicRenders', () => {
  it('draws the classes of the current style once they are in', () => {
    const r = thematicRenders({ L: quantile }, { L: resultFor(quantile) });
    expect(JSON.stringify(r.L?.color)).toContain('"v"');
  });

  it('keeps the previous style while the new classes are computing (no fall-back to the plain colour)', () => {
    const before = thematicRenders({ L: quantile }, { L: resultFor(quantile) });
    // The user picks categories; the stored result is still the quantile one.
    const pending = thematicRenders({ L: cats }, { L: resultFor(quantile) }, before);
    expect(pending.L).toBe(before.L);
    const after = thematicRenders({ L: cats }, { L: resultFor(cats) }, pending);
    expect(JSON.stringify(after.L?.color)).toContain('"t"');
  });

  it('draws nothing thematic for a layer whose style was removed, and labels alone without classes', () => {
    const before = thematicRenders({ L: quantile }, { L: resultFor(quantile) });
    expect(thematicRenders({}, { L: resultFor(quantile) }, before).L).toBeUndefined();
    const labelled = thematicRenders({ M: { v: 1, kind: 'none', label: 'name' } }, {});
    expect(labelled.M?.label).toBeTruthy();
  });
});
