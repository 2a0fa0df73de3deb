// Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded
// silently; bytes that are not valid UTF-8 are tried as GBK/GB18030 (the usual
// encoding of Chinese shapefile/Excel exports) with a warning; anything else is
// reported, never silently mangled.

import { makeIssue, type Issue } from './messages.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean; warnings: Issue[] }
  | { ok: false; errors: Issue[] };

const MAGIC: { bytes: number[]; kind: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP archive, e.g. zipped shapefile or .xlsx' },
  { bytes: [0x1f, 0x8b], kind: 'gzip archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'PDF' },
  { bytes: [0x00, 0x00, 0x27, 0x0a], kind: 'shapefile .shp' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'SQLite/GeoPackage' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null; // invalid bytes, or the label is unsupported in this runtime
  }
}

/** Heuristic: many NULs at odd offsets and none at even ones → UTF-16 LE without BOM. */
function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  return oddZero > n / 4 && evenZero === 0;
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text !== null) return { ok: true, text, encoding: 'utf-8', bom: true, warnings: [] };
    const off = firstInvalidUtf8(bytes.subarray(3)) + 3;
    return { ok: false, errors: [makeIssue('encoding.unknown', { offset: off })] };
  }
  for (const [b0, b1, enc] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (bytes.length >= 2 && bytes[0] === b0 && bytes[1] === b1) {
      const text = tryDecode(enc, bytes.subarray(2));
      if (text !== null) return { ok: true, text, encoding: enc, bom: true, warnings: [] };
      return { ok: false, errors: [makeIssue('encoding.unknown', { offset: 2 })] };
    }
  }
  for (const m of MAGIC) {
    if (startsWith(bytes, m.bytes)) return { ok: false, errors: [makeIssue('encoding.binary', { kind: m.kind })] };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) {
    if (utf8.includes('\u0000')) {
      if (looksUtf16le(bytes)) {
        const t = tryDecode('utf-16le', bytes);
        if (t !== null) return { ok: true, text: t, encoding: 'utf-16le', bom: false, warnings: [] };
      }
      return { ok: false, errors: [makeIssue('encoding.binary', { kind: 'contains NUL bytes' })] };
    }
    return { ok: true, text: utf8, encoding: 'utf-8', bom: false, warnings: [] };
  }
  const gbk = tryDecode('gb18030', bytes);
  if (gbk !== null && !gbk.includes('\u0000')) {
    return { ok: true, text: gbk, encoding: 'gb18030', bom: false, warnings: [makeIssue('encoding.gbk_decoded')] };
  }
  return { ok: false, errors: [makeIssue('encoding.unknown', { offset: firstInvalidUtf8(bytes) })] };
}
