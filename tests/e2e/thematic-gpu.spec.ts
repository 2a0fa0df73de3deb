// A large point layer's thematic classes drawn on the GPU (map/gpuPoints): the colours read
// back from the canvas are the class colours, a restyle lays nothing out again (MapLibre's
// circles keep the catalog paint), and the filter hides what it drops.
import type { Page } from '@playwright/test';
import { drawnAt, expect, openMap, rgb, test, waitIdle } from './fixtures';

// 24,000 points in three blocks west → east: values 50, 150, 250 and bands low / mid / high.
const COLS = 160;
const ROWS = 150;
const [LNG0, LAT0, STEP] = [117.1, 39.05, 0.0012];
function blocksGeoJSON(): string {
  const features = [];
  for (let i = 0; i < COLS; i++) {
    const block = Math.floor((3 * i) / COLS);
    for (let j = 0; j < ROWS; j++) {
      features.push({
        type: 'Feature',
        properties: { name: `点${i}-${j}`, value: 50 + 100 * block, band: ['low', 'mid', 'high'][block] },
        geometry: { type: 'Point', coordinates: [+(LNG0 + i * STEP).toFixed(6), +(LAT0 + j * STEP).toFixed(6)] },
      });
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
// Block centres (lng, lat).
const CENTRES = [0, 1, 2].map((b) => [LNG0 + ((b + 0.5) * COLS * STEP) / 3, LAT0 + (ROWS * STEP) / 2] as [number, number]);
// ColorBrewer Blues, 3 classes (the published values).
const BLUES3 = ['#deebf7', '#9ecae1', '#3182bd'];

async function load(page: Page): Promise<string> {
  await page.locator('[data-panel=data]').click();
  await page.locator('[data-testid=data-file-input]').setInputFiles({ name: '街区点.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(blocksGeoJSON()) });
  await page.waitForFunction(() => (window as any).renewalMap.getState().userLayers.length === 1, null, { timeout: 60_000 });
  const id = await page.evaluate(() => (window as any).renewalMap.getState().userLayers[0].id);
  await page.evaluate(([x, y]) => (window as any).renewalMap.getMap().jumpTo({ center: [x, y], zoom: 11 }), [LNG0 + (COLS * STEP) / 2, LAT0 + (ROWS * STEP) / 2]);
  await waitIdle(page);
  return id;
}

/**
 * Sets a style and waits until the GPU layer has drawn its classes; returns the circle colour
 * MapLibre's own circles had at that moment.
 */
async function style(page: Page, id: string, s: Record<string, unknown>): Promise<string> {
  const problems = await page.evaluate(([lid, st]) => (window as any).renewalMap.setThematic(lid, st), [id, s] as const);
  expect(problems).toEqual([]);
  const drawn = await page.waitForFunction(([lid, st]) => {
    const rm = (window as any).renewalMap;
    const g = rm.gpuPoints(lid);
    const done = !!g && g.drawnKey.includes(`|${JSON.stringify(rm.getState().thematic[lid])}|`) && JSON.stringify(rm.getState().thematic[lid]).includes((st as any).field);
    return done && JSON.stringify(rm.getMap().getPaintProperty(`${lid}:point`, 'circle-color'));
  }, [id, s] as const, { timeout: 30_000 });
  const paint = (await drawn.jsonValue()) as string;
  await waitIdle(page);
  return paint;
}

/** Colour drawn at the centre of each block (a 3 × 3 pixel median). */
const blocks = async (page: Page): Promise<number[][]> => (await drawnAt(page, CENTRES, 1)).map((c) => c!);

/** Colours drawn at these places after a jump there (the view put back after). */
async function drawnAfterJump(page: Page, view: { center: [number, number]; zoom: number; pitch?: number; bearing?: number }, points: Parameters<typeof drawnAt>[1]): Promise<number[][]> {
  await page.evaluate((v) => (window as any).renewalMap.getMap().jumpTo(v), view);
  await waitIdle(page);
  const px = await drawnAt(page, points);
  await page.evaluate(() => (window as any).renewalMap.getMap().jumpTo({ zoom: 11, pitch: 0, bearing: 0 }));
  await waitIdle(page);
  return px.map((c) => c!);
}

const near = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]))) <= 12;

test('a 24,000-point layer draws its classes on the GPU in the class colours, and the filter hides what it drops', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await openMap(page, '/#map=11/39.14/117.2&layers=&v=1');
  const id = await load(page);
  const catalogPaint = await page.evaluate((lid) => JSON.stringify((window as any).renewalMap.getMap().getPaintProperty(`${lid}:point`, 'circle-color')), id);

  const atDraw = await style(page, id, { v: 1, kind: 'graduated', field: 'value', method: 'manual', breaks: [100, 200], ramp: 'Blues' });
  let px = await blocks(page);
  BLUES3.forEach((c, i) => expect(near(px[i], rgb(c)), `block ${i}: drawn ${px[i]} against ${c}`).toBe(true));
  // When the GPU layer drew the classes, MapLibre's circles still had their catalog paint: nothing
  // was laid out again on the way to that frame. They are not drawn.
  expect(atDraw).toBe(catalogPaint);
  expect(await page.evaluate((lid) => (window as any).renewalMap.getMap().getPaintProperty(`${lid}:point`, 'circle-opacity'), id)).toBe(0);
  // Once restyling pauses, they take the classes too (queries and the style agree with the map).
  await page.waitForFunction(([lid, colors]) => (colors as string[]).every((c) => JSON.stringify((window as any).renewalMap.getMap().getPaintProperty(`${lid}:point`, 'circle-color')).includes(c)), [id, BLUES3] as const);
  // They answer queries (clicks, hover).
  const hits = await page.evaluate(([lid, c]) => {
    const map = (window as any).renewalMap.getMap();
    const p = map.project(c);
    return map.queryRenderedFeatures([[p.x - 3, p.y - 3], [p.x + 3, p.y + 3]], { layers: [`${lid}:point`] }).map((f: any) => f.properties.band);
  }, [id, CENTRES[1]] as const);
  expect(hits.length).toBeGreaterThan(0);
  expect(new Set(hits)).toEqual(new Set(['mid']));

  // At street zoom, tilted and turned, each point is drawn on its own position: the pixel at a
  // point's projected centre has its class colour, and a pixel between points the basemap's.
  const [lng, lat] = [LNG0 + 80 * STEP, LAT0 + 75 * STEP];
  const [on, between] = await drawnAfterJump(page, { center: [lng, lat], zoom: 16.5, pitch: 40, bearing: 25 }, [[lng, lat], [lng + STEP / 2, lat + STEP / 2]]);
  // Column 80 is in the middle block (class 1).
  expect(near(on, rgb(BLUES3[1])), `street zoom, on the point: ${on}`).toBe(true);
  expect(BLUES3.some((c) => near(between, rgb(c))), `street zoom, between points: ${between}`).toBe(false);

  // Reversed ramp: the same classes, colours swapped, and the legend says so.
  await style(page, id, { v: 1, kind: 'graduated', field: 'value', method: 'manual', breaks: [100, 200], ramp: 'Blues', reverse: true });
  px = await blocks(page);
  [...BLUES3].reverse().forEach((c, i) => expect(near(px[i], rgb(c)), `reversed block ${i}: drawn ${px[i]} against ${c}`).toBe(true));
  const legend = await page.evaluate((lid) => (window as any).renewalMap.thematicResult(lid).legend.entries.map((e: any) => [e.color, e.count]), id);
  expect(legend).toEqual([[BLUES3[2], 8100], [BLUES3[1], 7950], [BLUES3[0], 7950]]);

  // Filtered to two bands: the middle block is no longer drawn in any class colour.
  await page.evaluate((lid) => (window as any).renewalMap.setFilter(lid, { categories: { band: ['low', 'high'] } }), id);
  await page.waitForFunction((lid) => {
    const rm = (window as any).renewalMap;
    const f = rm.filterResult(lid);
    const g = rm.gpuPoints(lid);
    return f && !f.pending && f.count === 16050 && rm.thematicResult(lid)?.legend.total === 16050 && g?.drawnKey === rm.thematicResult(lid).key;
  }, id, { timeout: 30_000 });
  await waitIdle(page);
  px = await blocks(page);
  expect(near(px[0], rgb(BLUES3[2])), `kept block 0: ${px[0]}`).toBe(true);
  expect(BLUES3.some((c) => near(px[1], rgb(c))), `dropped block 1 still drawn: ${px[1]}`).toBe(false);
  expect(near(px[2], rgb(BLUES3[0])), `kept block 2: ${px[2]}`).toBe(true);

  // A click picks a feature through MapLibre's (invisible) circles.
  const at = await page.evaluate((c) => {
    const map = (window as any).renewalMap.getMap();
    const p = map.project(c);
    const r = map.getCanvas().getBoundingClientRect();
    return [r.left + p.x, r.top + p.y];
  }, CENTRES[0]);
  await page.mouse.click(at[0], at[1]);
  await page.waitForFunction((lid) => (window as any).renewalMap.getState().selection?.layerId === lid, id);
  expect(await page.evaluate(() => (window as any).renewalMap.getState().selection.properties.band)).toBe('low');

  // The style removed: MapLibre's circles draw the layer again in its own colour, the GPU layer nothing.
  await page.evaluate((lid) => {
    const rm = (window as any).renewalMap;
    rm.setFilter(lid, {});
    rm.setThematic(lid, null);
  }, id);
  await page.waitForFunction((lid) => (window as any).renewalMap.getMap().getPaintProperty(`${lid}:point`, 'circle-opacity') !== 0 && (window as any).renewalMap.gpuPoints(lid)?.ready === false, id);
  await waitIdle(page);
  const own = await page.evaluate((lid) => (window as any).renewalMap.getMap().getPaintProperty(`${lid}:point`, 'circle-color'), id);
  px = await blocks(page);
  expect(typeof own).toBe('string');
  expect(near(px[1], rgb(own)), `plain layer: drawn ${px[1]} against ${own}`).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('categories on the GPU: one colour per value, as the legend shows', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await openMap(page, '/#map=11/39.14/117.2&layers=&v=1');
  const id = await load(page);
  await style(page, id, { v: 1, kind: 'categories', field: 'band', ramp: 'Dark2' });
  const legend: Record<string, string> = await page.evaluate((lid) => Object.fromEntries((window as any).renewalMap.thematicResult(lid).legend.entries.map((e: any) => [e.key, e.color])), id);
  let px = await blocks(page);
  ['low', 'mid', 'high'].forEach((band, i) => expect(near(px[i], rgb(legend[band])), `${band}: drawn ${px[i]} against ${legend[band]}`).toBe(true));
  // The language switch gives the map a new style (labels): the GPU layer is put back and draws.
  await page.locator('button.lang').click();
  await page.waitForFunction(() => (window as any).renewalMap.getState().lang === 'en');
  await waitIdle(page);
  px = await blocks(page);
  ['low', 'mid', 'high'].forEach((band, i) => expect(near(px[i], rgb(legend[band])), `after the language switch, ${band}: drawn ${px[i]} against ${legend[band]}`).toBe(true));
  // A whole new style (as a basemap that cannot be diffed in) drops custom layers: it is put back.
  await page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    map.setStyle(map.getStyle(), { diff: false });
  });
  await page.waitForFunction((lid) => !!(window as any).renewalMap.getMap().getLayer(`${lid}:gpu`), id);
  await waitIdle(page);
  px = await blocks(page);
  ['low', 'mid', 'high'].forEach((band, i) => expect(near(px[i], rgb(legend[band])), `after a new style, ${band}: drawn ${px[i]} against ${legend[band]}`).toBe(true));
  expect(consoleErrors).toEqual([]);
});

test('graduated circles on the GPU: each class drawn at its own size', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await openMap(page, '/#map=11/39.14/117.2&layers=&v=1');
  const id = await load(page);
  await style(page, id, { v: 1, kind: 'circles', field: 'value', method: 'manual', breaks: [100, 200], radius: [4, 18] });
  const legend = await page.evaluate((lid) => (window as any).renewalMap.thematicResult(lid).legend.entries.map((e: any) => ({ color: e.color, radius: e.radius })), id);
  expect(legend.map((e: { radius: number }) => e.radius)).toEqual([4, 11, 18]);
  // At street zoom points are ~140 px apart: 10 px east of a point lies inside an 18 px circle
  // but outside a 4 px one.
  const read = async (c: [number, number]) => {
    const [centre, off10] = await drawnAfterJump(page, { center: c, zoom: 16.5 }, [c, [c[0], c[1], 10]]);
    return { centre, off10 };
  };
  const low = await read([LNG0 + 10 * STEP, LAT0 + 75 * STEP]);
  const high = await read([LNG0 + 150 * STEP, LAT0 + 75 * STEP]);
  // Circles are drawn at 0.85 opacity over the basemap: compare loosely.
  const close = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]))) <= 40;
  expect(close(low.centre, rgb(legend[0].color)), `low class centre ${low.centre} against ${legend[0].color}`).toBe(true);
  expect(close(low.off10, rgb(legend[0].color)), `10 px from a 4 px circle: ${low.off10}`).toBe(false);
  expect(close(high.centre, rgb(legend[2].color)), `high class centre ${high.centre} against ${legend[2].color}`).toBe(true);
  expect(close(high.off10, rgb(legend[2].color)), `10 px into an 18 px circle: ${high.off10}`).toBe(true);
  expect(consoleErrors).toEqual([]);
});
