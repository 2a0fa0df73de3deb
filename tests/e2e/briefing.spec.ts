// Issue 13: what a planner shows in a briefing is honest. Completeness verdicts, the
// accuracy halo and fly-to, the basemap fallback notice, Chinese name fields, the
// share warning, keyboard order and translated map controls.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { maxZoomForAccuracy } from '../../src/lib/accuracyZoom';
import { expect, jumpTo, openMap, test, waitIdle } from './fixtures';

const FIXTURES = 'tests/fixtures/briefing';
/** Requests this spec fails on purpose (the failing basemap tile route). */
const EXPECTED = /failing-tiles|status of 500/;

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors.filter((e) => !EXPECTED.test(e)), 'console errors or outside requests').toEqual([]);
});

async function runCoverage(page: Page): Promise<void> {
  await page.locator('[data-action="run"]').click();
  await expect(page.locator('.an-run[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await waitIdle(page);
}

async function loadFile(page: Page, file: string): Promise<string> {
  await page.locator('[data-panel=data]').click();
  const before: string[] = await page.evaluate(() => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id));
  await page.locator('[data-testid=data-file-input]').setInputFiles(join(FIXTURES, file));
  await expect.poll(() => page.evaluate(() => (window as any).renewalMap.getState().userLayers.length)).toBe(before.length + 1);
  return page.evaluate((b) => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id).find((id: string) => !b.includes(id)), before);
}

test('targets from the named shelters say "incomplete data" with the reason, never "not met"', async ({ page }) => {
  await openMap(page);
  await page.locator('[data-panel="analysis"]').click();
  await runCoverage(page); // the default facilities: the shipped shelters
  await expect(page.locator('.an-results [data-completeness="incomplete"]')).toContainText('数据不全');
  await expect(page.locator('.an-results [data-completeness="incomplete"]')).toContainText('仅规划与公开报道点名的场所');
  await page.locator('[data-subtab="targets"]').click();
  for (const id of ['shelter_coverage', 'shelters_per_district', 'urban_renewal_works']) {
    const row = page.locator(`li[data-target="${id}"]`);
    await expect(row).toHaveAttribute('data-status', 'incomplete');
    await expect(row.locator('.an-badge')).toHaveText('数据不全');
    await expect(row.locator('.an-target-detail').first()).toContainText('数据不全：');
  }
  await expect(page.locator('li[data-target="shelter_coverage"]')).toContainText('仅规划与公开报道点名的场所');
  await expect(page.locator('li[data-target="historic_blocks"]')).toHaveAttribute('data-status', 'met');
  await expect(page.locator('.an-target-list')).not.toContainText('未达标');
});

test('a shelter list the planner declares complete gets a verdict', async ({ page }) => {
  await openMap(page);
  const id = await loadFile(page, 'my-shelters.geojson');
  const row = page.locator(`.user-layer[data-layer="${id}"]`);
  await row.locator('summary').click();
  await row.locator('[data-action="declare-complete"]').check();
  await expect.poll(() => page.evaluate((l) => (window as any).renewalMap.getState().userLayers.find((x: any) => x.id === l).completeness?.complete, id)).toBe(true);
  await page.locator('[data-panel="analysis"]').click();
  await page.locator('[data-facility="shelters"]').uncheck();
  await page.locator(`[data-facility="${id}"]`).check();
  await runCoverage(page);
  await expect(page.locator('.an-results [data-completeness="incomplete"]')).toHaveCount(0);
  await page.locator('[data-subtab="targets"]').click();
  const cov = page.locator('li[data-target="shelter_coverage"]');
  await expect(cov).toHaveAttribute('data-status', 'not_met'); // three sites cannot cover the area
  await expect(cov.locator('.an-badge')).toHaveText('未达标');
});

test('coarse points draw an accuracy halo at street zooms only', async ({ page }) => {
  await openMap(page);
  const coarse = await page.evaluate(async () => {
    const fc = await (await fetch('geo/plan-projects.geojson')).json();
    const f = fc.features.find((x: any) => x.properties.accuracy_m >= 1500 && x.properties.district === '和平区')
      ?? fc.features.find((x: any) => x.properties.accuracy_m >= 1500);
    return { c: f.geometry.coordinates as [number, number], name: f.properties.name as string, acc: f.properties.accuracy_m as number };
  });
  const halos = () => page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    return map.getLayer('plan-projects:halo') ? map.queryRenderedFeatures({ layers: ['plan-projects:halo'] }).map((f: any) => f.properties.accuracy_m) : [];
  });
  await jumpTo(page, coarse.c[0], coarse.c[1], 10.5);
  expect(await halos()).toEqual([]);
  await jumpTo(page, coarse.c[0], coarse.c[1], 13);
  const acc: number[] = await halos();
  expect(acc.length).toBeGreaterThan(0);
  for (const a of acc) expect(a).toBeGreaterThan(200);
  // The halo is drawn: pixels of the halo colour around the point, well away from the dot.
  const radiusPx = await page.evaluate(([lng, lat, a]) => {
    const map = (window as any).renewalMap.getMap();
    const p = map.project([lng, lat]);
    const q = map.project([lng + a / (111320 * Math.cos((lat * Math.PI) / 180)), lat]);
    return q.x - p.x;
  }, [coarse.c[0], coarse.c[1], coarse.acc]);
  expect(radiusPx).toBeGreaterThan(50);
});

test('a search hit flies no deeper than the point’s accuracy supports', async ({ page }) => {
  await openMap(page);
  const f = await page.evaluate(async () => {
    const fc = await (await fetch('geo/plan-projects.geojson')).json();
    const x = fc.features.find((y: any) => y.properties.name === '独流镇') ?? fc.features.find((y: any) => y.properties.accuracy_m >= 1500);
    return { name: x.properties.name as string, acc: x.properties.accuracy_m as number };
  });
  await page.locator('#psearch').fill(f.name);
  await page.locator('.psearch-hit').first().click();
  await page.waitForFunction(() => !(window as any).renewalMap.getMap().isMoving());
  await waitIdle(page);
  const zoom: number = await page.evaluate(() => (window as any).renewalMap.getMap().getZoom());
  expect(zoom).toBeLessThan(14);
  expect(zoom).toBeLessThanOrEqual(maxZoomForAccuracy(f.acc) + 0.01);
});

test('a failing online basemap gives a notice within 5 s, keeps the embedded basemap and leaves the link', async ({ page }) => {
  await page.route('**/failing-tiles/**', (r) => r.fulfill({ status: 500, body: 'down' }));
  await openMap(page);
  await page.locator('.basemap select').selectOption('add-custom');
  await page.locator('[data-field="custom-name"]').fill('院内底图');
  await page.locator('[data-field="custom-url"]').fill(new URL('failing-tiles/{z}/{x}/{y}.png', page.url()).href.replace(/%7B/g, '{').replace(/%7D/g, '}'));
  const t0 = Date.now();
  await page.locator('[data-action="custom-save"]').click();
  const notice = page.locator('.notice[data-code="basemap.failed"]');
  await expect(notice).toBeVisible({ timeout: 5000 });
  expect(Date.now() - t0).toBeLessThan(5000);
  await expect(notice).toContainText('院内底图');
  await expect.poll(() => page.evaluate(() => (window as any).renewalMap.getState().basemap)).toBe('offline');
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('bm=');
  await waitIdle(page);
  const land = await page.evaluate(() => (window as any).renewalMap.getMap().queryRenderedFeatures({ layers: ['bm-land'] }).length);
  expect(land).toBeGreaterThan(0);
  // Kept in the browser for next time.
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('renewal-map:custom-basemap') ?? 'null')?.name)).toBe('院内底图');
});

test('a 名称 column is the name: in search and on the card', async ({ page }) => {
  await openMap(page);
  const id = await loadFile(page, 'my-shelters.geojson');
  await page.locator('#psearch').fill('西沽公园避难');
  const hit = page.locator(`.psearch-hit[data-layer="${id}"]`);
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('.psearch-name')).toHaveText('西沽公园避难场所');
  await hit.click();
  await expect(page.locator('.feature-card .card-title')).toHaveText('西沽公园避难场所');
  // Its colour is none of the shipped layers'.
  const colour: string = await page.evaluate((l) => (window as any).renewalMap.getState().userLayers.find((x: any) => x.id === l).style.color, id);
  const shipped: string[] = await page.evaluate(() => JSON.stringify((window as any).renewalMap.getState().catalog.layers.map((l: any) => l.style)).match(/#[0-9a-f]{6}/gi) ?? []);
  expect(shipped.map((c) => c.toLowerCase())).not.toContain(colour.toLowerCase());
});

test('share and embed warn about loaded layers and can carry one by ?data=', async ({ page }) => {
  await openMap(page);
  const id = await loadFile(page, 'my-shelters.geojson');
  await page.locator('[data-tool="share"]').click();
  const note = page.locator('.share-panel [data-testid="local-layers"]');
  await expect(note).toContainText('链接不包含您自己加载的图层');
  await expect(note.locator(`li[data-layer="${id}"]`)).toContainText('my-shelters');
  const download = page.waitForEvent('download');
  await note.locator('[data-action="export-local"]').click();
  expect((await download).suggestedFilename()).toMatch(/\.geojson$/);
  await note.locator('[data-testid="local-data-url"]').fill('https://files.example.cn/my-shelters.geojson');
  const link = new URL((await page.locator('.share-panel').getAttribute('data-url'))!);
  expect(link.searchParams.get('data')).toBe('https://files.example.cn/my-shelters.geojson');
  expect(link.hash).not.toContain(id);
  await page.locator('[data-tool="embed"]').click();
  await expect(page.locator('.embed-dialog [data-testid="local-layers"]')).toContainText('my-shelters');
});

test('keyboard: skip link, search early in the tab order, arrow keys on the tabs', async ({ page }) => {
  await openMap(page);
  const stops: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a ? `${a.tagName.toLowerCase()}${a.id ? '#' + a.id : ''}${a.className && typeof a.className === 'string' ? '.' + a.className.split(' ')[0] : ''}` : '';
    }));
  }
  expect(stops[0]).toContain('skip-link');
  const search = stops.findIndex((s) => s.includes('#psearch'));
  expect(search).toBeGreaterThan(0);
  expect(search).toBeLessThan(8);
  // The skip link moves focus to the search without changing the link's hash.
  const hash = await page.evaluate(() => location.hash);
  const skip = page.locator('.skip-link').first();
  await skip.focus();
  expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0); // shown when focused
  await page.keyboard.press('Enter');
  await expect(page.locator('#psearch')).toBeFocused();
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  // Arrow keys move between the tabs and select them.
  await page.locator('[data-panel="layers"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-panel="filters"]')).toBeFocused();
  await expect(page.locator('[data-panel="filters"]')).toHaveAttribute('aria-selected', 'true');
  const tabs = await page.locator('[role="tab"][data-panel]').evaluateAll((els) => els.map((e) => e.getAttribute('data-panel')!));
  const last = page.locator(`[data-panel="${tabs[tabs.length - 1]}"]`);
  await page.keyboard.press('End');
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-panel="layers"]')).toBeFocused();
  await expect(page.locator('[data-panel="layers"]')).toHaveAttribute('tabindex', '0');
  await expect(page.locator('[data-panel="filters"]')).toHaveAttribute('tabindex', '-1');
});

test('map controls and attribution follow the language', async ({ page }) => {
  await openMap(page);
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', '放大');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('底图');
  await page.locator('button.lang').click();
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Zoom in');
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('Basemap');
  await expect(page.locator('.maplibregl-ctrl-attrib')).not.toContainText('底图');
});

test('polish: one 水上公园 label, counts follow other filters, district filters named apart, no raw field names', async ({ page }) => {
  const f = { 'plan-projects': { categories: { district: ['和平区'] } } };
  await openMap(page, '/#map=14/39.0887/117.1607&layers=districts,parks,shelters,plan-projects&v=1');
  const labels: string[] = await page.evaluate(() => {
    const map = (window as any).renewalMap.getMap();
    const ids = ['parks:label', 'shelters:label', 'plan-projects:label'].filter((id) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers: ids }).map((x: any) => x.properties.name);
  });
  expect(labels.filter((n) => n === '水上公园')).toHaveLength(1);

  // Attribute filter 所在区 = 和平区: the renewal-type counts add up to what it keeps.
  await page.evaluate((flt) => (window as any).renewalMap.setFilter('plan-projects', flt), f['plan-projects']);
  await page.locator('[data-panel="filters"]').click();
  await expect.poll(() => page.evaluate(() => (window as any).renewalMap.filterResult('plan-projects')?.pending)).toBe(false);
  const kept: number = await page.evaluate(() => (window as any).renewalMap.filterResult('plan-projects').count);
  // Field statistics and facet counts come from the data service: wait until they are drawn.
  const countSum = () => page.locator('.fcat[data-field="renewal_type"] .count').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0));
  await expect.poll(countSum).toBe(kept);
  expect(kept).toBeLessThan(121);
  // The two district filters read apart.
  await expect(page.locator('.fdistricts legend')).toHaveText('位于区界范围内（空间）');
  await expect(page.locator('.fcat[data-field="district"] legend')).toHaveText('所在区（属性值）');

  // A card shows labels, not raw field names.
  await page.evaluate(() => (window as any).renewalMap.setFilter('plan-projects', {}));
  const worded: string = await page.evaluate(async () => (await (await fetch('geo/plan-projects.geojson')).json()).features.find((x: any) => x.properties.plan_wording).properties.name);
  await page.locator('#psearch').fill(worded);
  await page.locator('.psearch-hit[data-layer="plan-projects"]').first().click();
  await expect(page.locator('.feature-card')).toBeVisible();
  await expect(page.locator('.feature-card')).toContainText('规划原文');
  const heads = await page.locator('.feature-card th').allInnerTexts();
  for (const raw of ['plan_wording', 'ring_length_km', 'district_note', 'chapter']) expect(heads).not.toContain(raw);
});
