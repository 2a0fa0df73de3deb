// sql.js (SQLite compiled to WebAssembly), loaded only when a GeoPackage is
// read or written. In the browser the caller passes the URL of the bundled
// .wasm (Vite `?url`); in Node sql.js finds its .wasm in node_modules itself.

import type { SqlJsStatic } from 'sql.js';

const cache = new Map<string, Promise<SqlJsStatic>>();

export function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
  const key = wasmUrl ?? '';
  let p = cache.get(key);
  if (!p) {
    p = import('sql.js').then((m) => m.default(wasmUrl ? { locateFile: () => wasmUrl } : undefined));
    cache.set(key, p);
  }
  return p;
}
