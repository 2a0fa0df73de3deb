// Issue 5 in the browser: loading planners' files through the real file input,
// the import corpus's messages, safety, cancel, persistence across reloads,
// export round trip and ?data= loading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { MESSAGES } from '../../src/io/messages';
import { expect, openMap, test, waitIdle } from './fixtures';

interface Entry { file: string; valid: boolean; codes: string[]; featureIndex?: number; line?: number }

const DIR = join(import.meta.dirname, '../fixtures/import');
const manifest: Entry[] = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));

test.describe.configure({ mode: 'parallel' });

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

/** The longest literal part of a message template: text every rendering of the code contains. */
function literal(code: string, lang: 'zh' | 'en'): string {
  return MESSAGES[code][lang].split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0].trim();
}

async function openData(page: Page, path = '/'): Promise<void> {
  await openMap(page, path);
  await page.locator('[data-panel=data]').click();
}

interface Loaded { status: string; codes: string[]; texts: string[]; features: (string | null)[]; newLayers: string[] }

/** Load through the real file input and wait for this load's report. */
async function load(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<Loaded> {
  const before: string[] = await page.evaluate(() => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id));
  const prevKey = (await page.locator('.report').count()) ? ((await page.locator('.report').first().getAttribute('data-key')) ?? '0') : '0';
  await page.locator('[data-testid=data-file-input]').setInputFiles(typeof file === 'string' ? join(DIR, file) : file);
  const report = page.locator('.report').first();
  await expect(report).not.toHaveAttribute('data-key', prevKey, { timeout: 30_000 });
  const issues = report.locator('.issue[data-code]');
  const after: string[] = await page.evaluate(() => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id));
  return {
    status: (await report.getAttribute('data-status')) ?? '',
    codes: await issues.evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? '')),
    texts: await issues.allInnerTexts(),
    features: await issues.evaluateAll((els) => els.map((e) => e.getAttribute('data-feature'))),
    newLayers: after.filter((id) => !before.includes(id)),
  };
}

/** Features a loaded layer draws in the current view. */
function drawn(page: Page, id: string): Promise<number> {
  return page.evaluate((lid) => {
    const map = (window as any).renewalMap.getMap();
    const layers = [':fill', ':line', ':point'].map((s) => lid + s).filter((x) => map.getLayer(x));
    return layers.length ? map.queryRenderedFeatures({ layers }).length : 0;
  }, id);
}

/** Jump (no animation) to a loaded layer's bbox. */
async function jumpToLayer(page: Page, id: string): Promise<void> {
  await page.evaluate((lid) => {
    const rm = (window as any).renewalMap;
    const l = rm.getState().userLayers.find((x: any) => x.id === lid);
    rm.getMap().fitBounds([[l.bbox[0], l.bbox[1]], [l.bbox[2], l.bbox[3]]], { padding: 60, maxZoom: 15, duration: 0 });
  }, id);
  await waitIdle(page);
}

/** The row's zoom button (animated). */
async function zoomTo(page: Page, id: string): Promise<void> {
  await page.locator(`li.user-layer[data-layer="${id}"] [data-action=zoom]`).click();
  await waitIdle(page);
}

/** The layer records IndexedDB holds now (id, title, colour), read straight from the database. */
function savedInDb(page: Page): Promise<{ id: string; title: string; color: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tianjin-renewal-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('layers')) return resolve([]);
          const all = db.transaction('layers').objectStore('layers').getAll();
          all.onsuccess = () => resolve(all.result.map((r: any) => ({ id: r.layer.id, title: r.layer.title.zh, color: r.layer.style.color })));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

const userLayers = (page: Page) => page.evaluate(() => (window as any).renewalMap.getState().userLayers.map(({ dataUrl, ...l }: any) => l));

const CHUNKS = 4;
for (let c = 0; c < CHUNKS; c++) {
  const part = manifest.filter((_, i) => i % CHUNKS === c);
  test(`corpus ${c + 1}/${CHUNKS}: ${part.length} files show their expected messages; valid ones draw`, async ({ page, consoleErrors }) => {
    void consoleErrors;
    test.setTimeout(180_000);
    await openData(page);
    for (const e of part) {
      const r = await load(page, e.file);
      expect(r.status, e.file).toBe(e.valid ? 'ok' : 'failed');
      expect([...new Set(r.codes)].filter((x) => x !== 'errors.more').sort(), e.file).toEqual([...e.codes].sort());
      for (const code of e.codes) {
        const shown = r.texts.filter((_, i) => r.codes[i] === code).join('\n');
        expect(shown, `${e.file}: text of ${code}`).toContain(literal(code, 'zh'));
      }
      if (e.featureIndex !== undefined) expect(r.features, e.file).toContain(String(e.featureIndex));
      if (e.valid) {
        expect(r.newLayers.length, e.file).toBeGreaterThan(0);
        for (const id of r.newLayers) {
          await jumpToLayer(page, id);
          await expect.poll(() => drawn(page, id), { message: `${e.file} → ${id} draws` }).toBeGreaterThan(0);
        }
      } else expect(r.newLayers, e.file).toEqual([]);
    }
  });
}

test('messages follow the language switch', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  await load(page, 'unclosed-ring.geojson');
  await expect(page.locator('.report .issue[data-code="ring.unclosed"]')).toContainText(literal('ring.unclosed', 'zh'));
  await expect(page.locator('.report .issue[data-code="ring.unclosed"]')).toContainText('第 0 个要素');
  await page.locator('button.lang').click();
  await expect(page.locator('.report .issue[data-code="ring.unclosed"]')).toContainText(literal('ring.unclosed', 'en'));
  await expect(page.locator('.report .issue[data-code="ring.unclosed"]')).toContainText('feature 0');
  await page.locator('.report button[aria-label=Dismiss]').click();
  await expect(page.locator('.report')).toHaveCount(0);
});

test('a failed load leaves existing layers untouched', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  const good = await load(page, 'lonlat.csv');
  const id = good.newLayers[0];
  await zoomTo(page, id);
  const count = await drawn(page, id);
  expect(count).toBe(3);
  const state = await userLayers(page);
  for (const bad of ['truncated.geojson', 'mixed-valid-invalid.geojson', 'html-404.geojson']) {
    expect((await load(page, bad)).status).toBe('failed');
  }
  expect(await userLayers(page)).toEqual(state);
  await waitIdle(page);
  expect(await drawn(page, id)).toBe(count);
});

test('a load can be cancelled and leaves existing layers untouched', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  const good = await load(page, 'lonlat.csv');
  const state = await userLayers(page);
  const n = 120_000;
  const features = Array.from({ length: n }, (_, i) =>
    `{"type":"Feature","properties":{"i":${i},"name":"地块${i}"},"geometry":{"type":"Polygon","coordinates":[[[117.1,39.1],[117.1001,39.1],[117.1001,${39.1 + (i % 100) * 1e-6}],[117.1,39.1]]]}}`);
  const buffer = Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`);
  await page.locator('[data-testid=data-file-input]').setInputFiles({ name: 'big.geojson', mimeType: 'application/geo+json', buffer });
  await page.locator('[data-action=cancel-load]').click();
  const report = page.locator('.report').first();
  await expect(report).toHaveAttribute('data-file', 'big.geojson');
  await expect(report).toHaveAttribute('data-status', 'cancelled');
  await expect(page.locator('.load-progress')).toHaveCount(0);
  expect(await userLayers(page)).toEqual(state);
  await zoomTo(page, good.newLayers[0]);
  expect(await drawn(page, good.newLayers[0])).toBe(3);
});

test('loaded layers persist across reloads with their style, until removed', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  const { newLayers: [id] } = await load(page, 'multipolygon-hole.geojson');
  const row = page.locator(`li.user-layer[data-layer="${id}"]`);
  await row.locator('input[type=color]').fill('#aa0011');
  await row.locator('[data-action=rename]').click();
  await row.locator('input.ul-rename').fill('更新片区');
  await row.locator('input.ul-rename').press('Enter');
  // Written back (debounced) and in the link.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain(id);
  await expect.poll(() => savedInDb(page)).toContainEqual({ id, title: '更新片区', color: '#aa0011' });
  // Reload the same address: its hash (layers=…,<id>) names the user layer, which is restored before the hash is read.
  const hash = await page.evaluate(() => location.hash);
  await page.reload();
  await page.waitForFunction((lid) => (window as any).renewalMap?.getMap() && (window as any).renewalMap.getState().userLayers.some((l: any) => l.id === lid), id);
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  const restored = (await userLayers(page)).find((l: any) => l.id === id);
  expect(restored.style.color).toBe('#aa0011');
  expect(restored.title.zh).toBe('更新片区');
  expect(await page.evaluate((lid) => (window as any).renewalMap.getState().visible.includes(lid), id)).toBe(true);
  await expect(page.locator('.notice[data-code="url.layers"]')).toHaveCount(0);
  await page.locator('[data-panel=data]').click();
  await zoomTo(page, id);
  await expect.poll(() => drawn(page, id)).toBeGreaterThan(0);
  const paint = await page.evaluate((lid) => (window as any).renewalMap.getMap().getPaintProperty(`${lid}:fill`, 'fill-color'), id);
  expect(paint).toBe('#aa0011');
  // Remove (with confirmation), reload: gone.
  await page.locator(`li.user-layer[data-layer="${id}"] [data-action=remove]`).click();
  await page.locator(`li.user-layer[data-layer="${id}"] [data-action=confirm-remove]`).click();
  await expect(page.locator(`li.user-layer[data-layer="${id}"]`)).toHaveCount(0);
  await expect.poll(() => savedInDb(page)).toEqual([]);
  await page.reload();
  // Stored layers are restored before the catalog enters the store, so this is the final list.
  await page.waitForFunction(() => !!(window as any).renewalMap?.getState().catalog);
  expect(await userLayers(page)).toEqual([]);
});

test('property values are shown as text, never as HTML', async ({ page, consoleErrors }) => {
  void consoleErrors;
  page.on('dialog', (d) => {
    consoleErrors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await openData(page);
  const fc = {
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { name: '<img src=x onerror="window.__xss=1">', note: '<script>window.__xss2=1</script>', html: '<b>bold</b> & "q"' },
      geometry: { type: 'Point', coordinates: [117.2, 39.12] },
    }],
  };
  const name = '<img src=x onerror="window.__xss3=1">.geojson';
  const r = await load(page, { name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(fc)) });
  expect(r.status).toBe('ok');
  await zoomTo(page, r.newLayers[0]);
  const pt = await page.evaluate(() => (window as any).renewalMap.getMap().project([117.2, 39.12]));
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.click(box.x + pt.x, box.y + pt.y);
  const card = page.locator('.feature-card');
  await expect(card).toContainText('<img src=x onerror="window.__xss=1">');
  await expect(card).toContainText('<script>window.__xss2=1</script>');
  await expect(card).toContainText('<b>bold</b> & "q"');
  await expect(page.locator('.report').first()).toContainText(name);
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], .feature-card script, .feature-card b, .data-panel img').length)).toBe(0);
  expect(await page.evaluate(() => [(window as any).__xss, (window as any).__xss2, (window as any).__xss3])).toEqual([undefined, undefined, undefined]);
});

test('exporting a loaded layer round-trips geometry and properties', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  const features = [
    { type: 'Feature', id: 'a-1', properties: { name: '和平区更新片区', n: 3, ok: true, nil: null, list: [1, '二'], obj: { k: 'v' }, text: '<b>x</b>' },
      geometry: { type: 'Polygon', coordinates: [[[117.18, 39.1], [117.2, 39.1], [117.2, 39.12], [117.18, 39.1]], [[117.19, 39.103], [117.195, 39.103], [117.195, 39.106], [117.19, 39.103]]] } },
    { type: 'Feature', id: 7, properties: { name: 'z', elev: 2.5 },
      geometry: { type: 'MultiPolygon', coordinates: [[[[117.3, 39.2, 4.5], [117.31, 39.2, 4.5], [117.31, 39.21, 4.5], [117.3, 39.2, 4.5]]]] } },
  ];
  const r = await load(page, { name: 'roundtrip.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) });
  const dl = page.waitForEvent('download');
  await page.locator(`li.user-layer[data-layer="${r.newLayers[0]}"] [data-action=export]`).click();
  const download = await dl;
  expect(download.suggestedFilename()).toBe('roundtrip.geojson');
  const out = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(out.type).toBe('FeatureCollection');
  expect(out.features).toEqual(features);
});

test('?data= loads an http(s) URL through the worker and refuses other schemes', async ({ page, consoleErrors, baseURL }) => {
  void consoleErrors;
  const url = new URL('fixture-data.geojson', baseURL).href;
  await page.route(url, (route) => route.fulfill({ body: readFileSync(join(DIR, 'duplicate-ids.geojson')), contentType: 'application/geo+json' }));
  await openMap(page, `/?data=${encodeURIComponent(url)}`);
  await page.waitForFunction(() => (window as any).renewalMap.getState().userLayers.length === 1);
  const [layer] = await userLayers(page);
  expect(layer).toMatchObject({ source: url, file: 'fixture-data.geojson', feature_count: 3 });
  await expect(page.locator('.report').first()).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('.report .issue[data-code="feature.id_duplicate"]')).toHaveCount(1);
  await zoomTo(page, layer.id);
  await expect.poll(() => drawn(page, layer.id)).toBeGreaterThan(0);

  for (const bad of ['javascript:window.__pwned=1', 'data:application/json,{}', 'file:///etc/passwd']) {
    await page.goto(`/?data=${encodeURIComponent(bad)}`);
    await page.waitForFunction(() => !!(window as any).renewalMap?.getState().catalog);
    await expect(page.locator('.notice[data-code="url.data_scheme"]')).toContainText(literal('url.data_scheme', 'zh').slice(0, 10));
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  }
  // The layer loaded from the URL was kept; the refused links added nothing.
  expect((await userLayers(page)).map((l: any) => l.source)).toEqual([url]);
});

test('a GBK CSV with 经度/纬度 loads with the GBK notice; projected and GCJ-02 data are explained or converted', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openData(page);
  const gbk = await load(page, 'gbk-lonlat.csv');
  expect(gbk.status).toBe('ok');
  expect(gbk.codes).toContain('encoding.gbk_decoded');
  await zoomTo(page, gbk.newLayers[0]);
  const names = await page.evaluate((id) => (window as any).renewalMap.getMap().querySourceFeatures(id).map((f: any) => f.properties['名称']), gbk.newLayers[0]);
  // (a feature may appear once per tile it touches)
  expect([...new Set(names)].sort()).toEqual(['天津1', '天津2']);

  const gk = await load(page, 'gauss-kruger-zone39.geojson');
  // Metre coordinates with no stated CRS: the load stops and asks which system, the likely
  // Gauss–Krüger zone 39 (EPSG:4527) among the choices (the picker itself: formats.spec.ts).
  expect(gk.status).toBe('failed');
  expect(gk.codes).toEqual(['crs.choose']);
  expect(gk.texts[0]).toContain('坐标不是经纬度');
  expect(gk.texts[0]).toContain('EPSG:4527');

  await page.locator('[data-testid=data-crs]').selectOption('GCJ02');
  const gcj = await load(page, 'gcj02-sample.geojson');
  const [layer] = (await userLayers(page)).filter((l: any) => l.id === gcj.newLayers[0]);
  expect(layer.source_crs).toBe('GCJ-02');
  const src = JSON.parse(readFileSync(join(DIR, 'gcj02-sample.geojson'), 'utf8'));
  const dLon = Math.min(...src.features.map((f: any) => f.geometry.coordinates[0])) - layer.bbox[0];
  expect(dLon).toBeGreaterThan(0.004); // GCJ-02 is ~0.006° east of WGS84 in Tianjin
  expect(dLon).toBeLessThan(0.009);
  expect(gcj.codes).toContain('crs.converted');
});
