// Standalone browser measurement (not part of `npm test`): restyling a 100,000-feature layer,
// from choosing a classification to the map drawing it.
//   npx vite build && node tests/perf/thematic-restyle.mjs [--n 100000] [--port 4181] [--gpu 0]
// Generates /tmp/renewal-thematic-<n>.geojson once (points with a numeric `density` and a
// category `type`), loads it through the data panel of the built app in the system Chromium
// (SwiftShader WebGL), then for each method sets the layer's thematic style through
// window.renewalMap.setThematic and reports:
//   classes:     from the call to the classes and legend being ready (and the pure
//                classification time inside it),
//   paint set:   from the call to the new colours being handed to the map: the GPU point layer's
//                class bytes (map/gpuPoints), or with --gpu 0 the circle-color of MapLibre's circles,
//   first frame: from the call to the first frame drawn with the new colours: the GPU layer's
//                draw, or with --gpu 0 the first frame after the first tile re-laid out by
//                MapLibre for the new paint arrives,
//   pixels done: from the call to a one-pixel read of the drawing buffer returning, issued right
//                after that frame (the read waits for the GPU to finish the frame),
//   presented:   from the call to the next animation frame after that one,
//   idle:          from the call to MapLibre idle (every tile re-laid out).
// The pure part (classification, legend counts, expression build) is in `npm run bench`.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('n', '100000'));
const PORT = Number(arg('port', '4181'));
const GPU = arg('gpu', '1') !== '0';
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const file = `/tmp/renewal-thematic-${N}.geojson`;

async function generate() {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('{"type":"FeatureCollection","features":[\n');
  let seed = 11;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const types = ['居住', '商业', '工业', '公共服务', '绿地', '历史风貌'];
  for (let i = 0; i < N; i++) {
    const f = { type: 'Feature', properties: { name: `点${i}`, density: Math.round(Math.exp(rnd() * 8)), type: types[Math.floor(rnd() * rnd() * types.length)] }, geometry: { type: 'Point', coordinates: [+(116.95 + rnd() * 0.6).toFixed(5), +(38.95 + rnd() * 0.4).toFixed(5)] } };
    await write((i ? ',\n' : '') + JSON.stringify(f));
  }
  await write('\n]}\n');
  await new Promise((r) => out.end(r));
  console.log(`generated ${file}: ${N} features, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
}

function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (p && existsSync(p)) return p;
  return chromium.executablePath();
}

async function serve() {
  if (!existsSync(join(root, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const child = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${PORT}/`;
  for (let t = 0; t < 100; t++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => { try { process.kill(-child.pid); } catch { /* gone */ } } };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(-child.pid);
  throw new Error(`vite preview did not start on port ${PORT}`);
}

const STYLES = [
  ['quantile 7', { v: 1, kind: 'graduated', field: 'density', method: 'quantile', classes: 7, ramp: 'YlOrRd' }],
  ['equal 5', { v: 1, kind: 'graduated', field: 'density', method: 'equal', classes: 5, ramp: 'Blues' }],
  ['natural 5', { v: 1, kind: 'graduated', field: 'density', method: 'natural', classes: 5, ramp: 'Viridis' }],
  ['target', { v: 1, kind: 'graduated', field: 'density', method: 'target', target: { threshold: 300, close: 0.2 } }],
  ['categories', { v: 1, kind: 'categories', field: 'type', ramp: 'Dark2' }],
];

async function main() {
  await generate();
  const server = await serve();
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-sandbox'] });
  const rows = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    page.on('crash', () => console.error('page crashed'));
    page.on('pageerror', (e) => console.error('page error', String(e)));
    const step = (s) => process.env.DEBUG && console.log('step', s);
    await page.goto(`${server.url}${GPU ? '' : '?gpu=0'}#map=9.5/39.15/117.25&layers=&v=1`);
    await page.waitForFunction(() => window.renewalMap?.getMap() && window.renewalMap.getState().catalog, null, { timeout: 60_000 });
    await page.locator('[data-panel=data]').click();
    await page.locator('[data-testid=data-file-input]').setInputFiles(file);
    await page.waitForFunction(() => window.renewalMap.getState().userLayers.length === 1, null, { timeout: 300_000, polling: 100 });
    step('loaded');
    const id = await page.evaluate(() => window.renewalMap.getState().userLayers[0].id);
    await page.evaluate(() => window.renewalMap.getMap().jumpTo({ center: [117.25, 39.15], zoom: 9.5 }));
    await page.waitForFunction((id) => window.renewalMap.getMap().isSourceLoaded(id) && window.renewalMap.getMap().queryRenderedFeatures({ layers: [`${id}:point`] }).length > 0, id, { timeout: 300_000, polling: 250 });
    step('drawn');
    for (const [name, style] of STYLES) {
      // Each restyle starts from a quiet map: the last frame of the one before is done (under
      // SwiftShader a frame of 100,000 points keeps the GPU process busy for over 100 ms), and
      // MapLibre's own circles have caught up with the settled style (a second after a restyle).
      await page.waitForTimeout(1500);
      await page.waitForFunction((id) => window.renewalMap.getMap().isSourceLoaded(id) && window.renewalMap.getMap().areTilesLoaded(), id, { timeout: 60_000 });
      await page.waitForTimeout(500);
      const r = await page.evaluate(({ id, style }) => new Promise((resolve) => {
        const rm = window.renewalMap;
        const map = rm.getMap();
        let tClasses = null;
        let tFrame = null;
        let tPaint = null;
        let tPresented = null;
        let tPixels = null;
        // Pixels done: a one-pixel read of the map's drawing buffer returns only once the GPU
        // (SwiftShader here) has finished every command issued before it, the new frame's included.
        const readBack = () => setTimeout(() => {
          const gl = map.painter.context.gl;
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          tPixels = performance.now() - t0;
        }, 0);
        const t0 = performance.now();
        let key = '';
        const onRender = () => {
          if (tClasses === null) {
            const tr = rm.thematicResult(id);
            if (tr && tr.key.includes(key)) tClasses = performance.now() - t0;
          }
          const g = rm.gpuPoints(id);
          if (g && tClasses !== null) {
            if (tPaint === null && g.classesKey.includes(key)) tPaint = g.classesAt - t0;
            if (tFrame === null && g.drawnKey.includes(key)) {
              tFrame = g.drawnAt - t0;
              readBack();
            }
            return;
          }
          const paint = JSON.stringify(map.getPaintProperty(`${id}:point`, 'circle-color') ?? '');
          const first = rm.thematicResult(id)?.legend.entries[0]?.color;
          if (tPaint === null && tClasses !== null && first && paint.includes(first)) {
            tPaint = performance.now() - t0;
            // MapLibre re-lays out the source's tiles for the new paint; the first frame after the
            // first re-laid-out tile arrives is the first drawn with the new colours.
            const onData = (e) => {
              if (e.sourceId !== id || !e.tile) return;
              map.off('sourcedata', onData);
              map.once('render', () => {
                tFrame = performance.now() - t0;
                readBack();
              });
            };
            map.on('sourcedata', onData);
          }
        };
        map.on('render', onRender);
        // The classes are also watched between frames (a SwiftShader frame takes hundreds of ms).
        const watch = setInterval(() => {
          const tr = rm.thematicResult(id);
          if (tClasses === null && tr && tr.key.includes(key)) tClasses = performance.now() - t0;
          if (tClasses !== null) clearInterval(watch);
        }, 2);
        rm.setThematic(id, style);
        key = `|${JSON.stringify(rm.getState().thematic[id])}|`;
        const poll = () => {
          onRender();
          if (performance.now() - t0 > 60000) {
            map.off('render', onRender);
            return resolve({ error: 'no frame with the new colours within 60 s', classes_ms: tClasses, first_frame_ms: tFrame, paint: JSON.stringify(map.getPaintProperty(`${id}:point`, 'circle-color')).slice(0, 200), tr: JSON.stringify(rm.thematicResult(id)?.legend.entries.slice(0, 2)) });
          }
          if (tFrame !== null && tPresented === null) tPresented = performance.now() - t0;
          if (tFrame !== null && tPresented !== null && tPixels !== null && map.loaded() && map.areTilesLoaded()) {
            map.off('render', onRender);
            resolve({ path: rm.gpuPoints(id) ? 'gpu' : 'maplibre', classes_ms: Math.round(tClasses), paint_ms: Math.round(tPaint), first_frame_ms: Math.round(tFrame), pixels_ms: Math.round(tPixels), presented_ms: Math.round(tPresented), idle_ms: Math.round(performance.now() - t0), classify_ms: Math.round(rm.thematicResult(id).ms) });
          } else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }), { id, style });
      rows.push({ method: name, ...r });
      console.log(name, r);
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`thematic restyle of ${N.toLocaleString('en')} points in Chromium (SwiftShader), drawn by ${rows[0]?.path}: ` + rows.map((r) => `${r.method}: classes ${r.classes_ms} ms (classification ${r.classify_ms} ms), paint set ${r.paint_ms} ms, first frame ${r.first_frame_ms} ms, its pixels done ${r.pixels_ms} ms, presented ${r.presented_ms} ms, idle ${r.idle_ms} ms`).join(' · '));
}

main().catch((e) => {
  console.error(`thematic-restyle: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
});
