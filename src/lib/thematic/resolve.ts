// A thematic spec + the layer's values → the classes drawn and the legend model.
// Classes are computed from the features the active filter keeps, so the legend's ranges
// and counts follow the filter; the counts (with "other" and "no data") add up to the kept features.
import { classBreaks, classOf, targetClassNames, type TargetClass } from './classify';
import { categoryClasses } from './categories';
import { DEFAULT_RAMP, MISSING_COLOR, OTHER_COLOR, TARGET_COLORS, rampColors, rampInfo } from './ramps';
import type { ThematicSpec } from './spec';
import { categoryValue, numericValue } from './values';

export interface NumericClasses {
  type: 'numeric';
  /** k+1 bounds. */
  breaks: number[];
  /** k colours. */
  colors: string[];
  /** k circle radii (circles only). */
  radii?: number[];
  /** Target verdict per class (method 'target'). */
  verdicts?: TargetClass[];
}

export interface CategoricalClasses {
  type: 'categories';
  values: string[];
  colors: string[];
  hasOther: boolean;
  otherColor: string;
}

export type ResolvedClasses = NumericClasses | CategoricalClasses;

export interface LegendEntry {
  key: string;
  /** Text shown: a range "a – b", a (renamed) category, or empty for other/missing (the UI names them). */
  label: string;
  color: string;
  count: number;
  min?: number;
  max?: number;
  radius?: number;
  verdict?: TargetClass;
  other?: boolean;
  missing?: boolean;
}

export interface LegendModel {
  field: string;
  kind: ThematicSpec['kind'];
  entries: LegendEntry[];
  /** Features counted (kept by the filter). */
  total: number;
}

const DEFAULT_RADIUS: [number, number] = [4, 18];

interface NumericColumn {
  /** One number per value, NaN where missing. */
  all: Float64Array;
  /** The finite numbers only. */
  finite: Float64Array;
}
const columns = new WeakMap<readonly unknown[], NumericColumn>();

/** The values read as numbers once (cached per values array: classes and legend share it). */
function numericColumn(values: readonly unknown[]): NumericColumn {
  let c = columns.get(values);
  if (!c) {
    const all = new Float64Array(values.length);
    const finite = new Float64Array(values.length);
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const x = numericValue(values[i]);
      all[i] = x ?? NaN;
      if (x !== null) finite[n++] = x;
    }
    c = { all, finite: finite.subarray(0, n) };
    columns.set(values, c);
  }
  return c;
}

/** Values of `field` for the kept features (all when `kept` is null). */
export function keptValues(props: readonly (Record<string, unknown> | null | undefined)[], field: string, kept?: ArrayLike<number> | null): unknown[] {
  if (!kept) return props.map((p) => p?.[field]);
  const out = new Array<unknown>(kept.length);
  for (let i = 0; i < kept.length; i++) out[i] = props[kept[i]]?.[field];
  return out;
}

export function resolveClasses(spec: ThematicSpec, values: readonly unknown[]): ResolvedClasses | null {
  if (!spec.field || spec.kind === 'none' || spec.kind === 'heatmap') return null;
  if (spec.kind === 'categories') {
    const c = categoryClasses(values, { topN: spec.topN, order: spec.order });
    const ramp = rampInfo(spec.ramp ?? '')?.kind === 'qualitative' ? spec.ramp! : DEFAULT_RAMP.qualitative;
    return { type: 'categories', values: c.values, colors: rampColors(ramp, c.values.length, spec.reverse), hasOther: c.hasOther, otherColor: OTHER_COLOR };
  }
  const nums = numericColumn(values).finite;
  const method = spec.method ?? 'quantile';
  const breaks = classBreaks(nums, method, { classes: spec.classes, breaks: spec.breaks, target: spec.target });
  const k = Math.max(0, breaks.length - 1);
  const out: NumericClasses = { type: 'numeric', breaks, colors: [] };
  if (method === 'target' && spec.target) {
    out.verdicts = targetClassNames(spec.target);
    out.colors = out.verdicts.map((v) => TARGET_COLORS[v]);
    if (spec.reverse) out.colors.reverse();
  } else {
    const ramp = rampInfo(spec.ramp ?? '') && rampInfo(spec.ramp!)!.kind !== 'qualitative' ? spec.ramp! : DEFAULT_RAMP.sequential;
    out.colors = rampColors(ramp, Math.max(k, breaks.length ? 1 : 0), spec.reverse);
  }
  if (spec.kind === 'circles') {
    const [r0, r1] = spec.radius ?? DEFAULT_RADIUS;
    const n = out.colors.length;
    out.radii = out.colors.map((_, i) => (n <= 1 ? (r0 + r1) / 2 : r0 + ((r1 - r0) * i) / (n - 1)));
  }
  return out;
}

/** Short number text for ranges: up to 3 significant decimals, thousands separated. */
export function fmtNumber(x: number): string {
  const a = Math.abs(x);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return Number(x.toFixed(d)).toLocaleString('en');
}

/** Class of each value: index into the classes, −1 for "other", −2 for missing. */
export function classIndex(c: ResolvedClasses, v: unknown): number {
  if (c.type === 'categories') {
    const s = categoryValue(v);
    if (s === null) return -2;
    const i = c.values.indexOf(s);
    return i >= 0 ? i : -1;
  }
  const x = numericValue(v);
  if (x === null) return -2;
  return c.colors.length ? Math.min(classOf(x, c.breaks), c.colors.length - 1) : -2;
}

/** The legend: one entry per class with its range and count, then "other" and "no data" when present. */
export function legendModel(spec: ThematicSpec, c: ResolvedClasses | null, values: readonly unknown[]): LegendModel {
  const field = spec.field ?? '';
  if (!c) return { field, kind: spec.kind, entries: [], total: values.length };
  const n = c.colors.length;
  const counts = new Array<number>(n).fill(0);
  let other = 0;
  let missing = 0;
  if (c.type === 'categories') {
    const index = new Map(c.values.map((v, i) => [v, i]));
    for (const v of values) {
      const s = categoryValue(v);
      const i = s === null ? -2 : (index.get(s) ?? -1);
      if (i >= 0) counts[i]++;
      else if (i === -1) other++;
      else missing++;
    }
  } else {
    const all = numericColumn(values).all;
    for (let j = 0; j < all.length; j++) {
      const x = all[j];
      if (Number.isNaN(x) || !n) missing++;
      else counts[Math.min(classOf(x, c.breaks), n - 1)]++;
    }
  }
  const entries: LegendEntry[] = [];
  if (c.type === 'categories') {
    c.values.forEach((v, i) => entries.push({ key: v, label: spec.rename?.[v] || v, color: c.colors[i], count: counts[i] }));
    if (c.hasOther || other) entries.push({ key: '__other', label: '', color: c.otherColor, count: other, other: true });
  } else {
    for (let i = 0; i < n; i++) {
      const min = c.breaks[i];
      const max = c.breaks[i + 1] ?? c.breaks[i];
      const e: LegendEntry = { key: `c${i}`, label: `${fmtNumber(min)} – ${fmtNumber(max)}`, color: c.colors[i], count: counts[i], min, max };
      if (c.radii) e.radius = c.radii[i];
      if (c.verdicts) e.verdict = c.verdicts[i];
      entries.push(e);
    }
  }
  if (missing) entries.push({ key: '__missing', label: '', color: MISSING_COLOR, count: missing, missing: true });
  return { field, kind: spec.kind, entries, total: values.length };
}
