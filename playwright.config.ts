import { defineConfig } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './tests/e2e/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/e2e/.artifacts/results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'tests/e2e/.artifacts/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  // Serves the browser-test build (npm run build:e2e → dist-e2e/, with the test hooks); the
  // production dist/ is only inspected (tests/e2e/bundle.spec.ts).
  webServer: {
    command: `npx vite preview --mode e2e --outDir dist-e2e --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
