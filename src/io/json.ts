// JSON parsing with located errors. Engines word JSON.parse errors differently
// (and newer V8 often omits the position), so on failure our own iterative
// scanner finds the first bad character and says what is wrong there. A
// nesting-depth pre-scan runs first: V8 parses 100,000-deep arrays, but
// structuredClone and JSON.stringify of them overflow the stack later.

import { makeIssue, type Issue } from './messages.ts';

export const MAX_JSON_DEPTH = 64;

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: Issue };

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Offset where nesting first exceeds `limit`, or -1. Strings are skipped; iterative. */
export function depthExceededAt(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = text.indexOf('"', i + 1);
      while (j !== -1) {
        let bs = 0;
        while (text.charCodeAt(j - 1 - bs) === 92) bs++;
        if (bs % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) return -1; // unterminated string: JSON.parse will report it
      i = j;
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

interface Located {
  offset: number;
  code: 'json.syntax' | 'json.truncated' | 'json.nan';
  params: Record<string, string>;
}

const WS = new Set([32, 9, 10, 13]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function syntax(offset: number, en: string, zh: string): Located {
  return { offset, code: 'json.syntax', params: { detail: en, detailZh: zh } };
}

function describeChar(text: string, i: number): { en: string; zh: string } {
  const ch = text[i];
  if (ch === "'") return { en: "unexpected ' (strings need double quotes)", zh: '意外的单引号（字符串须用双引号）' };
  if (ch === '/') return { en: 'comments are not allowed in JSON', zh: 'JSON 不允许注释' };
  return { en: `unexpected character ${JSON.stringify(ch)}`, zh: `意外的字符 ${JSON.stringify(ch)}` };
}

/** Find the first syntax error in `text` (which JSON.parse rejected). */
export function locateJsonError(text: string): Located | null {
  const stack: { ch: string; at: number }[] = [];
  // expect: 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after'
  let expect = 'value';
  let i = 0;
  const n = text.length;
  const truncated = (): Located => {
    const top = stack[stack.length - 1];
    if (!top) return syntax(n, 'no data', '没有数据');
    const { line, column } = lineColumn(text, top.at);
    const en = top.ch === '{' ? 'object' : top.ch === '[' ? 'array' : 'string';
    const zh = top.ch === '{' ? '对象' : top.ch === '[' ? '数组' : '字符串';
    return { offset: n, code: 'json.truncated', params: { open: `the ${en} opened at line ${line}, column ${column}`, openZh: `第 ${line} 行第 ${column} 列开始的${zh}` } };
  };
  while (true) {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
    if (i >= n) return expect === 'after' && stack.length === 0 ? null : truncated();
    const ch = text[i];
    if (expect === 'after') {
      const top = stack[stack.length - 1];
      if (!top) return syntax(i, 'unexpected content after the end of the data', '数据结束后还有多余内容');
      const close = top.ch === '{' ? '}' : ']';
      if (ch === ',') expect = top.ch === '{' ? 'key' : 'value';
      else if (ch === close) stack.pop();
      else return syntax(i, `expected "," or "${close}" but found ${JSON.stringify(ch)}`, `此处应为 "," 或 "${close}"，实际为 ${JSON.stringify(ch)}`);
      i++;
      continue;
    }
    if (expect === 'colon') {
      if (ch !== ':') return syntax(i, `expected ":" after the key but found ${JSON.stringify(ch)}`, `键后应为 ":"，实际为 ${JSON.stringify(ch)}`);
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'keyOrClose' || expect === 'key') {
      if (ch === '}' && expect === 'keyOrClose') {
        stack.pop();
        expect = 'after';
        i++;
        continue;
      }
      if (ch === '}') return syntax(i, 'trailing comma before "}"', '"}" 前有多余的逗号');
      if (ch !== '"') {
        const d = describeChar(text, i);
        return syntax(i, `expected a double-quoted property name: ${d.en}`, `此处应为双引号括起的属性名：${d.zh}`);
      }
    }
    if (expect === 'valueOrClose' && ch === ']') {
      stack.pop();
      expect = 'after';
      i++;
      continue;
    }
    if (expect === 'value' && ch === ']' && stack.length && stack[stack.length - 1].ch === '[') {
      return syntax(i, 'trailing comma before "]"', '"]" 前有多余的逗号');
    }
    // A value (or a key string).
    const isKey = expect === 'key' || expect === 'keyOrClose';
    if (ch === '{' || ch === '[') {
      stack.push({ ch, at: i });
      expect = ch === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 34) break;
        if (c < 32) return syntax(j, 'control character (e.g. a line break) inside a string', '字符串中有控制字符（如换行）');
        if (c === 92) {
          const e = text[j + 1];
          if (e === undefined) break;
          if (e === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return syntax(j, 'bad \\u escape in string', '字符串中的 \\u 转义无效');
            j += 5;
          } else if ('"\\/bfnrt'.includes(e)) j++;
          else return syntax(j, `bad escape \\${e} in string`, `字符串中的转义 \\${e} 无效`);
        }
      }
      if (j >= n) {
        stack.push({ ch: '"', at: i });
        return truncated();
      }
      i = j + 1;
      expect = isKey ? 'colon' : 'after';
      continue;
    }
    for (const tok of ['NaN', 'Infinity', '-Infinity', 'undefined']) {
      if (text.startsWith(tok, i)) return { offset: i, code: 'json.nan', params: { token: tok } };
    }
    if (n - i < 40 && /^-?\d*\.?\d*(?:[eE][+-]?\d*)?$/.test(text.slice(i))) return truncated(); // number cut off
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      if (i < n && /[\d.eE+-]/.test(text[i])) return syntax(i, 'malformed number', '数字格式错误');
      expect = 'after';
      continue;
    }
    const lit = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (lit) {
      i += lit.length;
      expect = 'after';
      continue;
    }
    if (['true', 'false', 'null'].some((w) => w.startsWith(text.slice(i, n)))) return truncated();
    const d = describeChar(text, i);
    return syntax(i, d.en, d.zh);
  }
}

/** JSON.parse with a located, bilingual error and a nesting-depth guard. Never throws. */
export function parseJsonWithPosition(text: string, maxDepth = MAX_JSON_DEPTH): JsonParseResult {
  const deep = depthExceededAt(text, maxDepth);
  if (deep !== -1) return { ok: false, error: makeIssue('nesting.too_deep', { limit: maxDepth }, lineColumn(text, deep)) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const loc = locateJsonError(text);
    if (!loc) {
      const msg = e instanceof Error ? e.message : String(e);
      return { ok: false, error: makeIssue('json.syntax', { detail: msg, detailZh: msg }) };
    }
    return { ok: false, error: makeIssue(loc.code, loc.params, lineColumn(text, loc.offset)) };
  }
}
