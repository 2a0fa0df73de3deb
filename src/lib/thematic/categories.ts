// Categories: values by frequency, the N most frequent kept, the rest "other", in the user's order.
import { categoryValue } from './values';

export interface CategoryClasses {
  /** Kept values in legend order. */
  values: string[];
  /** Whether some present values fall into "other". */
  hasOther: boolean;
}

/** Counts of each present value, most frequent first (ties by value). */
export function valueCounts(values: readonly unknown[]): [string, number][] {
  const m = new Map<string, number>();
  for (const v of values) {
    const c = categoryValue(v);
    if (c !== null) m.set(c, (m.get(c) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function categoryClasses(values: readonly unknown[], opts: { topN?: number; order?: string[] } = {}): CategoryClasses {
  const counts = valueCounts(values);
  const top = opts.topN && opts.topN > 0 ? counts.slice(0, opts.topN) : counts;
  const kept = new Set(top.map(([v]) => v));
  const ordered = (opts.order ?? []).filter((v) => kept.has(v));
  const rest = top.map(([v]) => v).filter((v) => !ordered.includes(v));
  return { values: [...ordered, ...rest], hasOther: counts.length > top.length };
}

/** Moves category `value` by `delta` places in `order` (a pure helper for the legend's ↑/↓). */
export function moveCategory(order: readonly string[], value: string, delta: number): string[] {
  const i = order.indexOf(value);
  if (i < 0) return [...order];
  const j = Math.max(0, Math.min(order.length - 1, i + delta));
  const out = [...order];
  out.splice(i, 1);
  out.splice(j, 0, value);
  return out;
}
