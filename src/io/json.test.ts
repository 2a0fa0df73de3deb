import { describe, expect, it } from 'vitest';
import { depthExceededAt, lineColumn, parseJsonWithPosition } from './json.ts';

const err = (t: string) => {
  const r = parseJsonWithPosition(t);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
};

describe('parseJsonWithPosition', () => {
  it('parses valid JSON', () => {
    expect(parseJsonWithPosition('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('locates a trailing comma by line and column', () => {
    const e = err('{\n  "a": [1,\n  2,\n  ]\n}');
    expect([e.code, e.line, e.column]).toEqual(['json.syntax', 4, 3]);
    expect(e.message.en).toContain('trailing comma');
  });

  it('reports truncation and names the unclosed container', () => {
    const e = err('{"type":"FeatureCollection",\n"features":[{"type":"Feature"');
    expect(e.code).toBe('json.truncated');
    expect(e.message.en).toContain('object opened at line 2, column 13');
    expect(e.message.zh).toContain('第 2 行第 13 列');
  });

  it('reports NaN and Infinity tokens where they are', () => {
    const e = err('[1,\n NaN]');
    expect([e.code, e.line, e.column]).toEqual(['json.nan', 2, 2]);
    expect(err('{"h": -Infinity}').message.en).toContain('-Infinity');
  });

  it('explains single quotes and comments', () => {
    expect(err("{'a': 1}").message.en).toContain('double quotes');
    expect(err('{"a": 1 // x\n}').message.en).toContain('expected "," or "}"');
    expect(err('// c\n{}').message.en).toContain('comments');
  });

  it('rejects deep nesting before it can overflow the stack', () => {
    const e = err('['.repeat(10000) + ']'.repeat(10000));
    expect(e.code).toBe('nesting.too_deep');
    expect(e.column).toBe(65);
  });
});

describe('depthExceededAt', () => {
  it('ignores brackets inside strings, including escaped quotes', () => {
    expect(depthExceededAt('["[[[[\\"[[[[", 1]', 2)).toBe(-1);
    expect(depthExceededAt('[[[1]]]', 2)).toBe(2);
  });
});

describe('lineColumn', () => {
  it('counts 1-based lines and columns', () => {
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
