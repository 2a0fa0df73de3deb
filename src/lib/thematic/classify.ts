// Classification of numbers into classes by break values.
// Breaks are k+1 ascending bounds [b0 … bk]; class i holds b_i ≤ v < b_{i+1}, the last class
// also holds v = bk, values below b0 go to class 0 and above bk to class k−1 (as MapLibre's
// `step` does). Natural breaks come from simple-statistics (ckmeans; jenks on request).
import { ckmeans, jenks, quantileSorted } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'natural' | 'jenks' | 'stddev' | 'manual' | 'target';
export const CLASS_METHODS: ClassMethod[] = ['quantile', 'equal', 'natural', 'jenks', 'stddev', 'manual', 'target'];

/** Which side of a target meets it. */
export type TargetDirection = 'min' | 'max';

export interface TargetSpec {
  threshold: number;
  /** 'min': values ≥ threshold meet (the default); 'max': values below the threshold meet (the threshold itself starts the next class). */
  direction?: TargetDirection;
  /** Width of the "close" band as a fraction of the threshold (e.g. 0.2); 0 or absent: two classes. */
  close?: number;
}

export interface ClassOptions {
  classes?: number;
  /** Manual inner breaks (ascending); min and max come from the data. */
  breaks?: number[];
  target?: TargetSpec;
}

/** jenks is O(k·n²): above this many values, natural breaks use ckmeans. */
export const JENKS_MAX = 3000;
/** Above this many values, natural breaks run on this many evenly spaced order statistics. */
export const NATURAL_SAMPLE = 10000;

/** `m` evenly spaced order statistics of sorted `s` (its min and max included). */
export function orderSample(s: Float64Array, m: number): number[] {
  if (s.length <= m) return Array.from(s);
  const out = new Array<number>(m);
  for (let i = 0; i < m; i++) out[i] = s[Math.round((i * (s.length - 1)) / (m - 1))];
  return out;
}

const uniqSorted = (a: number[]) => a.filter((x, i) => i === 0 || x > a[i - 1]);

function sortedCopy(values: Float64Array | number[]): Float64Array {
  const s = Float64Array.from(values);
  s.sort();
  return s;
}

/** The class bounds for finite `values`. Fewer classes come back when the data has fewer distinct values. */
export function classBreaks(values: Float64Array | number[], method: ClassMethod, opts: ClassOptions = {}): number[] {
  if (method === 'target') return targetBreaks(values, opts.target ?? { threshold: 0 });
  const sorted = sortedCopy(values);
  const n = sorted.length;
  if (!n) return [];
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === max) return [min, max];
  const k = Math.max(1, Math.min(opts.classes ?? 5, 12));
  let plain: number[] | null = null;
  const arr = () => (plain ??= Array.from(sorted));
  let b: number[];
  switch (method) {
    case 'quantile': {
      b = [min];
      for (let i = 1; i < k; i++) b.push(quantileSorted(arr(), i / k));
      b.push(max);
      break;
    }
    case 'equal':
      // As simple-statistics' equalIntervalBreaks, without copying the data.
      b = Array.from({ length: k + 1 }, (_, i) => min + ((max - min) * i) / k);
      break;
    case 'natural':
    case 'jenks': {
      const sample = orderSample(sorted, NATURAL_SAMPLE);
      const kk = Math.min(k, uniqSorted(sample).length);
      if (method === 'jenks' && n <= JENKS_MAX) b = jenks(sample, kk) ?? [min, max];
      else b = [...ckmeans(sample, kk).map((c) => c[0]), max];
      break;
    }
    case 'stddev': {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += sorted[i];
      const m = sum / n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (sorted[i] - m) ** 2;
      const sd = Math.sqrt(ss / n); // population standard deviation, as simple-statistics' standardDeviation
      // k−1 inner bounds one standard deviation apart, centred on the mean
      // (odd k: the middle class is mean ± 0.5 sd; even k: the mean is a bound); kept inside the data.
      const inner: number[] = [];
      for (let i = 0; i < k - 1; i++) inner.push(m + (i - (k - 2) / 2) * sd);
      b = [min, ...inner.filter((x) => x > min && x < max), max];
      break;
    }
    case 'manual': {
      const inner = (opts.breaks ?? []).filter((x) => Number.isFinite(x) && x > min && x < max);
      b = [min, ...[...inner].sort((x, y) => x - y), max];
      break;
    }
  }
  const u = uniqSorted(b);
  // A top class holding only the maximum (…, max, max) stays a class of its own.
  if (b.length > 2 && b[b.length - 1] === b[b.length - 2] && u.length >= 2) u.push(max);
  return u;
}

/**
 * Target classes, ordered low to high: for a minimum target [min, t−band, t, max] =
 * misses / close / meets; for a maximum target [min, t, t+band, max] = meets / close / misses.
 */
export function targetBreaks(values: Float64Array | number[], t: TargetSpec): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const th = t.threshold;
  const band = Math.abs(th) * (t.close ?? 0);
  const lo = Math.min(min, th - band, th);
  const hi = Math.max(max, th + band, th);
  const inner = t.direction === 'max' ? (band > 0 ? [th, th + band] : [th]) : band > 0 ? [th - band, th] : [th];
  // The top bound must lie above the threshold so that "meets" always has a range.
  return [lo, ...inner, hi > inner[inner.length - 1] ? hi : inner[inner.length - 1] + Math.max(1, Math.abs(th))];
}

export type TargetClass = 'meets' | 'close' | 'misses';

/** The target verdict for each class of `targetBreaks`, low to high. */
export function targetClassNames(t: TargetSpec): TargetClass[] {
  const three = (t.close ?? 0) > 0;
  if (t.direction === 'max') return three ? ['meets', 'close', 'misses'] : ['meets', 'misses'];
  return three ? ['misses', 'close', 'meets'] : ['misses', 'meets'];
}

/** Class index of `v` for bounds `b` (k+1 values); −1 if there are no classes. */
export function classOf(v: number, b: readonly number[]): number {
  const k = b.length - 1;
  if (k < 1) return b.length === 1 ? 0 : -1;
  // Binary search for the last inner bound ≤ v.
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
