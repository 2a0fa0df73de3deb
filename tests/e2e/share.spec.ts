// Export, share and embed: downloaded files, copied links, the embed page and its postMessage API.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { expect, jumpTo, openMap, test } from './fixtures';
import { encodeJsonParam } from '../../src/state/url';
import { validateGeoJSON } from '../../src/io/validate';
import { parseCsv } from '../../src/io/formats/csv';
import { metresPerPixel } from '../../src/io/exportImage';

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

const PROJECTS = JSON.parse(readFileSync('public/geo/plan-projects.geojson', 'utf8'));
const CATALOG = JSON.parse(readFileSync('public/geo/catalog.json', 'utf8'));
const FILTER = { 'plan-projects': { categories: { renewal_type: ['green'] } } };
const EXPECTED: string[] = PROJECTS.features
  .filter((f: any) => f.properties.renewal_type === 'green')
  .map((f: any) => f.properties.name)
  .sort();
const FILTER_HASH = `#map=9/39.2/117.3&layers=districts,plan-projects&v=1&f=${encodeJsonParam(FILTER)}`;

async function openExport(page: Page) {
  await page.locator('[data-tool="export"]').click();
  await expect(page.locator('.export-menu')).toBeVisible();
}

async function download(page: Page, which: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${which}"]`).click()]);
  const path = await dl.path();
  const bytes = readFileSync(path);
  return { name: dl.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

test('export after a filter holds exactly the filtered features, validates and names the filter', async ({ page, consoleErrors }) => {
  void consoleErrors;
  expect(EXPECTED.length).toBeGreaterThan(0);
  expect(EXPECTED.length).toBeLessThan(PROJECTS.features.length);
  await openMap(page, '/' + FILTER_HASH);
  await openExport(page);
  await expect(page.getByTestId('export-layer')).toHaveValue('plan-projects');
  await expect(page.locator('.export-count')).toHaveAttribute('data-count', String(EXPECTED.length));

  const t0 = Date.now();
  const gj = await download(page, 'geojson');
  expect(gj.name).toMatch(/^天津城市更新-plan-projects-\d{4}-\d{2}-\d{2}\.geojson$/);
  const fc = JSON.parse(gj.text);
  const v = validateGeoJSON(fc);
  expect(v.errors).toEqual([]);
  expect(v.featureCount).toBe(EXPECTED.length);
  expect(fc.features.map((f: any) => f.properties.name).sort()).toEqual(EXPECTED);
  expect(fc.features.every((f: any) => f.properties.renewal_type === 'green')).toBe(true);
  const m = fc.metadata;
  expect(m.layer).toBe('plan-projects');
  expect(m.source).toBe(CATALOG.layers.find((l: any) => l.id === 'plan-projects').source);
  expect(m.filters.model).toEqual(FILTER['plan-projects']);
  expect(m.filters.description.zh).toContain('蓝绿空间'); // the label, not the code (issue 13)
  expect(m.filters.description.zh).not.toContain('green');
  expect(m.filters.description.en).toContain('Renewal type');
  expect(m.feature_count).toBe(EXPECTED.length);
  const generated = Date.parse(m.generated);
  expect(generated).toBeGreaterThanOrEqual(t0 - 1000);
  expect(generated).toBeLessThanOrEqual(Date.now() + 1000);
  expect(m.url).toContain('f=');

  for (const which of ['csv', 'wkt']) {
    const csv = await download(page, which);
    expect(csv.name.endsWith('.csv')).toBe(true);
    const parsed = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    if (!parsed.ok) throw new Error('CSV does not parse');
    const { header, rows } = parsed.table;
    expect(rows).toHaveLength(EXPECTED.length);
    const name = header.indexOf('name');
    expect(rows.map((r) => r[name]).sort()).toEqual(EXPECTED);
    if (which === 'csv') expect(header).toEqual(expect.arrayContaining(['lon', 'lat']));
    else expect(rows.every((r) => r[header.indexOf('wkt')].startsWith('POINT'))).toBe(true);
  }
});

test('a copied link opened in a fresh context restores the view, layers and filters', async ({ page, browser, consoleErrors }) => {
  void consoleErrors;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openMap(page, '/' + FILTER_HASH);
  await jumpTo(page, 117.21, 39.12, 11.25);
  await page.locator('li[data-layer="shelters"] input[type=checkbox]').check();
  await page.locator('[data-tool="share"]').click();
  await page.locator('[data-action="copy-link"]').click();
  await expect(page.locator('[data-action="copy-link"]')).toHaveText('已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.locator('.share-panel').getAttribute('data-url'));
  expect(copied).toContain('map=11.25/39.12/117.21');
  const before = await page.evaluate(() => {
    const s = (window as any).renewalMap.getState();
    return { view: s.view, visible: s.visible, filters: s.filters };
  });

  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  const errors: string[] = [];
  fresh.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  fresh.on('pageerror', (e) => errors.push(String(e)));
  await fresh.route('**/*', (r) => (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(r.request().url()) ? r.continue() : (errors.push(r.request().url()), r.abort())));
  await openMap(fresh, copied);
  const after = await fresh.evaluate(() => {
    const s = (window as any).renewalMap.getState();
    const m = s && (window as any).renewalMap.getMap();
    return { view: s.view, visible: s.visible, filters: s.filters, zoom: m.getZoom(), center: m.getCenter() };
  });
  expect(after.visible.sort()).toEqual(before.visible.sort());
  expect(after.visible).toContain('shelters');
  expect(after.filters).toEqual(before.filters);
  expect(after.filters).toEqual(FILTER);
  expect(after.zoom).toBeCloseTo(before.view.zoom, 2);
  expect(after.center.lng).toBeCloseTo(before.view.lng, 4);
  expect(after.center.lat).toBeCloseTo(before.view.lat, 4);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('the embed page shows the map alone with attribution, a compact legend and cooperative gestures', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page, '/?embed=1#layers=districts,plan-projects,shelters&v=1');
  await expect(page.locator('.maplibregl-canvas')).toBeVisible();
  expect(await page.locator('.sidebar').count()).toBe(0);
  expect(await page.locator('header, .app-header').count()).toBe(0);
  expect(await page.locator('.share-toolbar').count()).toBe(0);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('china-geojson');
  const legend = page.locator('.compact-legend');
  await expect(legend).toBeVisible();
  await expect(legend.locator('li[data-layer]')).toHaveCount(3);
  await expect(legend).toContainText('科技创新');
  const coop = await page.evaluate(() => (window as any).renewalMap.getMap().cooperativeGestures.isEnabled());
  expect(coop).toBe(true);
  // The map fills the page.
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  expect(box!.width).toBeGreaterThan(1200);
});

test('the PNG export is not blank, has the legend, and its scale matches the map', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page, '/#map=10.5/39.12/117.25&layers=districts,plan-projects,rivers&v=1');
  // The scale bar's metres per pixel agree with MapLibre's own projection.
  const measured = await page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    const c = map.project(map.getCenter());
    const a = map.unproject([c.x - 50, c.y]);
    const b = map.unproject([c.x + 50, c.y]);
    return { mpp: a.distanceTo(b) / 100, lat: map.getCenter().lat, zoom: map.getZoom() };
  });
  expect(metresPerPixel(measured.lat, measured.zoom) / measured.mpp).toBeCloseTo(1, 2);

  await openExport(page);
  await page.getByTestId('export-title').fill('更新项目示意');
  const png = await download(page, 'png');
  expect(png.name).toMatch(/^天津城市更新-\d{4}-\d{2}-\d{2}\.png$/);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const legend: string[] = JSON.parse((await page.locator('.export-menu').getAttribute('data-legend')) ?? '[]');
  const titles = ['districts', 'plan-projects', 'rivers'].map((id) => CATALOG.layers.find((l: any) => l.id === id).title.zh);
  expect(legend).toEqual(expect.arrayContaining([...titles, '科技创新', '蓝绿空间']));

  const stats = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const cv = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = cv.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const map = (window as any).renewalMap.getMap().getCanvas();
    const mapW = map.clientWidth;
    const mapH = map.clientHeight;
    const region = (x: number, y: number, w: number, h: number) => {
      const d = ctx.getImageData(x, y, w, h).data;
      const colours = new Set<number>();
      let nonWhite = 0;
      for (let i = 0; i < d.length; i += 4) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) nonWhite++;
      }
      return { colours, nonWhite };
    };
    const all = region(0, 0, bmp.width, bmp.height);
    const mapPart = region(0, 56, mapW, mapH);
    const legendPart = region(mapW + 1, 56, bmp.width - mapW - 1, mapH);
    // Innovation projects' swatch colour (#4e6fb8) appears in the legend column.
    const near = (c: number, r: number, g: number, b: number) =>
      Math.abs(((c >> 16) & 255) - r) < 6 && Math.abs(((c >> 8) & 255) - g) < 6 && Math.abs((c & 255) - b) < 6;
    return {
      width: bmp.width, height: bmp.height, mapW, mapH,
      colours: all.colours.size, mapColours: mapPart.colours.size,
      legendColours: legendPart.colours.size, legendInk: legendPart.nonWhite,
      innovation: [...legendPart.colours].some((c) => near(c, 0x4e, 0x6f, 0xb8)),
    };
  }, png.bytes.toString('base64'));
  expect(stats.width).toBeGreaterThan(stats.mapW);
  expect(stats.height).toBeGreaterThan(stats.mapH);
  expect(stats.colours).toBeGreaterThan(100);
  expect(stats.mapColours).toBeGreaterThan(50);
  expect(stats.legendColours).toBeGreaterThan(10);
  expect(stats.legendInk).toBeGreaterThan(500);
  expect(stats.innovation).toBe(true);
});

test('the print view shows an A4 page with the map, legend and scale, and prints', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page, '/#map=10/39.12/117.25&layers=districts,plan-projects&v=1');
  await page.evaluate(() => {
    (window as any).__printed = 0;
    window.print = () => void (window as any).__printed++;
  });
  await openExport(page);
  await page.locator('[data-export="print"]').click();
  const view = page.locator('.print-view');
  await expect(view).toBeVisible();
  await page.waitForFunction(() => (window as any).__printed === 1);
  await expect(view.locator('.print-legend')).toContainText('科技创新');
  await expect(view.locator('.print-scale')).toContainText(/\d+ (k?m)/);
  await expect(view.locator('footer')).toContainText('china-geojson');
  const img = await view.locator('.print-map img').evaluate((i: HTMLImageElement) => ({ w: i.naturalWidth, h: i.naturalHeight }));
  expect(img.w).toBeGreaterThan(500);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#root').isVisible()).toBe(false);
  await expect(view.locator('.print-page')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await view.getByRole('button', { name: '关闭' }).click();
  await expect(view).toHaveCount(0);
});

// The app runs at 127.0.0.1; host pages are served (by route) from localhost: another origin on the same server.
const hostOrigin = (app: string) => app.replace('127.0.0.1', 'localhost');

const hostPage = (app: string, origins: string) => `<!doctype html><meta charset="utf-8"><title>host</title>
<body style="margin:0"><iframe id="map" style="border:0;width:900px;height:600px"
 src="${app}/?embed=1&origins=${origins}#map=8/39.4/117.42&layers=districts,shelters&v=1"></iframe>
<script>window.received = []; addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));</script>`;

async function openHost(page: Page, app: string, origins: string) {
  // A real response from the other origin (Chromium blocks a fulfilled "public" page from framing a local one),
  // then the host document written over it: the origin stays.
  await page.goto(`${hostOrigin(app)}/geo/catalog.json`);
  await page.setContent(hostPage(app, origins));
  await expect.poll(() => page.frames().some((f) => f.url().includes('embed=1'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('embed=1'))!;
  await frame.waitForFunction(() => !!(window as any).renewalMap?.getMap()?.loaded());
  return frame;
}

const post = (page: Page, app: string, msg: unknown) =>
  page.evaluate(([m, target]) => (document.getElementById('map') as HTMLIFrameElement).contentWindow!.postMessage(m, target), [msg, app] as const);

test('a host page from an allowed origin drives the embedded map; others are ignored', async ({ page, baseURL, consoleErrors }) => {
  void consoleErrors;
  const app = new URL(baseURL!).origin;
  const frame = await openHost(page, app, hostOrigin(app));
  await page.waitForFunction(() => (window as any).received.some((m: any) => m.data?.type === 'renewal-map:ready'));
  await post(page, app, { type: 'renewal-map:set-view', view: { lng: 117.2, lat: 39.13, zoom: 12 } });
  await frame.waitForFunction(() => Math.abs((window as any).renewalMap.getMap().getZoom() - 12) < 0.01);
  const c = await frame.evaluate(() => (window as any).renewalMap.getMap().getCenter());
  expect(c.lng).toBeCloseTo(117.2, 4);
  expect(c.lat).toBeCloseTo(39.13, 4);

  await post(page, app, { type: 'renewal-map:set-layers', layers: ['plan-projects'] });
  await post(page, app, { type: 'renewal-map:set-filters', filters: FILTER });
  await frame.waitForFunction(() => (window as any).renewalEmbed.stats.accepted === 3);
  const st = await frame.evaluate(() => ({ ...(window as any).renewalMap.getState() }));
  expect(st.visible).toEqual(['plan-projects']);
  expect(st.filters).toEqual(FILTER);

  // Invalid messages are ignored (with a warning, not an error).
  await post(page, app, { type: 'renewal-map:set-view', view: { lng: 'x' } });
  await frame.waitForFunction(() => (window as any).renewalEmbed.stats.invalid === 1);
  expect(await frame.evaluate(() => (window as any).renewalMap.getMap().getZoom())).toBeCloseTo(12, 2);

  // A click on a feature is posted to the host.
  const target = PROJECTS.features.find((f: any) => f.properties.renewal_type === 'green');
  await post(page, app, { type: 'renewal-map:set-view', view: { lng: target.geometry.coordinates[0], lat: target.geometry.coordinates[1], zoom: 13 } });
  await frame.waitForFunction(() => Math.abs((window as any).renewalMap.getMap().getZoom() - 13) < 0.01);
  await frame.evaluate(() => new Promise((r) => (window as any).renewalMap.getMap().once('idle', r)));
  const xy = await frame.evaluate(([x, y]) => (window as any).renewalMap.getMap().project([x, y]), target.geometry.coordinates);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box!.x + xy.x, box!.y + xy.y);
  await page.waitForFunction(() => (window as any).received.some((m: any) => m.data?.type === 'renewal-map:feature-click'));
  const click = await page.evaluate(() => (window as any).received.find((m: any) => m.data?.type === 'renewal-map:feature-click'));
  expect(click.origin).toBe(app);
  expect(click.data.layerId).toBe('plan-projects');
  expect(click.data.properties.renewal_type).toBe('green');
});

test('a host page from an origin that is not allowed cannot move the map', async ({ page, baseURL, consoleErrors }) => {
  void consoleErrors;
  const app = new URL(baseURL!).origin;
  const frame = await openHost(page, app, 'https://other.example');
  await waitFrameIdle(frame);
  const zoom = await frame.evaluate(() => (window as any).renewalMap.getMap().getZoom());
  await post(page, app, { type: 'renewal-map:set-view', view: { lng: 117.2, lat: 39.13, zoom: 12 } });
  await frame.waitForFunction(() => (window as any).renewalEmbed.stats.rejected === 1);
  expect(await frame.evaluate(() => (window as any).renewalMap.getMap().getZoom())).toBeCloseTo(zoom, 5);
  expect(await frame.evaluate(() => (window as any).renewalEmbed.stats.accepted)).toBe(0);
  // Nothing is posted to a host that is not allowed, not even "ready".
  expect(await page.evaluate(() => (window as any).received.length)).toBe(0);
});

async function waitFrameIdle(frame: Frame) {
  await frame.evaluate(() => new Promise<void>((r) => {
    const map = (window as any).renewalMap.getMap();
    if (map.loaded() && !map.isMoving()) r();
    else map.once('idle', () => r());
  }));
}

test('an embed shows only what its address names: the viewer\'s stored layers stay out', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  await page.locator('[data-panel=data]').click();
  const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: '私人数据' }, geometry: { type: 'Point', coordinates: [117.2, 39.12] } }] };
  await page.locator('[data-testid=data-file-input]').setInputFiles({ name: 'private.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
  await expect(page.locator('.report').first()).toHaveAttribute('data-status', 'ok');
  const id: string = await page.evaluate(() => (window as any).renewalMap.getState().userLayers[0].id);
  // stored in this browser: a reload of the full app brings it back
  await expect
    .poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('tianjin-renewal-map');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('layers')) return resolve(0);
        const n = db.transaction('layers').objectStore('layers').count();
        n.onsuccess = () => resolve(n.result);
      };
    })))
    .toBe(1);
  // the same browser opens an embed that names the layer: it is not there, and nothing else is
  await openMap(page, `/?embed=1#map=12/39.12/117.2&layers=districts,${id}&v=1`);
  const st = await page.evaluate(() => (window as any).renewalMap.getState());
  expect(st.embed).toBe(true);
  expect(st.userLayers).toEqual([]);
  expect(st.visible).toEqual(['districts']);
  await expect(page.locator('.notice[data-code="url.layers"]')).toContainText(id);
});
