// A per-layer text index for the text clause of a filter: the normalised
// searchable text of every feature (see filterEval.featureText) joined into
// one string, with the offset where each feature starts. A term is found with
// the engine's native indexOf over the whole string, so a text filter over
// 100,000 features costs a few scans instead of 100,000 lookups.
// Terms never contain whitespace and features are separated by '\u0000', so a
// hit never spans two features.

export interface TextIndex {
  text: string;
  /** starts[i] = offset of feature i's text; starts[n] = text.length + 1. */
  starts: Uint32Array;
}

const SEP = '\u0000';

/** `texts[i]` is feature i's normalised text (already lower-cased / NFKC). */
export function buildTextIndex(texts: ArrayLike<string>): TextIndex {
  const n = texts.length;
  const starts = new Uint32Array(n + 1);
  const parts = new Array<string>(n);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const t = texts[i].indexOf(SEP) >= 0 ? texts[i].split(SEP).join(' ') : texts[i];
    starts[i] = off;
    parts[i] = t;
    off += t.length + 1;
  }
  starts[n] = off;
  return { text: parts.join(SEP), starts };
}

/** The feature whose text contains offset `pos` (binary search). */
function featureAt(starts: Uint32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * 1 for each feature whose text contains every term (terms already
 * normalised, non-empty, without whitespace), else 0.
 */
export function textMask(index: TextIndex, terms: string[]): Uint8Array {
  const n = index.starts.length - 1;
  let mask: Uint8Array | null = null;
  for (const term of terms) {
    if (!term || term.includes(SEP)) return new Uint8Array(n);
    const m = new Uint8Array(n);
    let pos = index.text.indexOf(term);
    while (pos >= 0) {
      const i = featureAt(index.starts, pos);
      m[i] = 1;
      if (i + 1 >= n) break;
      pos = index.text.indexOf(term, index.starts[i + 1]);
    }
    if (mask) for (let i = 0; i < n; i++) mask[i] &= m[i];
    else mask = m;
  }
  return mask ?? new Uint8Array(n).fill(1);
}
