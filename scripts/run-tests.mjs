// npm test: type-check, lint, dependency rules, data build, unit tests, production build,
// browser-test build, browser tests.
// Ends with "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const ART = 'tests/e2e/.artifacts';
mkdirSync(ART, { recursive: true });
let passed = 0;
let failed = 0;
const summary = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) passed++;
  else failed++;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
  return ok;
}

function counted(label, cmd, args, jsonFile, read) {
  if (existsSync(jsonFile)) rmSync(jsonFile);
  const ok = run(label, cmd, args);
  let p = 0;
  let f;
  try {
    [p, f] = read(JSON.parse(readFileSync(jsonFile, 'utf8')));
  } catch {
    f = 1; // the runner crashed before writing its report
  }
  if (!ok && f === 0) f = 1; // a failing exit with no failing test still fails
  passed += p;
  failed += f;
  summary.push(`${f ? 'FAIL' : 'ok  '} ${label}: ${p} passed, ${f} failed`);
}

// A person's machine with no system Chromium: fetch Playwright's own (never in CI, never here).
const probe = spawnSync('npx', ['tsx', '-e', "import('./tests/e2e/chromium.ts').then((m) => process.exit(m.findChromium() ? 0 : 3))"]);
if (probe.status === 3 && !process.env.CI) run('browser download', 'npx', ['playwright', 'install', 'chromium']);

step('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint (ESLint)', 'npx', ['eslint', '.']);
step('dependency rules (dependency-cruiser)', 'npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);
const dataOk = step('data build', 'npx', ['tsx', 'scripts/build-data.ts']);
counted('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${ART}/vitest.json`],
  `${ART}/vitest.json`, (j) => {
    // A file that fails to load has no failed test of its own: count it as one failure.
    const broken = j.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length;
    return [j.numPassedTests, j.numFailedTests + broken];
  });
const buildOk = dataOk && step('production build', 'npx', ['vite', 'build']) && step('browser-test build', 'npx', ['vite', 'build', '--mode', 'e2e']);
if (buildOk) {
  counted('browser tests', 'npx', ['playwright', 'test'], `${ART}/playwright.json`, (j) => [
    j.stats.expected + (j.stats.flaky ?? 0),
    j.stats.unexpected + (j.stats.skipped ?? 0),
  ]);
} else {
  failed++;
  summary.push('FAIL browser tests: not run (build failed)');
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
