import { mkdirSync } from 'node:fs';
import { expect, jumpTo, openMap, renderedCount, test, waitIdle } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
mkdirSync(SHOTS, { recursive: true });

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

test('the map becomes idle and every default-visible layer draws features', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const visible: string[] = await page.evaluate(() => (window as any).renewalMap.getState().visible);
  const defaults: string[] = await page.evaluate(() =>
    (window as any).renewalMap.getState().catalog.layers.filter((l: any) => l.visible).map((l: any) => l.id));
  expect(visible.sort()).toEqual(defaults.sort());
  expect(defaults).toEqual(expect.arrayContaining(['districts', 'central-city', 'historic-blocks', 'shelters', 'plan-projects', 'ring-road', 'rivers']));
  for (const id of defaults) {
    expect(await renderedCount(page, id), `layer ${id} draws at city scale`).toBeGreaterThan(0);
  }
  // The basemap draws land and district labels with no network.
  const base = await page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    return {
      land: map.queryRenderedFeatures({ layers: ['bm-land'] }).length,
      labels: map.queryRenderedFeatures({ layers: ['bm-district-label'] }).map((f: any) => f.properties.name),
    };
  });
  expect(base.land).toBeGreaterThan(0);
  expect(base.labels).toEqual(expect.arrayContaining(['滨海新区', '武清区']));
  await page.screenshot({ path: `${SHOTS}/1-city.png` });
});

test('toggling a layer hides it and shows it again', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  expect(await renderedCount(page, 'shelters')).toBeGreaterThan(0);
  const box = page.locator('li[data-layer="shelters"] input[type=checkbox]');
  await box.uncheck();
  await waitIdle(page);
  expect(await renderedCount(page, 'shelters')).toBe(0);
  await box.check();
  await waitIdle(page);
  expect(await renderedCount(page, 'shelters')).toBeGreaterThan(0);
});

test('clicking a historic block shows its name and plan citation as text', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const pts = await (await page.request.get('/geo/historic-blocks.points.geojson')).json();
  const wdd = pts.features.find((f: any) => f.properties.name === '五大道');
  const [lng, lat] = wdd.geometry.coordinates;
  await jumpTo(page, lng, lat, 15);
  await page.screenshot({ path: `${SHOTS}/3-block.png` });
  const xy = await page.evaluate(([x, y]) => (window as any).renewalMap.getMap().project([x, y]), [lng, lat]);
  const canvas = await page.locator('.maplibregl-canvas').boundingBox();
  await page.mouse.click(canvas!.x + xy.x, canvas!.y + xy.y);
  const card = page.locator('.feature-card');
  await expect(card.locator('.card-title')).toHaveText('五大道');
  await expect(card).toContainText('ch3-11');
  await expect(card).toContainText('历史文化街区');
  // The selected feature is highlighted on the map.
  const selected = await page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    const s = (window as any).renewalMap.getState().selection;
    return map.getFeatureState({ source: s.layerId, sourceLayer: 'features', id: s.featureId }).selected;
  });
  expect(selected).toBe(true);
});

test('a reload keeps the view and the visible layers', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  await jumpTo(page, 117.2, 39.13, 11.5);
  await page.locator('li[data-layer="parks"] input[type=checkbox]').uncheck();
  await page.locator('li[data-layer="ring-districts"] input[type=checkbox]').check();
  await page.waitForFunction(() => location.hash.includes('map=11.5/') && !location.hash.includes('parks') && location.hash.includes('ring-districts'));
  await page.screenshot({ path: `${SHOTS}/2-central.png` });
  const before = await page.evaluate(() => (window as any).renewalMap.getState());
  await page.reload();
  await openMap(page, page.url().replace(/^https?:\/\/[^/]+/, ''));
  const after = await page.evaluate(() => (window as any).renewalMap.getState());
  expect(after.visible.sort()).toEqual(before.visible.sort());
  expect(after.view.zoom).toBeCloseTo(11.5, 2);
  expect(after.view.lat).toBeCloseTo(39.13, 4);
  expect(after.view.lng).toBeCloseTo(117.2, 4);
  const center = await page.evaluate(() => (window as any).renewalMap.getMap().getCenter());
  expect(center.lng).toBeCloseTo(117.2, 4);
  expect(await renderedCount(page, 'parks')).toBe(0);
  expect(await renderedCount(page, 'ring-districts')).toBeGreaterThan(0);
});

test('the language switch turns the interface and labels to English', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  await expect(page.locator('h1')).toHaveText('天津城市更新行动地图');
  await page.locator('button.lang').click();
  await expect(page.locator('h1')).toHaveText('Tianjin Urban Renewal Map');
  await expect(page.locator('li[data-layer="historic-blocks"] .layer-title')).toHaveText(/Historic/);
  await page.waitForFunction(() => location.hash.includes('lang=en'));
});

test('a bad link value is ignored with a notice, not a crash', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page, '/#map=99/abc/117&layers=districts,nope');
  await expect(page.locator('.notice')).toHaveCount(2);
  const state = await page.evaluate(() => (window as any).renewalMap.getState());
  expect(state.visible).toEqual(['districts']);
  expect(await renderedCount(page, 'districts')).toBeGreaterThan(0);
});

test('the OpenStreetMap option loads raster tiles from OSM (served locally in the test)', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const tiles: string[] = [];
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await page.route('https://tile.openstreetmap.org/**', (route) => {
    tiles.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'image/png', body: png });
  });
  await page.locator('.basemap select').selectOption('osm');
  await page.waitForFunction(() => location.hash.includes('bm=osm'));
  await waitIdle(page);
  expect(tiles.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => !!(window as any).renewalMap.getMap().getLayer('bm-osm'))).toBe(true);
  // The plan layers are still drawn over the new basemap.
  expect(await renderedCount(page, 'central-city')).toBeGreaterThan(0);
  await page.locator('.basemap select').selectOption('offline');
  await waitIdle(page);
  expect(await page.evaluate(() => !!(window as any).renewalMap.getMap().getLayer('bm-land'))).toBe(true);
});
