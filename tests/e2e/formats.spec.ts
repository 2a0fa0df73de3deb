// Issue 8 in the browser: planners' formats through the real file input and the
// import worker — a zipped GBK Shapefile in CGCS2000 Gauss–Krüger, a Shapefile's
// parts chosen together, the CRS picker for data without a CRS, the Excel sheet
// picker, a GeoPackage (sql.js WebAssembly under the production CSP) and bad input.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openMap, test, waitIdle } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/formats');

test.describe.configure({ mode: 'parallel' });
test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

const ids = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id));

/** Choose files in the data panel and wait for the report of this load. */
async function load(page: Page, files: string[]) {
  const before = await ids(page);
  const prevKey = (await page.locator('.report').count()) ? ((await page.locator('.report').first().getAttribute('data-key')) ?? '0') : '0';
  await page.locator('[data-testid=data-file-input]').setInputFiles(files.map((f) => join(DIR, f)));
  const report = page.locator('.report').first();
  await expect(report).not.toHaveAttribute('data-key', prevKey, { timeout: 30_000 });
  return { report, status: await report.getAttribute('data-status'), added: (await ids(page)).filter((id) => !before.includes(id)) };
}

/** The loaded layer, and how many of its features MapLibre draws once zoomed to it. */
async function drawnAt(page: Page, id: string) {
  const layer = await page.evaluate((lid) => {
    const rm = (window as any).renewalMap;
    const l = rm.getState().userLayers.find((x: any) => x.id === lid);
    rm.getMap().fitBounds([[l.bbox[0], l.bbox[1]], [l.bbox[2], l.bbox[3]]], { padding: 60, maxZoom: 15, duration: 0 });
    return { bbox: l.bbox as number[], source_crs: l.source_crs as string, accuracy_m: l.accuracy_m as number, title: l.title.en as string, count: l.feature_count as number };
  }, id);
  await waitIdle(page);
  const drawn = () =>
    page.evaluate((lid) => {
      const map = (window as any).renewalMap.getMap();
      const layers = [':fill', ':line', ':point'].map((s) => lid + s).filter((x) => map.getLayer(x));
      return new Set(map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.name)).size;
    }, id);
  return { layer, drawn };
}

async function openData(page: Page) {
  await openMap(page);
  await page.locator('[data-panel=data]').click();
}

test('a zipped GBK Shapefile in CGCS2000 GK CM 117°E loads converted, draws in Tianjin and says which encoding', async ({ page }) => {
  await openData(page);
  const r = await load(page, ['shp-cgcs2000-gk117-gbk-nocpg.zip']);
  expect(r.status).toBe('ok');
  await expect(r.report.locator('.issue[data-code="dbf.encoding_detected"]')).toContainText('GBK/GB18030');
  expect(r.added).toHaveLength(1);
  const { layer, drawn } = await drawnAt(page, r.added[0]);
  expect(layer.source_crs).toContain('EPSG:4548');
  expect(layer.bbox[0]).toBeCloseTo(117.17, 2);
  expect(layer.bbox[3]).toBeCloseTo(39.148, 2);
  await expect.poll(drawn).toBe(3);
});

test("a Shapefile's parts chosen together make one layer", async ({ page }) => {
  await openData(page);
  const r = await load(page, ['loose-zone39.shp', 'loose-zone39.shx', 'loose-zone39.dbf', 'loose-zone39.prj', 'loose-zone39.cpg']);
  expect(r.status).toBe('ok');
  expect(r.added).toHaveLength(1);
  await expect.poll((await drawnAt(page, r.added[0])).drawn).toBe(3);
});

test('no .prj and metre coordinates: the CRS picker offers CGCS2000 CM 117°E first, and choosing it loads the data', async ({ page }) => {
  await openData(page);
  const r = await load(page, ['shp-no-prj-gk117.zip']);
  expect(r.status).toBe('failed');
  expect(r.added).toEqual([]);
  await expect(r.report.locator('.issue[data-code="crs.choose"]')).toBeVisible();
  const pick = r.report.locator('[data-testid=crs-choice]');
  await expect(pick).toHaveValue('EPSG:4548');
  await r.report.locator('[data-action=load-with-crs]').click();
  const ok = page.locator('.report[data-status=ok]');
  await expect(ok).toHaveCount(1, { timeout: 30_000 });
  const added = await ids(page);
  expect(added).toHaveLength(1);
  const { layer, drawn } = await drawnAt(page, added[0]);
  expect(layer.source_crs).toContain('EPSG:4548');
  expect(layer.bbox[0]).toBeCloseTo(117.17, 2);
  await expect.poll(drawn).toBe(3);
});

test('Excel: a first sheet without coordinates offers the sheet picker; the chosen sheet loads', async ({ page }) => {
  await openData(page);
  const r = await load(page, ['projects-two-sheets.xlsx']);
  expect(r.status).toBe('failed');
  await expect(r.report.locator('.issue[data-code="xlsx.no_lonlat"]')).toContainText('说明');
  await expect(r.report.locator('[data-testid=sheet-choice]')).toHaveValue('项目点');
  await r.report.locator('[data-action=load-sheet]').click();
  await expect(page.locator('.report[data-status=ok]')).toHaveCount(1, { timeout: 30_000 });
  const added = await ids(page);
  await expect.poll((await drawnAt(page, added[0])).drawn).toBe(2);
});

test('a GeoPackage loads each table as a layer (sql.js WebAssembly in the worker)', async ({ page }) => {
  await openData(page);
  const r = await load(page, ['gpkg-parcels-4548-and-stations-4326.gpkg']);
  expect(r.status).toBe('ok');
  expect(r.added).toHaveLength(2);
  const parcels = await drawnAt(page, r.added[0]);
  expect(parcels.layer.title).toBe('parcels');
  await expect.poll(parcels.drawn).toBe(3);
});

test('bad input: a truncated .shp is refused naming the part and the record; a Beijing 1954 layer records its accuracy', async ({ page }) => {
  await openData(page);
  const bad = await load(page, ['shp-truncated.zip']);
  expect(bad.status).toBe('failed');
  expect(bad.added).toEqual([]);
  await expect(bad.report.locator('.issue[data-code="shp.truncated"]')).toContainText('parcels39.shp，第 3 条记录');
  const bj = await load(page, ['shp-beijing54-gk117.zip']);
  expect(bj.status).toBe('ok');
  await expect(bj.report.locator('.issue[data-code="crs.legacy_datum"]')).toContainText('100 米');
  expect((await drawnAt(page, bj.added[0])).layer.accuracy_m).toBe(100);
});

test('export menu: the filtered features as Shapefile / GeoPackage / FlatGeobuf in EPSG:4548 and KML in WGS84 read back in place', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const { importFiles } = await import('../../src/io/importFiles');
  const { encodeJsonParam } = await import('../../src/state/url');
  const projects = JSON.parse(readFileSync('public/geo/plan-projects.geojson', 'utf8'));
  const want = new Map<string, number[]>(projects.features.filter((f: any) => f.properties.renewal_type === 'green').map((f: any) => [f.properties.name, f.geometry.coordinates]));
  expect(want.size).toBeGreaterThan(0);
  await openMap(page, `/#map=9/39.2/117.3&layers=districts,plan-projects&v=1&f=${encodeJsonParam({ 'plan-projects': { categories: { renewal_type: ['green'] } } })}`);
  await page.locator('[data-tool="export"]').click();
  await expect(page.getByTestId('export-layer')).toHaveValue('plan-projects');
  await page.getByTestId('export-crs').selectOption('4548');
  await expect(page.locator('[data-export="kml"]')).toBeDisabled();
  await expect(page.locator('[data-export="geojson"]')).toBeDisabled();
  const fetchFile = async (which: string) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${which}"]`).click()]);
    return { name: dl.suggestedFilename(), bytes: new Uint8Array(readFileSync((await dl.path())!)) };
  };
  const files = [await fetchFile('shp'), await fetchFile('gpkg'), await fetchFile('fgb')];
  await page.getByTestId('export-crs').selectOption('4326');
  files.push(await fetchFile('kml'));
  expect(files.map((f) => f.name.replace(/^天津城市更新-plan-projects-\d{4}-\d{2}-\d{2}/, ''))).toEqual(['-EPSG4548.shp.zip', '-EPSG4548.gpkg', '-EPSG4548.fgb', '.kml']);
  for (const f of files) {
    const r = await importFiles([f]);
    expect(r.ok, f.name).toBe(true);
    if (!r.ok) continue;
    const l = r.layers[0];
    expect(l.stats.sourceCrs?.id ?? 'EPSG:4326', f.name).toBe(f.name.endsWith('.kml') ? 'EPSG:4326' : 'EPSG:4548');
    expect(l.data.features.length, f.name).toBe(want.size);
    for (const feat of l.data.features) {
      const c = want.get(feat.properties!.name)!;
      const got = (feat.geometry as any).coordinates as number[];
      expect(Math.hypot((got[0] - c[0]) * 86500, (got[1] - c[1]) * 110574), `${f.name} ${feat.properties!.name}`).toBeLessThan(0.01);
    }
  }
});

test('a converted Shapefile layer is stored as GeoJSON and comes back after a reload', async ({ page }) => {
  await openData(page);
  const r = await load(page, ['shp-cgcs2000-gk117-gbk-nocpg.zip']);
  expect(r.status).toBe('ok');
  const id = r.added[0];
  await expect.poll((await drawnAt(page, id)).drawn).toBe(3);
  // Written to IndexedDB as GeoJSON (by the service, which converted it).
  await expect.poll(() => page.evaluate((lid) => new Promise<number>((resolve) => {
    const open = indexedDB.open('tianjin-renewal-map');
    open.onerror = () => resolve(-1);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('blobs')) return resolve(0);
      const req = db.transaction('blobs').objectStore('blobs').get(lid);
      req.onsuccess = () => resolve(req.result instanceof Blob ? req.result.size : 0);
      req.onerror = () => resolve(-1);
    };
  }), id), { timeout: 30_000 }).toBeGreaterThan(100);
  await page.reload();
  await page.waitForFunction((lid) => (window as any).renewalMap?.getMap() && (window as any).renewalMap.getState().userLayers.some((l: any) => l.id === lid), id);
  await page.locator('[data-panel=data]').click();
  const back = await drawnAt(page, id);
  expect(back.layer.source_crs).toContain('EPSG:4548');
  await expect.poll(back.drawn).toBe(3);
});
