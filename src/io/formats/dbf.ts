// dBASE III tables (a Shapefile's .dbf) → one properties object per record.
// Text is decoded with the code page the .cpg names; without one it is checked
// for UTF-8 and otherwise read as GB18030 (a superset of GBK/GB2312, what
// Chinese GIS exports use), and the caller is told which. Numbers become
// numbers (blank → null), logicals booleans, dates "YYYY-MM-DD". Deleted
// records are kept as empty rows so that record i still matches shape i.

import { firstInvalidUtf8 } from '../decode.ts';

export interface DbfField {
  name: string;
  type: string;
  length: number;
  decimals: number;
}

export type DbfEncoding = { label: string; how: 'cpg' | 'ldid' | 'detected' | 'ascii' };

export type DbfResult =
  | { ok: true; fields: DbfField[]; records: Record<string, string | number | boolean | null>[]; encoding: DbfEncoding; declaredCount: number }
  | { ok: false; reason: 'header' | 'truncated' | 'cpg'; detail: string; record?: number };

/** A .cpg's text → a TextDecoder label, or null when unknown. */
export function codePageLabel(cpg: string): string | null {
  const s = cpg.trim().toLowerCase().replace(/^ansi\s+/, '');
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(cp)?936$|^gbk$|^gb_?2312|^gb18030$|^54936$/.test(s)) return 'gb18030';
  if (/^\d{3,4}$/.test(s)) return `windows-${s}`;
  try {
    return new TextDecoder(s).encoding;
  } catch {
    return null;
  }
}

/** The language-driver byte some writers set instead of a .cpg. */
const LDID: Record<number, string> = { 0x4d: 'gb18030', 0x7a: 'gb18030' };

function choose(bytes: Uint8Array, headerLen: number, cpg: string | undefined): DbfEncoding | null {
  if (cpg !== undefined) {
    const label = codePageLabel(cpg);
    return label ? { label, how: 'cpg' } : null;
  }
  const body = bytes.subarray(32, bytes.length);
  let ascii = true;
  for (let i = 0; i < body.length; i++) {
    if (body[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { label: 'utf-8', how: 'ascii' };
  const ldid = LDID[bytes[29]];
  if (ldid) return { label: ldid, how: 'ldid' };
  // Only the field names and records hold text; the header's binary bytes are skipped.
  const names = bytes.subarray(32, headerLen);
  const records = bytes.subarray(headerLen);
  const utf8 = firstInvalidUtf8(names.map((b) => (b === 0 ? 0x20 : b))) === -1 && firstInvalidUtf8(records) === -1;
  return { label: utf8 ? 'utf-8' : 'gb18030', how: 'detected' };
}

export function readDbf(bytes: Uint8Array, cpg?: string): DbfResult {
  if (bytes.length < 33) return { ok: false, reason: 'header', detail: `${bytes.length} bytes` };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recLen = dv.getUint16(10, true);
  if (headerLen < 33 || headerLen > bytes.length || recLen < 1) return { ok: false, reason: 'header', detail: `header length ${headerLen}, record length ${recLen}` };
  const encoding = choose(bytes, headerLen, cpg);
  if (!encoding) return { ok: false, reason: 'cpg', detail: (cpg ?? '').trim().slice(0, 40) };
  const dec = new TextDecoder(encoding.label);
  const fields: DbfField[] = [];
  for (let off = 32; off + 32 <= headerLen && bytes[off] !== 0x0d; off += 32) {
    let end = off;
    while (end < off + 11 && bytes[end] !== 0) end++;
    fields.push({ name: fieldName(bytes.subarray(off, end), dec), type: String.fromCharCode(bytes[off + 11]).toUpperCase(), length: bytes[off + 16], decimals: bytes[off + 17] });
  }
  const seen = new Map<string, number>();
  const names = fields.map((f, i) => {
    const base = f.name || `field_${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
  const records: Record<string, string | number | boolean | null>[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLen + r * recLen;
    if (start + recLen > bytes.length) {
      // A final 0x1A end-of-file byte aside, a short table is truncated.
      return { ok: false, reason: 'truncated', detail: `${count} records declared`, record: r };
    }
    const row: Record<string, string | number | boolean | null> = {};
    if (bytes[start] === 0x2a) {
      records.push(row);
      continue;
    }
    let off = start + 1;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      const raw = bytes.subarray(off, off + f.length);
      off += f.length;
      row[names[k]] = value(f, raw, dec);
    }
    records.push(row);
  }
  return { ok: true, fields: fields.map((f, i) => ({ ...f, name: names[i] })), records, encoding, declaredCount: count };
}

/** Writers cut names at 10 bytes, sometimes inside a multi-byte character: drop that partial character. */
function fieldName(b: Uint8Array, dec: TextDecoder): string {
  for (let end = b.length; end > 0 && end > b.length - 4; end--) {
    try {
      return new TextDecoder(dec.encoding, { fatal: true }).decode(b.subarray(0, end)).trim();
    } catch {
      /* try one byte shorter */
    }
  }
  return dec.decode(b).trim();
}

const ascii = (b: Uint8Array) => String.fromCharCode(...b).trim();

function value(f: DbfField, raw: Uint8Array, dec: TextDecoder): string | number | boolean | null {
  switch (f.type) {
    case 'N':
    case 'F': {
      const s = ascii(raw);
      if (s === '' || /^\*+$/.test(s)) return null;
      const v = Number(s);
      return Number.isFinite(v) ? v : null;
    }
    case 'L': {
      const s = ascii(raw).toUpperCase();
      return s === 'T' || s === 'Y' ? true : s === 'F' || s === 'N' ? false : null;
    }
    case 'D': {
      const s = ascii(raw);
      return /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;
    }
    default: {
      let end = raw.length;
      while (end > 0 && (raw[end - 1] === 0x20 || raw[end - 1] === 0)) end--;
      return dec.decode(raw.subarray(0, end));
    }
  }
}
