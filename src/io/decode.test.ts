import { describe, expect, it } from 'vitest';
import { decodeBytes, firstInvalidUtf8 } from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => Array.from(p)));

function utf16le(s: string, bom: boolean): Uint8Array {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return new Uint8Array(out);
}

describe('decodeBytes', () => {
  it('decodes plain UTF-8 including Chinese', () => {
    const r = decodeBytes(utf8('名称,经度\n和平区,117.2'));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8', bom: false, text: '名称,经度\n和平区,117.2', warnings: [] });
  });

  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(cat([0xef, 0xbb, 0xbf], utf8('{"a":1}')));
    expect(r.ok && r.text).toBe('{"a":1}');
    expect(r.ok && r.bom).toBe(true);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = decodeBytes(utf16le('{"天津":1}', true));
    expect(le).toMatchObject({ ok: true, encoding: 'utf-16le', text: '{"天津":1}' });
    const be = decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x5b, 0x00, 0x5d]));
    expect(be).toMatchObject({ ok: true, encoding: 'utf-16be', text: '[]' });
  });

  it('detects UTF-16 LE without a BOM', () => {
    expect(decodeBytes(utf16le('lon,lat\n117,39', false))).toMatchObject({ ok: true, encoding: 'utf-16le', text: 'lon,lat\n117,39' });
  });

  it('decodes GBK bytes (经度 = BE AD B6 C8, 纬度 = CE B3 B6 C8) with a warning', () => {
    const r = decodeBytes(cat([0xbe, 0xad, 0xb6, 0xc8], utf8(','), [0xce, 0xb3, 0xb6, 0xc8], utf8('\n117.2,39.1')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text).toBe('经度,纬度\n117.2,39.1');
    expect(r.encoding).toBe('gb18030');
    expect(r.warnings.map((w) => w.code)).toEqual(['encoding.gbk_decoded']);
  });

  it('reports bytes that are neither UTF-8 nor GBK, with the offset', () => {
    const r = decodeBytes(cat(utf8('name,x\ncaf'), [0xe9, 0x20, 0xff]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].code).toBe('encoding.unknown');
    expect(r.errors[0].message.en).toContain('offset 10');
  });

  it('recognises binary formats by magic number', () => {
    const r = decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message.en).toContain('ZIP');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte or returns -1', () => {
    expect(firstInvalidUtf8(utf8('abc天津'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe5, 0xa4]))).toBe(2); // truncated sequence
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
});
