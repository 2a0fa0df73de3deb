import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// The production page's Content-Security-Policy: no unsafe-eval, no inline script.
// 'wasm-unsafe-eval' allows compiling WebAssembly only (sql.js, for GeoPackage), not eval.
// (Only in the build: the dev server's React refresh needs an inline script.)
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://tile.openstreetmap.org https://*.tianditu.gov.cn",
  "connect-src 'self' blob: data: https: http:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'renewal-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

/** `vite build --mode e2e`: the build the browser tests serve, the only one with test hooks (src/testHooks.ts). */
export const E2E_MODE = 'e2e';

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), csp()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    outDir: mode === E2E_MODE ? 'dist-e2e' : 'dist',
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/*.test.ts', 'tests/data/**/*.test.ts'],
    testTimeout: 60000,
  },
}));
