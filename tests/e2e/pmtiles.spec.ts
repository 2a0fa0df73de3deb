// A PMTiles archive by URL (`?data=…/parcels.pmtiles`), served by a small
// static server in this spec that answers Range requests (on another local
// port, with CORS, as a CDN would). The app reads it only through the pmtiles
// library: header, directory and tiles by range, never the whole file.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, openMap, waitIdle } from './fixtures';

const ARCHIVE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pmtiles', 'parcels.pmtiles'));
const PORT = Number(process.env.E2E_PORT ?? 4173) + 57;
const URL_ = `http://127.0.0.1:${PORT}/tiles/parcels.pmtiles`;
const requests: { range: string | undefined; status: number }[] = [];
let server: Server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'range, if-match', 'access-control-expose-headers': 'etag, content-range, content-length' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    if (req.url !== '/tiles/parcels.pmtiles') return void res.writeHead(404, cors).end();
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (!m) {
      requests.push({ range: req.headers.range, status: 200 });
      return void res.writeHead(200, { ...cors, 'content-length': ARCHIVE.length, etag: '"v1"' }).end(ARCHIVE);
    }
    const start = Number(m[1]);
    const end = Math.min(m[2] ? Number(m[2]) : ARCHIVE.length - 1, ARCHIVE.length - 1);
    requests.push({ range: req.headers.range, status: 206 });
    res.writeHead(206, { ...cors, 'content-range': `bytes ${start}-${end}/${ARCHIVE.length}`, 'content-length': end - start + 1, etag: '"v1"', 'content-type': 'application/octet-stream' });
    res.end(ARCHIVE.subarray(start, end + 1));
  });
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', () => r()));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));
test.afterEach(async ({ consoleErrors }) => {
  // The missing archive's 404 is the point of the second test; anything else fails.
  expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
});

const drawnNames = (page: import('@playwright/test').Page, id: string) =>
  page.evaluate((lid) => {
    const rm = (window as any).renewalMap;
    const map = rm.getMap();
    const layers = rm.layerIds(lid).filter((x: string) => map.getLayer(x) && !x.endsWith(':label'));
    return [...new Set(map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.name as string))].sort();
  }, id);

test('a PMTiles archive by URL draws by range requests and takes part in panel, card and filters', async ({ page, consoleErrors }) => {
  void consoleErrors;
  requests.length = 0;
  await openMap(page, `/?data=${encodeURIComponent(URL_)}`);
  const id = await page
    .waitForFunction(() => (window as any).renewalMap.getState().userLayers.find((l: any) => l.type === 'pmtiles')?.id)
    .then((h) => h.jsonValue() as Promise<string>);
  await page.waitForFunction(() => !(window as any).renewalMap.getMap().isMoving());
  await waitIdle(page);
  await expect.poll(() => drawnNames(page, id)).toEqual(['测试地块丁', '测试地块丙', '测试地块乙', '测试地块甲'].sort());

  // Read in pieces: every request asked for a byte range and got one.
  expect(requests.length).toBeGreaterThan(1);
  expect(requests.every((r) => r.range && r.status === 206)).toBe(true);

  // The layer panel lists it under the user's layers, with the archive's name.
  await page.locator('[data-panel=layers]').click();
  await expect(page.getByText('Test parcels').first()).toBeVisible();

  // Clicking a parcel shows its attributes (from the tile) in the feature card, as text.
  const xy = await page.evaluate(() => (window as any).renewalMap.getMap().project([117.186, 39.1148]));
  const canvas = await page.locator('.maplibregl-canvas').boundingBox();
  await page.mouse.click(canvas!.x + xy.x, canvas!.y + xy.y);
  await expect(page.locator('.feature-card .card-title')).toHaveText('测试地块甲');
  await expect(page.locator('.feature-card')).toContainText('居住');

  // A category filter on a tile attribute: MapLibre draws only the kept parcels.
  await page.evaluate((lid) => (window as any).renewalMap.setFilter(lid, { categories: { use: ['居住'] } }), id);
  await waitIdle(page);
  await expect.poll(() => drawnNames(page, id)).toEqual(['测试地块丙', '测试地块甲'].sort());
  await page.evaluate((lid) => (window as any).renewalMap.setFilter(lid, {}), id);
  await waitIdle(page);
  await expect.poll(() => drawnNames(page, id)).toHaveLength(4);
});

test('an address that is not a PMTiles archive gives a message and adds nothing', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page, `/?data=${encodeURIComponent(`http://127.0.0.1:${PORT}/tiles/missing.pmtiles`)}`);
  const report = page.locator('.report[data-status="failed"]').first();
  await expect(report).toBeVisible();
  await expect(report).toContainText('missing.pmtiles');
  expect(await page.evaluate(() => (window as any).renewalMap.getState().userLayers.length)).toBe(0);
});
