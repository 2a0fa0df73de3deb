// Restyling 100,000 points in headless Chromium, from choosing a method to the first frame
// drawn with the new colours: runs tests/perf/thematic-restyle.mjs on the production build
// (built first when dist/ is missing) and prints its summary, through the GPU points and, for
// comparison, through MapLibre's circles (`?gpu=0`). Skipped, with a line saying so, when no
// Chromium is found or `--no-browser` is given. Run by `npm run bench` (after thematic.ts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../tests/e2e/chromium.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');

export async function run(): Promise<void> {
  if (process.argv.includes('--no-browser')) return void console.log('thematic browser: skipped (--no-browser)');
  let chromium: string | undefined;
  try {
    chromium = findChromium();
  } catch {
    chromium = undefined;
  }
  if (!chromium || !existsSync(chromium)) return void console.log('thematic browser: skipped (no Chromium found)');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    if (b.status !== 0) return void console.log('thematic browser: skipped (npm run build failed)');
  }
  for (const gpu of ['1', '0']) {
    const r = spawnSync('node', [join(root, 'tests/perf/thematic-restyle.mjs'), '--n', '100000', '--gpu', gpu, '--port', String(4180 + Number(gpu))], {
      cwd: root, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: chromium }, timeout: 600_000,
    });
    const last = (r.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('thematic restyle')).pop();
    console.log(last ? `thematic browser: ${last}` : `thematic browser (gpu=${gpu}): failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`);
  }
}
