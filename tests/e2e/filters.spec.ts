// Filters, the feature table and place search, checked against what the map
// draws and against counts computed here from the shipped GeoJSON.
import { mkdirSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Page } from '@playwright/test';
import { maxZoomForAccuracy } from '../../src/lib/accuracyZoom';
import { expect, jumpTo, openMap, test, waitIdle } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
mkdirSync(SHOTS, { recursive: true });

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

type Props = Record<string, unknown>;

async function geojson<G extends Point | Polygon | MultiPolygon>(page: Page, file: string): Promise<FeatureCollection<G, Props>> {
  return (await page.request.get(`/geo/${file}`)).json();
}

/** Indices of the features passing `keep`, ascending. */
const indicesWhere = (fc: FeatureCollection<Point, Props>, keep: (f: Feature<Point, Props>) => boolean) =>
  fc.features.flatMap((f, i) => (keep(f) ? [i] : []));

/** Frames the layer, waits for its filter result and the map, and returns the distinct feature ids drawn. */
async function drawnIds(page: Page, layerId: string): Promise<number[]> {
  await page.waitForFunction((id) => {
    const r = (window as any).renewalMap.filterResult(id);
    return !r || !r.pending;
  }, layerId);
  await page.evaluate((id) => {
    const rm = (window as any).renewalMap;
    const l = rm.getState().catalog.layers.find((x: any) => x.id === id);
    rm.getMap().fitBounds(l.bbox, { padding: 40, duration: 0 });
  }, layerId);
  await waitIdle(page);
  return page.evaluate((id) => {
    const map = (window as any).renewalMap.getMap();
    const ids = map.queryRenderedFeatures({ layers: [`${id}:point`] }).map((f: any) => f.id as number);
    return [...new Set<number>(ids)].sort((a, b) => a - b);
  }, layerId);
}

/** Another tab in the same context, reporting its console errors into the test's list. */
async function newTab(page: Page, errors: string[]): Promise<Page> {
  const tab = await page.context().newPage();
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => errors.push(String(e)));
  return tab;
}

const countText = (page: Page) => page.locator('.fpanel .fcount');

async function openFilters(page: Page): Promise<void> {
  await page.locator('[data-panel="filters"]').click();
  await expect(page.locator('.fpanel select.flayer')).toHaveValue('plan-projects');
  await expect(page.locator('.fcat[data-field="renewal_type"]')).toBeVisible();
}

test('a category filter draws exactly the kept features; text and district narrow it; chips remove clauses', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const projects = await geojson<Point>(page, 'plan-projects.geojson');
  const districts = await geojson<Polygon | MultiPolygon>(page, 'districts.geojson');
  const total = projects.features.length;
  expect(await drawnIds(page, 'plan-projects')).toHaveLength(total);

  await openFilters(page);
  await expect(countText(page)).toHaveText(`显示 ${total} / 共 ${total}`);
  const green = indicesWhere(projects, (f) => f.properties.renewal_type === 'green');
  expect(green.length).toBeGreaterThan(1);
  await page.locator('.fcat[data-field="renewal_type"] input[value="green"]').check();
  await expect(countText(page)).toHaveText(`显示 ${green.length} / 共 ${total}`);
  expect(await drawnIds(page, 'plan-projects')).toEqual(green);
  await expect(page.locator('.fbar [data-layer="plan-projects"] .fcount')).toHaveText(`显示 ${green.length} / 共 ${total}`);

  // Text: every term must occur in a string property (case-insensitive).
  const term = '公园';
  const textKept = green.filter((i) => Object.values(projects.features[i].properties).some((v) => typeof v === 'string' && v.includes(term)));
  expect(textKept.length).toBeGreaterThan(0);
  expect(textKept.length).toBeLessThan(green.length);
  await page.locator('.fpanel input.ftext').fill(term);
  await expect(countText(page)).toHaveText(`显示 ${textKept.length} / 共 ${total}`);
  expect(await drawnIds(page, 'plan-projects')).toEqual(textKept);
  await page.screenshot({ path: `${SHOTS}/filters-1-text.png` });

  // Chips: one per clause; removing the text and category clauses restores everything.
  const chips = page.locator('.fpanel .fchip');
  await expect(chips).toHaveCount(2);
  await page.locator('.fpanel .fchip[data-clause="text"] button').click();
  await expect(countText(page)).toHaveText(`显示 ${green.length} / 共 ${total}`);
  await expect(page.locator('.fpanel input.ftext')).toHaveValue('');
  await page.locator('.fpanel .fchip[data-clause="category:renewal_type"] button').click();
  await expect(chips).toHaveCount(0);
  await expect(countText(page)).toHaveText(`显示 ${total} / 共 ${total}`);

  // District: only the projects inside 和平区's polygon.
  const heping = districts.features.find((d) => d.properties.name === '和平区')!;
  const inside = indicesWhere(projects, (f) => booleanPointInPolygon(f.geometry, heping));
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(total);
  await page.locator('.fdistricts [data-district="和平区"] input').check();
  await expect(countText(page)).toHaveText(`显示 ${inside.length} / 共 ${total}`);
  expect(await drawnIds(page, 'plan-projects')).toEqual(inside);
  await page.screenshot({ path: `${SHOTS}/filters-2-district.png` });
});

test('a drawn rectangle filters to the features inside it', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const projects = await geojson<Point>(page, 'plan-projects.geojson');
  await openFilters(page);
  await jumpTo(page, 117.2, 39.12, 11);
  const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const [x0, y0, x1, y1] = [canvas.x + canvas.width * 0.3, canvas.y + canvas.height * 0.3, canvas.x + canvas.width * 0.7, canvas.y + canvas.height * 0.7];
  await page.locator('.fdraw [data-draw="rectangle"]').click();
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 4 });
  await page.mouse.move(x1, y1, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => !!(window as any).renewalMap.getState().filters['plan-projects']?.polygon);
  const ring: number[][] = await page.evaluate(() => (window as any).renewalMap.getState().filters['plan-projects'].polygon.coordinates[0]);
  const [w, s] = [Math.min(...ring.map((p) => p[0])), Math.min(...ring.map((p) => p[1]))];
  const [e, n] = [Math.max(...ring.map((p) => p[0])), Math.max(...ring.map((p) => p[1]))];
  const inside = indicesWhere(projects, (f) => {
    const [x, y] = f.geometry.coordinates;
    return x >= w && x <= e && y >= s && y <= n;
  });
  expect(inside.length).toBeGreaterThan(0);
  expect(inside.length).toBeLessThan(projects.features.length);
  await expect(countText(page)).toHaveText(`显示 ${inside.length} / 共 ${projects.features.length}`);
  expect(await drawnIds(page, 'plan-projects')).toEqual(inside);
  await expect(page.locator('.fpanel .fchip[data-clause="polygon"]')).toHaveCount(1);
});

test('the table shows the filtered rows, sorts, and selects with the map both ways', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const projects = await geojson<Point>(page, 'plan-projects.geojson');
  await openFilters(page);
  await page.locator('.fcat[data-field="renewal_type"] input[value="innovation"]').check();
  const kept = indicesWhere(projects, (f) => f.properties.renewal_type === 'innovation');
  await page.locator('[data-action="table"]').click();
  const table = page.locator('section.ftable[data-layer="plan-projects"]');
  await expect(table.locator('.ftable-count')).toHaveAttribute('data-rows', String(kept.length));
  // (virtualisation is checked at 100,000 rows in table-virtual.spec.ts)

  // Sort by name: ascending with the Chinese collation, then descending.
  const names = kept.map((i) => String(projects.features[i].properties.name)).sort((a, b) => a.localeCompare(b, 'zh'));
  const header = table.locator('[role="columnheader"][data-col="name"]');
  await header.click();
  await expect(table.locator('.ftable-spacer [role="row"]').first().locator('[role="gridcell"]').first()).toHaveText(names[0]);
  await header.click();
  await expect(table.locator('.ftable-spacer [role="row"]').first().locator('[role="gridcell"]').first()).toHaveText(names[names.length - 1]);

  // A row click selects the feature and flies the map to it.
  const row = table.locator('.ftable-spacer [role="row"]').nth(2);
  const index = Number(await row.getAttribute('data-index'));
  await row.click();
  await expect(page.locator('.feature-card .card-title')).toHaveText(String(projects.features[index].properties.name));
  await page.waitForFunction(() => !(window as any).renewalMap.getMap().isMoving());
  await waitIdle(page);
  const [lng, lat] = projects.features[index].geometry.coordinates;
  const after = await page.evaluate(() => {
    const map = (window as any).renewalMap;
    const c = map.getMap().getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getMap().getZoom(), sel: map.getState().selection };
  });
  expect(after.sel).toMatchObject({ layerId: 'plan-projects', featureId: index });
  // At least street zoom 14, unless the point's accuracy does not support it (issue 13).
  const want = Math.min(14, maxZoomForAccuracy(projects.features[index].properties.accuracy_m));
  expect(after.zoom).toBeGreaterThanOrEqual(want - 0.1);
  expect(after.zoom).toBeLessThanOrEqual(Math.max(want, 14) + 0.01);
  expect(Math.abs(after.lng - lng)).toBeLessThan(0.01);
  expect(Math.abs(after.lat - lat)).toBeLessThan(0.01);
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // A click on the map selects another kept feature: its row is highlighted and scrolled into view.
  const other = kept.find((i) => i !== index && names.indexOf(String(projects.features[i].properties.name)) < 3)!;
  const [ox, oy] = projects.features[other].geometry.coordinates;
  await jumpTo(page, ox, oy, 16);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  const xy = await page.evaluate(([x, y]) => (window as any).renewalMap.getMap().project([x, y]), [ox, oy]);
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  const otherRow = table.locator(`.ftable-spacer [role="row"][data-index="${other}"]`);
  await expect(otherRow).toHaveAttribute('aria-selected', 'true');
  await expect(otherRow).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/filters-3-table.png` });
  await table.getByRole('button', { name: '关闭' }).click();
  await expect(table).toHaveCount(0);
});

test('place search finds 五大道, jumps there and selects it', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openMap(page);
  const input = page.locator('.psearch-input');
  await input.fill('五大道');
  const first = page.locator('.psearch-hit').first();
  await expect(first.locator('.psearch-name')).toHaveText('五大道');
  await expect(first.locator('.psearch-layer')).toHaveText('历史文化街区');
  await input.press('Enter');
  await expect(page.locator('.feature-card .card-title')).toHaveText('五大道');
  await page.waitForFunction(() => !(window as any).renewalMap.getMap().isMoving());
  await waitIdle(page);
  const s = await page.evaluate(() => {
    const rm = (window as any).renewalMap;
    const sel = rm.getState().selection;
    return { sel, zoom: rm.getMap().getZoom(), state: rm.getMap().getFeatureState({ source: sel.layerId, id: sel.featureId }) };
  });
  expect(s.sel.layerId).toBe('historic-blocks');
  expect(s.sel.properties.name).toBe('五大道');
  expect(s.state.selected).toBe(true);
  expect(s.zoom).toBeGreaterThan(12);
  // English names are searched too, and arrow keys move through the results.
  await input.fill('wudadao');
  await expect(page.locator('.psearch-hit').first().locator('.psearch-name')).toHaveText('五大道');
  await input.fill('park');
  await expect(page.locator('.psearch-hit')).not.toHaveCount(0);
  await input.press('ArrowDown');
  await expect(page.locator('.psearch-hit').nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('a link with f= restores the filter in a fresh page; a bad f= value gives a notice', async ({ page, consoleErrors }) => {
  await openMap(page);
  const projects = await geojson<Point>(page, 'plan-projects.geojson');
  const total = projects.features.length;
  await openFilters(page);
  await page.locator('.fcat[data-field="renewal_type"] input[value="hub"]').check();
  await page.locator('.fpanel input.ftext').fill('站');
  const kept = indicesWhere(projects, (f) => f.properties.renewal_type === 'hub' && Object.values(f.properties).some((v) => typeof v === 'string' && v.includes('站')));
  expect(kept.length).toBeGreaterThan(0);
  await expect(countText(page)).toHaveText(`显示 ${kept.length} / 共 ${total}`);
  // The link is written (debounced) once it holds the whole filter.
  await page.waitForFunction(() => {
    const m = /[#&]f=([^&]*)/.exec(location.hash);
    if (!m) return false;
    const json = new TextDecoder().decode(Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    return json === JSON.stringify((window as any).renewalMap.getState().filters) && json.includes('text');
  });
  const link = page.url().replace(/^https?:\/\/[^/]+/, '');

  const fresh = await newTab(page, consoleErrors);
  await openMap(fresh, link);
  const filters = await fresh.evaluate(() => (window as any).renewalMap.getState().filters);
  expect(filters).toEqual({ 'plan-projects': { categories: { renewal_type: ['hub'] }, text: '站' } });
  expect(await drawnIds(fresh, 'plan-projects')).toEqual(kept);
  await expect(fresh.locator('.fbar [data-layer="plan-projects"] .fcount')).toHaveText(`显示 ${kept.length} / 共 ${total}`);
  await fresh.close();

  // Not base64 JSON at all, and a valid layer with one bad clause (the rest is kept).
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const bad = await newTab(page, consoleErrors);
  await openMap(bad, `/#v=1&f=%%%not-json`);
  await expect(bad.locator('.notice[data-code="url.f"]')).toHaveCount(1);
  expect(await bad.evaluate(() => (window as any).renewalMap.getState().filters)).toEqual({});
  await bad.close();
  const partly = await newTab(page, consoleErrors);
  await openMap(partly, `/#v=1&f=${enc({ 'plan-projects': { categories: { renewal_type: ['green'] }, ranges: { chapter: 'x' } } })}`);
  await expect(partly.locator('.notice[data-code="url.f"]')).toHaveCount(1);
  await expect(partly.locator('.notice[data-code="url.f"]')).toContainText('ranges.chapter');
  const green = indicesWhere(projects, (f) => f.properties.renewal_type === 'green');
  expect(await drawnIds(partly, 'plan-projects')).toEqual(green);
  await partly.close();
});
