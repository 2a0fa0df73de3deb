// Checks on the built files: the initial JavaScript (entry + modulepreloads, MapLibre included)
// stays within 550 KB gzip, the CSP, and test hooks only in the browser-test build.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_HOOK_NAMES } from '../../src/testHooks';

const LIMIT = 550 * 1024;

test('the built initial JavaScript is within 550 KB gzip', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(srcs.length).toBeGreaterThan(0);
  let total = 0;
  for (const s of srcs) total += gzipSync(readFileSync(join('dist', s.replace(/^\.?\//, '')))).length;
  console.log(`initial JS: ${srcs.length} file(s), ${(total / 1024).toFixed(1)} KB gzip`);
  expect(total).toBeLessThanOrEqual(LIMIT);
});

test('the built page carries a Content-Security-Policy without unsafe-eval', () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  expect(m![1]).toContain("script-src 'self'");
  // 'wasm-unsafe-eval' (WebAssembly compilation for sql.js) is allowed; plain 'unsafe-eval' is not.
  expect(m![1]).not.toMatch(/'unsafe-eval'/);
  expect(m![1]).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
});

/** Every JavaScript file of a build, as text. */
function scripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, f), 'utf8'));
}

test('the production build carries no test hooks; the browser-test build does', () => {
  const prod = scripts('dist');
  expect(prod.length).toBeGreaterThan(0);
  for (const name of TEST_HOOK_NAMES) {
    expect(prod.filter((js) => js.includes(name)), `${name} in dist/`).toEqual([]);
    expect(scripts('dist-e2e').some((js) => js.includes(name)), `${name} in dist-e2e/`).toBe(true);
  }
  // The documented public API stays.
  expect(prod.some((js) => js.includes('renewalMap'))).toBe(true);
});
