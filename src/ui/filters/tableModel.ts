// Pure helpers of the feature table: columns, sort order and the visible window.
import type { Feature, Geometry } from 'geojson';

export type SortDir = 'asc' | 'desc';

/** A column filled in fewer than this share of the sampled rows goes to the end. */
const SPARSE = 0.1;

/**
 * Columns: the preferred fields first (when present), then every other property in
 * first-seen order; mostly empty columns last. A coded column and its Chinese label
 * (`renewal_type` / `renewal_type_zh`) are one column: the code, shown by its label.
 */
export function tableColumns(features: Feature<Geometry | null>[], preferred: string[] = [], sample = 500): string[] {
  const seen = new Set<string>();
  const filled = new Map<string, number>();
  const out: string[] = [];
  const step = Math.max(1, Math.floor(features.length / sample));
  let rows = 0;
  for (let i = 0; i < features.length; i += step) {
    rows++;
    const p = features[i].properties ?? {};
    for (const k in p) {
      if (k.startsWith('__')) continue;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
      const v = p[k];
      if (v !== null && v !== undefined && v !== '') filled.set(k, (filled.get(k) ?? 0) + 1);
    }
  }
  const dup = (k: string) => k.endsWith('_zh') && seen.has(k.slice(0, -3));
  const sparse = (k: string) => (filled.get(k) ?? 0) < SPARSE * rows;
  const pref = preferred.map((k) => (dup(k) ? k.slice(0, -3) : k)).filter((k, i, a) => seen.has(k) && a.indexOf(k) === i);
  const rest = out.filter((k) => !pref.includes(k) && !dup(k));
  const all = [...pref, ...rest];
  return [...all.filter((k) => !sparse(k)), ...all.filter(sparse)];
}

const collator = new Intl.Collator('zh');

/**
 * Feature indices sorted by one property: numbers numerically, text with the
 * Chinese collation (as `localeCompare('zh')`), numbers before text, blanks
 * last in either direction; ties keep the feature order.
 */
export function sortedOrder(features: Feature<Geometry | null>[], key: string, dir: SortDir): Uint32Array {
  const n = features.length;
  const nums = new Float64Array(n);
  const strs: (string | null)[] = new Array(n);
  const kind = new Uint8Array(n); // 0 number, 1 text, 2 blank
  for (let i = 0; i < n; i++) {
    const v = features[i].properties?.[key];
    if (typeof v === 'number' && Number.isFinite(v)) nums[i] = v;
    else if (v === null || v === undefined || v === '') kind[i] = 2;
    else {
      kind[i] = 1;
      strs[i] = typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }
  const sign = dir === 'asc' ? 1 : -1;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    const ka = kind[a];
    const kb = kind[b];
    if (ka === 2 || kb === 2) return ka === kb ? a - b : ka === 2 ? 1 : -1;
    let c = ka - kb;
    if (c === 0) c = ka === 0 ? nums[a] - nums[b] : collator.compare(strs[a] as string, strs[b] as string);
    return c === 0 ? a - b : c * sign;
  });
  return Uint32Array.from(idx);
}

/** The rows to show: `order` (or 0..total-1) restricted to the kept indices (all when null). */
export function visibleRows(total: number, kept: Uint32Array | null, order: Uint32Array | null): Uint32Array {
  if (!order) return kept ?? Uint32Array.from({ length: total }, (_, i) => i);
  if (!kept) return order;
  const mask = new Uint8Array(total);
  for (let i = 0; i < kept.length; i++) mask[kept[i]] = 1;
  const out = new Uint32Array(kept.length);
  let k = 0;
  for (let i = 0; i < order.length; i++) if (mask[order[i]]) out[k++] = order[i];
  return out.subarray(0, k);
}

/** First and last (exclusive) row to render for a scroll position, with overscan. */
export function rowWindow(scrollTop: number, height: number, rowHeight: number, rows: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
