import { describe, expect, it } from 'vitest';
import { combineCompleteness, completenessOf, gateVerdict, incompleteText, UNDECLARED } from './completeness';

const named = { complete: false, note: { zh: '仅规划点名的场所', en: "only the plan's named sites" } };
const full = { complete: true, note: { zh: '全部', en: 'all' } };

describe('completeness', () => {
  it('treats a layer that says nothing as undeclared', () => {
    expect(completenessOf({})).toBe(UNDECLARED);
    expect(completenessOf(undefined).complete).toBe(false);
    expect(completenessOf({ completeness: full })).toBe(full);
  });

  it('is complete only when every layer measured is', () => {
    expect(combineCompleteness([full, full]).complete).toBe(true);
    const c = combineCompleteness([full, named, named]);
    expect(c.complete).toBe(false);
    expect(c.note.en).toBe("only the plan's named sites");
    expect(combineCompleteness([]).complete).toBe(false);
  });

  it('never says "not met" on incomplete data; keeps "met" (a lower bound) and the verdict on complete data', () => {
    expect(gateVerdict('not_met', named)).toBe('incomplete');
    expect(gateVerdict('met', named)).toBe('met');
    expect(gateVerdict('not_met', full)).toBe('not_met');
    expect(gateVerdict('needs_data', named)).toBe('needs_data');
    expect(incompleteText('not_met', named).zh).toContain('数据不全：仅规划点名的场所');
    expect(incompleteText('met', named).en).toMatch(/can only raise/);
    expect(incompleteText('not_met', full).zh).toBe('');
  });
});
