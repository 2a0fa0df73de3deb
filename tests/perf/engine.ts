// Perf script (not part of `npm test`; takes many minutes): the built app against
// a bare MapLibre page (one GeoJSON source) on the same generated files, in
// headless Chromium with SwiftShader, one browser per file and viewer.
//   npm run perf                          (builds, then all four files)
//   npx tsx tests/perf/engine.ts --only points-12 --port 4290 [--modes tiles,geojson] [--dist dist]
// Files (generated once into tests/perf/.tmp, gitignored): 12 MB and 100 MB of
// points and of polygons around central Tianjin.
// Prints one line per file: both load times (file chosen → layer drawn and the
// map idle), their ratio, the longest main-thread task (PerformanceObserver
// 'longtask', less the time of this script's own queryRenderedFeatures probes
// inside it) during each step, and the peak renderer memory (RSS of the
// browser's renderer processes, sampled every 250 ms, workers included).
// Steps in the app after load: pan/zoom, table open + sort, search focus + type,
// filter change, export, analysis start, reload + restore from IndexedDB.
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const TMP = join(ROOT, 'tests', 'perf', '.tmp');
const PORT = Number(arg('port', process.env.PERF_PORT ?? '4290'));
const ONLY = arg('only', '');
const LOAD_TIMEOUT = Number(arg('timeout', '300')) * 1000;
/** `--modes tiles,geojson`: also run the app with MapLibre's own GeoJSON sources (`?draw=geojson`), the other design measured. */
const MODES = arg('modes', 'tiles').split(',');
/** The built app to serve (`--dist` lets a run use its own build while dist/ is rebuilt). */
const DIST = join(ROOT, arg('dist', 'dist'));
const BBOX = [116.95, 38.95, 117.55, 39.35];

interface FileSpec { key: string; kind: 'points' | 'polygons'; mb: number }
const FILES: FileSpec[] = [
  { key: 'points-12', kind: 'points', mb: 12 },
  { key: 'polygons-12', kind: 'polygons', mb: 12 },
  { key: 'points-100', kind: 'points', mb: 100 },
  { key: 'polygons-100', kind: 'polygons', mb: 100 },
];

// ---- data ---------------------------------------------------------------------------------------

async function generate(f: FileSpec): Promise<{ path: string; count: number }> {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, `${f.key}.geojson`);
  const countPath = `${path}.count`;
  if (existsSync(path) && existsSync(countPath)) return { path, count: Number((await import('node:fs')).readFileSync(countPath, 'utf8')) };
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('{"type":"FeatureCollection","features":[\n');
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const kinds = ['居住', '商业', '工业', '公共服务', '绿地'];
  let bytes = 0;
  let i = 0;
  while (bytes < f.mb * 1e6 - 4000) {
    const x = BBOX[0] + rnd() * (BBOX[2] - BBOX[0]);
    const y = BBOX[1] + rnd() * (BBOX[3] - BBOX[1]);
    let geometry: object;
    if (f.kind === 'points') geometry = { type: 'Point', coordinates: [+x.toFixed(6), +y.toFixed(6)] };
    else {
      const ring: number[][] = [];
      const r = 0.0008 * (0.6 + 0.4 * rnd());
      for (let k = 0; k < 8; k++) {
        const a = (k / 8) * 2 * Math.PI;
        ring.push([+(x + r * Math.cos(a)).toFixed(6), +(y + r * 0.8 * Math.sin(a)).toFixed(6)]);
      }
      ring.push(ring[0]);
      geometry = { type: 'Polygon', coordinates: [ring] };
    }
    const props = { name: `测试地点${i}`, kind: kinds[i % 5], value: Math.round(rnd() * 1e4) / 10 };
    const s = (i ? ',\n' : '') + JSON.stringify({ type: 'Feature', properties: props, geometry });
    bytes += Buffer.byteLength(s);
    await write(s);
    i++;
  }
  await write('\n]}\n');
  await new Promise<void>((r) => out.end(() => r()));
  createWriteStream(countPath).end(String(i));
  return { path, count: i };
}

// ---- server: dist/ for the app, the bare page, MapLibre's files --------------------------------

const BARE = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/ml/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}#file{position:absolute;z-index:9;left:8px;top:8px}</style></head>
<body><input type="file" id="file"><div id="map"></div><script type="module">
import * as maplibregl from '/ml/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/ml/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f2efe9' } }] }, bounds: ${JSON.stringify([[BBOX[0], BBOX[1]], [BBOX[2], BBOX[3]]])} });
window.map = map;
document.getElementById('file').addEventListener('change', (e) => {
  const f = e.target.files[0];
  map.addSource('d', { type: 'geojson', data: URL.createObjectURL(f) });
  map.addLayer(/polygon/.test(f.name) ? { id: 'd', type: 'fill', source: 'd', paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.4 } } : { id: 'd', type: 'circle', source: 'd', paint: { 'circle-radius': 3, 'circle-color': '#c0392b' } });
});
</script></body></html>`;

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.geojson': 'application/geo+json', '.png': 'image/png', '.pbf': 'application/x-protobuf', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

function serve(): Promise<Server> {
  const dist = DIST;
  const ml = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (url === '/bare.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(BARE);
      return;
    }
    const [dir, rest] = url.startsWith('/ml/') ? [ml, url.slice(4)] : [dist, url === '/' ? 'index.html' : url.slice(1)];
    const file = normalize(join(dir, rest));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((r) => server.listen(PORT, '127.0.0.1', () => r(server)));
}

// ---- measuring ----------------------------------------------------------------------------------

/** Peak total RSS (MB) of the browser's renderer processes, sampled until stopped. */
function memorySampler(browserPid: number | undefined) {
  let peak = 0;
  const sample = () => {
    if (!browserPid) return;
    try {
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n');
      const procs = rows.map((r) => {
        const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(r);
        return m ? { pid: +m[1], ppid: +m[2], rss: +m[3], args: m[4] } : null;
      }).filter((p): p is NonNullable<typeof p> => !!p);
      const tree = new Set([browserPid]);
      for (let grew = true; grew;) {
        grew = false;
        for (const p of procs) {
          if (!tree.has(p.pid) && tree.has(p.ppid)) {
            tree.add(p.pid);
            grew = true;
          }
        }
      }
      const kb = procs.filter((p) => tree.has(p.pid) && p.args.includes('--type=renderer')).reduce((a, p) => a + p.rss, 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* ps failed once: skip the sample */
    }
  };
  const timer = setInterval(sample, 250);
  return { reset: () => (peak = 0), peak: () => (sample(), peak), stop: () => clearInterval(timer) };
}

function INIT() {
  const w = window as unknown as { __lt: [number, number][]; __chosen: number; __probes: [number, number][] };
  w.__lt = [];
  // This script's own queries of the map (start, end), left out of the app's task times.
  w.__probes = [];
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__lt.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no longtask support: no figures */
  }
  document.addEventListener('change', () => (w.__chosen = performance.now()), true);
}

const now = (page: Page) => page.evaluate(() => performance.now());
/**
 * The longest main-thread task between `from` and `to`, less the time this script's own
 * `queryRenderedFeatures` probes took inside it: the page's work, not the measuring's.
 */
async function longest(page: Page, from: number, to = Infinity): Promise<number> {
  const { lt, probes } = await page.evaluate(() => {
    const w = window as unknown as { __lt: [number, number][]; __probes: [number, number][] };
    return { lt: w.__lt, probes: w.__probes };
  });
  const own = ([s, d]: [number, number]) => d - probes.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, s + d) - Math.max(a, s)), 0);
  return Math.round(lt.filter(([s]) => s >= from - 1 && s <= to).reduce((m, t) => Math.max(m, own(t)), 0));
}

type Which = 'app' | 'bare';
// Page functions are passed as functions, not strings: the app's CSP forbids eval.
type W = { renewalMap?: any; map?: any };

/** Waits (polling) until the layer draws features at the view's centre and the map is idle; the time then. */
async function drawn(page: Page, which: Which, timeout = LOAD_TIMEOUT): Promise<number> {
  const handle = await page.waitForFunction((w) => {
    const map = w === 'app' ? (window as W).renewalMap?.getMap() : (window as W).map;
    if (!map) return false;
    let layers: string[] | null = ['d'];
    if (w === 'app') {
      const u = (window as W).renewalMap.getState().userLayers[0];
      layers = u ? (window as W).renewalMap.layerIds(u.id).filter((l: string) => !l.endsWith(':label')) : null;
    }
    if (!layers || !layers.length || !layers.every((l) => map.getLayer(l))) return false;
    if (!map.loaded() || !map.areTilesLoaded() || map.isMoving()) return false;
    const c = map.getCanvas();
    const x = c.clientWidth / 2;
    const y = c.clientHeight / 2;
    const a = performance.now();
    const n = map.queryRenderedFeatures([[x - 30, y - 30], [x + 30, y + 30]], { layers }).length;
    const b = performance.now();
    (window as unknown as { __probes: [number, number][] }).__probes.push([a, b]);
    return n > 0 ? b : false;
  }, which, { timeout, polling: 100 });
  return (await handle.jsonValue()) as number;
}

/** A browser and its process id (for the memory samples). */
async function launch(): Promise<{ browser: Browser; pid: number | undefined; close: () => Promise<void> }> {
  const server = await chromium.launchServer({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  const browser = await chromium.connect(server.wsEndpoint());
  return { browser, pid: server.process().pid, close: async () => (await browser.close(), await server.close()) };
}

async function idle(page: Page, which: Which) {
  await page.waitForFunction((w) => {
    const m = w === 'app' ? (window as W).renewalMap?.getMap() : (window as W).map;
    return !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving();
  }, which, { timeout: LOAD_TIMEOUT, polling: 100 });
}

async function panZoom(page: Page, which: Which): Promise<void> {
  for (let k = 0; k < 4; k++) {
    await page.evaluate(([w, i]) => {
      const m = w === 'app' ? (window as W).renewalMap.getMap() : (window as W).map;
      if (i === 0) m.panBy([300, 120], { duration: 0 });
      if (i === 1) m.zoomTo(m.getZoom() + 2, { duration: 0 });
      if (i === 2) m.panBy([-200, -200], { duration: 0 });
      if (i === 3) m.zoomTo(m.getZoom() - 3, { duration: 0 });
    }, [which, k] as const);
    await idle(page, which);
  }
}

async function runBare(file: string) {
  const { browser, pid, close } = await launch();
  const mem = memorySampler(pid);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(INIT);
    await page.goto(`http://127.0.0.1:${PORT}/bare.html`);
    await idle(page, 'bare');
    mem.reset();
    await page.locator('#file').setInputFiles(file);
    const t1 = await drawn(page, 'bare');
    const t0 = await page.evaluate(() => (window as unknown as { __chosen: number }).__chosen);
    const load = { ms: t1 - t0, task: await longest(page, t0, t1), mem: mem.peak() };
    const p0 = await now(page);
    await panZoom(page, 'bare');
    return { ...load, panTask: await longest(page, p0), memAll: mem.peak() };
  } finally {
    mem.stop();
    await close();
  }
}

async function step(page: Page, fn: () => Promise<unknown>): Promise<{ ms: number; task: number }> {
  const t0 = await now(page);
  await fn();
  const t1 = await now(page);
  return { ms: Math.round(t1 - t0), task: await longest(page, t0, t1) };
}

async function runApp(file: string, mode = 'tiles') {
  const { browser, pid, close } = await launch();
  const mem = memorySampler(pid);
  const steps: Record<string, { ms: number; task: number }> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await page.addInitScript(INIT);
    await page.goto(`http://127.0.0.1:${PORT}/${mode === 'geojson' ? '?draw=geojson' : ''}`);
    await idle(page, 'app');
    await page.locator('[data-panel=data]').click();
    mem.reset();
    await page.locator('[data-testid=data-file-input]').setInputFiles(file);
    const t1 = await drawn(page, 'app');
    const t0 = await page.evaluate(() => (window as unknown as { __chosen: number }).__chosen);
    const load = { ms: t1 - t0, task: await longest(page, t0, t1), mem: mem.peak() };
    const id: string = await page.evaluate(() => (window as any).renewalMap.getState().userLayers[0].id);
    const tries = async (name: string, fn: () => Promise<unknown>) => {
      try {
        steps[name] = await step(page, fn);
      } catch (e) {
        steps[name] = { ms: -1, task: -1 };
        console.error(`  ${name} failed: ${(e as Error).message.split('\n')[0]}`);
      }
    };
    await tries('pan/zoom', () => panZoom(page, 'app'));
    await tries('table+sort', async () => {
      await page.locator('[data-panel=filter], [data-panel=filters]').first().click();
      await page.locator('select.flayer').selectOption(id);
      await page.locator('[data-action=table]').click();
      await page.locator('.ftable-count[data-rows]:not([data-rows=""])').waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('.ftable-header [data-col="value"]').click();
      await page.locator('.ftable-header [data-col="value"][aria-sort="ascending"]').waitFor();
      await page.locator('.ftable-count[data-rows]:not([data-rows=""])').waitFor({ timeout: LOAD_TIMEOUT });
      await page.locator('.ftable-row[data-index] .ftable-cell:not(:empty)').first().waitFor({ timeout: LOAD_TIMEOUT });
    });
    await tries('search', async () => {
      await page.locator('.psearch-input').click();
      await page.locator('.psearch-input').pressSequentially('测试地点1234', { delay: 60 });
      await page.locator('.psearch-hit').first().waitFor({ timeout: LOAD_TIMEOUT });
      await page.keyboard.press('Escape');
    });
    await tries('filter', async () => {
      await page.evaluate((lid) => (window as any).renewalMap.setFilter(lid, { categories: { kind: ['居住'] } }), id);
      await page.waitForFunction((lid) => { const r = (window as any).renewalMap.filterResult(lid); return r && !r.pending && r.count !== null; }, id, { timeout: LOAD_TIMEOUT, polling: 100 });
      await idle(page, 'app');
    });
    await tries('export', async () => {
      await page.locator('[data-tool="export"]').click();
      await Promise.all([page.waitForEvent('download', { timeout: LOAD_TIMEOUT }), page.locator('[data-export="geojson"]').click()]);
      await page.keyboard.press('Escape');
    });
    await tries('analysis', async () => {
      await page.locator('[data-panel="analysis"]').click();
      const box = page.locator(`[data-facility="${id}"]`);
      if (!(await box.isChecked())) await box.check();
      await page.locator('[data-action="run"]').click();
      // Starting is what is measured: until done, or 30 s of the run, then it is cancelled.
      const finished = page.locator('.an-run[data-status="done"], .an-run[data-status="failed"]').first();
      await finished.waitFor({ timeout: 30_000 }).catch(async () => {
        await page.locator('[data-action="cancel"]').click();
      });
    });
    await tries('reload+restore', async () => {
      await page.reload();
      await drawn(page, 'app');
    });
    // After the reload the timeline restarts: the restore's tasks are those since navigation.
    if (steps['reload+restore'].ms >= 0) steps['reload+restore'].task = await longest(page, 0);
    return { ...load, steps, memAll: mem.peak() };
  } finally {
    mem.stop();
    await close();
  }
}

const s = (ms: number) => (ms / 1000).toFixed(1);

async function main() {
  const server = await serve();
  try {
    for (const f of FILES.filter((x) => !ONLY || ONLY.split(',').includes(x.key))) {
      const { path, count } = await generate(f);
      const mb = statSync(path).size / 1e6;
      const app = await runApp(path).catch((e: Error) => ({ error: e.message.split('\n')[0] }) as const);
      if (MODES.includes('geojson')) {
        const g = await runApp(path, 'geojson').catch((e: Error) => ({ error: e.message.split('\n')[0] }) as const);
        console.log('error' in g ? `perf: ${f.key} app with MapLibre GeoJSON sources failed (${g.error})` : `perf: ${f.key} app with MapLibre GeoJSON sources (?draw=geojson): load ${s(g.ms)} s, longest task load ${g.task} ms, pan/zoom ${g.steps['pan/zoom'].task} ms, filter ${g.steps.filter.task} ms; peak renderer memory ${g.mem.toFixed(0)} MB`);
      }
      const bare = await runBare(path).catch((e: Error) => ({ error: e.message.split('\n')[0] }) as const);
      const parts = [`perf: ${f.key} (${mb.toFixed(0)} MB, ${count} features):`];
      if ('error' in app) {
        parts.push(`app failed (${app.error}),`, 'error' in bare ? `bare failed (${bare.error})` : `bare MapLibre ${s(bare.ms)} s`);
        console.log(parts.join(' '));
        continue;
      }
      const bareLoad = 'error' in bare ? `bare MapLibre failed (${bare.error})` : `bare MapLibre ${s(bare.ms)} s, ratio ${(app.ms / bare.ms).toFixed(2)}x`;
      parts.push(`load app ${s(app.ms)} s, ${bareLoad};`);
      parts.push(`longest task: load ${app.task} ms${'error' in bare ? '' : ` (bare ${bare.task} ms)`}, pan/zoom ${app.steps['pan/zoom'].task} ms${'error' in bare ? '' : ` (bare ${bare.panTask} ms)`},`);
      parts.push(Object.entries(app.steps).filter(([k]) => k !== 'pan/zoom').map(([k, v]) => `${k} ${v.task < 0 ? 'failed' : `${v.task} ms`}`).join(', ') + ';');
      parts.push(`peak renderer memory: load app ${app.mem.toFixed(0)} MB${'error' in bare ? '' : `, bare ${bare.mem.toFixed(0)} MB`} (whole run app ${app.memAll.toFixed(0)}${'error' in bare ? '' : `, bare ${bare.memAll.toFixed(0)}`})`);
      console.log(parts.join(' '));
    }
  } finally {
    server.close();
  }
}

void main();
