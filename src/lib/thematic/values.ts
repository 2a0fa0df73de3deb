// Reading attribute values the same way everywhere (classification, legend, map expressions).

/** A property value as a number, or null when missing: null, undefined, '', non-numeric text, NaN/∞. */
export function numericValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A property value as a category key, or null when missing. */
export function categoryValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  return s === '' ? null : s;
}

/** Finite numbers among the values (missing ones dropped), as a Float64Array. */
export function finiteValues(values: readonly unknown[]): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (const v of values) {
    const x = numericValue(v);
    if (x !== null) out[n++] = x;
  }
  return out.slice(0, n);
}
