// Whether a measured value may be judged against a plan target. A layer that is not
// complete (the plan's named sites only, say) gives a lower bound: every measure here
// (counts, covered share, beds per resident, length) can only grow with the missing
// features. So a target met on incomplete data is still met; one not met is not known
// to be missed, and shows "incomplete data" with the reason instead of "not met".
import type { Completeness, LocalText } from '../catalog/types.ts';

export type { Completeness };

/** A layer that has not said whether it is complete (a loaded layer before the planner declares it). */
export const UNDECLARED: Completeness = {
  complete: false,
  note: {
    zh: '未声明此图层是否完整（可在“数据”面板中声明为完整）',
    en: 'not declared complete (a loaded layer can be declared complete in the Data panel)',
  },
};

/** A layer's completeness as the catalog or the planner states it; undeclared when neither does. */
export function completenessOf(layer: { completeness?: Completeness } | undefined): Completeness {
  const c = layer?.completeness;
  return c && typeof c.complete === 'boolean' && c.note ? c : UNDECLARED;
}

/** Several layers measured together: complete only when each is; the reasons of those that are not. */
export function combineCompleteness(list: Completeness[]): Completeness {
  const open = list.filter((c) => !c.complete);
  if (!list.length) return UNDECLARED;
  if (!open.length) return { complete: true, note: { zh: list.map((c) => c.note.zh).join('；'), en: list.map((c) => c.note.en).join('; ') } };
  const uniq = (xs: string[]) => [...new Set(xs)];
  return { complete: false, note: { zh: uniq(open.map((c) => c.note.zh)).join('；'), en: uniq(open.map((c) => c.note.en)).join('; ') } };
}

export type Verdict = 'met' | 'not_met' | 'incomplete' | 'needs_data';

/** The verdict to show: "not met" on incomplete data becomes "incomplete". */
export function gateVerdict(status: Verdict, c: Completeness | undefined): Verdict {
  if (!c || c.complete || status !== 'not_met') return status;
  return 'incomplete';
}

/** The words that go with a gated verdict (empty when the data is complete). */
export function incompleteText(status: Verdict, c: Completeness | undefined): LocalText {
  if (!c || c.complete) return { zh: '', en: '' };
  if (status === 'met') {
    return { zh: `数据不全（${c.note.zh}），但已达到目标：补全数据只会使数值更高。`, en: `Incomplete data (${c.note.en}), yet the target is reached: the missing features can only raise the value.` };
  }
  return { zh: `数据不全：${c.note.zh}。不据此判断是否达标。`, en: `Incomplete data: ${c.note.en}. No verdict is drawn from it.` };
}
