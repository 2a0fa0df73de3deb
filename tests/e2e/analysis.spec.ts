// Analysis tab (issue 3): coverage runs in the worker, draws covered/uncovered
// areas, fills the per-zone table, exports, cancels, recomputes, survives a
// reload through `an=`, network mode on a street grid loaded through the file input, plan targets.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { area, circle, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { validateGeoJSON } from '../../src/io/validate';
import { PLAN_TARGETS } from '../../src/analysis/targets';
import { expect, jumpTo, openMap, test, waitIdle } from './fixtures';

const SHOTS = 'tests/e2e/.artifacts/screens';
mkdirSync(SHOTS, { recursive: true });
const LAYERS = ['analysis:covered', 'analysis:uncovered'];

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

async function openAnalysis(page: Page, path = '/'): Promise<void> {
  await openMap(page, path);
  await page.locator('[data-panel="analysis"]').click();
  await expect(page.locator('[data-action="run"]')).toBeVisible();
}

async function runAndWait(page: Page): Promise<void> {
  await page.locator('[data-action="run"]').click();
  await expect(page.locator('.an-run[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await waitIdle(page);
}

function rendered(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((ids) => {
    const map = (window as any).renewalMap.getMap();
    const have = ids.filter((id: string) => map.getLayer(id));
    return have.length ? map.queryRenderedFeatures({ layers: have }).length : 0;
  }, layers);
}

interface Row { pct: number; pop: number; cov: number }
async function tableRows(page: Page): Promise<{ rows: Row[]; total: Row }> {
  const read = (sel: string) =>
    page.locator(sel).evaluateAll((trs) =>
      trs.map((tr) => ({
        pct: Number((tr as HTMLElement).dataset.coveredPct),
        pop: Number((tr as HTMLElement).dataset.population),
        cov: Number((tr as HTMLElement).dataset.coveredPopulation),
      })),
    );
  return { rows: await read('.an-table tbody tr'), total: (await read('.an-table tfoot tr'))[0] };
}

/** A street grid (LineStrings along rows and columns) around a centre, spacing in metres, as GeoJSON text. */
function gridGeoJSON(lng: number, lat: number, count: number, spacing: number): string {
  const dy = spacing / 111195;
  const dx = dy / Math.cos((lat * Math.PI) / 180);
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  const features: unknown[] = [];
  const half = (count - 1) / 2;
  const line = (a: number[], b: number[]) => features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [a, b] } });
  for (let i = 0; i < count; i++) {
    for (let j = 0; j + 1 < count; j++) {
      line([r6(lng + (j - half) * dx), r6(lat + (i - half) * dy)], [r6(lng + (j + 1 - half) * dx), r6(lat + (i - half) * dy)]);
      line([r6(lng + (i - half) * dx), r6(lat + (j - half) * dy)], [r6(lng + (i - half) * dx), r6(lat + (j + 1 - half) * dy)]);
    }
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Loads a street grid through the data panel's file input (worker parse, validation) and returns to the analysis tab. */
async function loadGrid(page: Page, lng: number, lat: number, count: number, spacing: number): Promise<string> {
  const before: string[] = await page.evaluate(() => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id));
  await page.locator('[data-panel="data"]').click();
  const name = `grid-${count}x${count}.geojson`;
  await page.locator('[data-testid=data-file-input]').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(gridGeoJSON(lng, lat, count, spacing)) });
  await expect(page.locator('.report').first()).toHaveAttribute('data-status', 'ok', { timeout: 60_000 });
  const added = await page.evaluate((b) => (window as any).renewalMap.getState().userLayers.map((l: any) => l.id).filter((id: string) => !b.includes(id)), before);
  expect(added).toHaveLength(1);
  await page.locator('[data-panel="analysis"]').click();
  await expect(page.locator(`select[name="network"] option[value="${added[0]}"]`)).toBeAttached();
  return added[0];
}

/**
 * Covered residents per district computed independently of the app: Turf discs of the walking
 * reach (15 min at 4 km/h = 1000 m, over the detour factor 1.3) around every shelter, unioned,
 * intersected with each district; residents weighted by the covered share of the area.
 */
function referenceCoverage(): Map<number, number> {
  const read = <T>(f: string) => JSON.parse(readFileSync(`public/geo/${f}`, 'utf8')) as T;
  const shelters = read<FeatureCollection<Point>>('shelters.geojson');
  const districts = read<FeatureCollection<Polygon | MultiPolygon>>('districts.geojson');
  const reachKm = (15 * 4000) / 60 / 1.3 / 1000;
  const discs = shelters.features.map((f) => circle(f.geometry.coordinates, reachKm, { steps: 128, units: 'kilometers' }));
  const covered = discs.length > 1 ? union(featureCollection(discs))! : discs[0];
  const out = new Map<number, number>();
  for (const d of districts.features) {
    const pop = d.properties!.population_2020 as number;
    const inside = intersect(featureCollection([d as Feature<Polygon | MultiPolygon>, covered]));
    out.set(pop, inside ? (pop * area(inside)) / area(d) : 0);
  }
  return out;
}

test('15-minute coverage of shelters over the districts: drawn, 16 rows, totals add up, exports', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openAnalysis(page);
  await expect(page.locator('[data-facility="shelters"]')).toBeChecked();
  await expect(page.locator('[data-minutes="15"]')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('select[name="area"]')).toHaveValue('districts');
  await runAndWait(page);

  expect(await rendered(page, ['analysis:covered'])).toBeGreaterThan(0);
  expect(await rendered(page, ['analysis:uncovered'])).toBeGreaterThan(0);
  // drawn beneath the point layers
  const order = await page.evaluate(() => (window as any).renewalMap.getMap().getStyle().layers.map((l: any) => l.id));
  expect(order.indexOf('analysis:covered')).toBeLessThan(order.indexOf('shelters:point'));

  const { rows, total } = await tableRows(page);
  expect(rows).toHaveLength(16);
  let pop = 0;
  let cov = 0;
  for (const r of rows) {
    expect(r.pop).toBeGreaterThan(0);
    expect(r.cov).toBeGreaterThanOrEqual(0);
    expect(r.cov).toBeLessThanOrEqual(r.pop * (1 + 1e-9));
    expect(r.pct).toBeGreaterThanOrEqual(0);
    expect(r.pct).toBeLessThanOrEqual(100);
    pop += r.pop;
    cov += r.cov;
  }
  // totals are over the union of the zones: the districts' shared borders overlap by slivers, counted once
  expect(total.pop).toBeLessThanOrEqual(pop * (1 + 1e-9));
  expect(total.pop).toBeGreaterThan(pop * 0.999);
  expect(total.cov).toBeLessThanOrEqual(cov * (1 + 1e-9));
  expect(total.cov).toBeGreaterThan(cov * 0.99);
  // against an independent computation: the census total (less the few residents of overlap slivers), and Turf discs per district
  expect(Math.abs(total.pop - 13866009) / 13866009).toBeLessThan(1e-5);
  const ref = referenceCoverage();
  let refTotal = 0;
  for (const r of rows) {
    // the district with this many residents (each of the 16 has a different census figure)
    const key = [...ref.keys()].find((p) => Math.abs(p - r.pop) / p < 1e-4);
    const want = key === undefined ? undefined : ref.get(key);
    expect(want, `a district of ${r.pop} residents`).toBeDefined();
    // the app counts grid cells of radius/25 (31 m here): within 1% of the district's residents
    expect(Math.abs(r.cov - want!), `district of ${r.pop}: app ${r.cov}, Turf ${want}`).toBeLessThanOrEqual(0.01 * r.pop);
    refTotal += want!;
  }
  expect(refTotal).toBeGreaterThan(0);
  expect(Math.abs(total.cov - refTotal) / refTotal).toBeLessThan(0.02);
  // the resolution and error bound are stated: cells of radius/25 for the 769 m reach
  const note = page.locator('[data-resolution]');
  await expect(note).toContainText('EPSG:4548');
  expect(Number(await note.getAttribute('data-resolution'))).toBeLessThanOrEqual(769 / 20);
  expect(Number(await note.getAttribute('data-error-m2'))).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/analysis-coverage.png` });

  // sortable: by covered share, descending first
  await page.locator('[data-sort="coveredPct"]').click();
  const sorted = (await tableRows(page)).rows.map((r) => r.pct);
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  // CSV: BOM, header + 16 rows
  const csvDl = page.waitForEvent('download');
  await page.locator('[data-export="csv"]').click();
  const csv = readFileSync((await (await csvDl).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(17);
  expect(lines[0].split(',')).toHaveLength(11);

  // GeoJSON: valid, with covered and uncovered features and a metadata member
  const geoDl = page.waitForEvent('download');
  await page.locator('[data-export="geojson"]').click();
  const geo = JSON.parse(readFileSync((await (await geoDl).path())!, 'utf8'));
  const v = validateGeoJSON(geo);
  expect(v.errors).toEqual([]);
  const statuses = new Set(geo.features.map((f: any) => f.properties.status));
  expect([...statuses].sort()).toEqual(['covered', 'uncovered']);
  expect(geo.metadata.source).toContain('15-minute');
  expect(geo.metadata.url).toContain('an=');
});

test('changing minutes 15 → 5 recomputes and the covered area shrinks; settings survive a reload', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openAnalysis(page);
  await runAndWait(page);
  const before = (await tableRows(page)).total.pct;
  await page.locator('[data-minutes="5"]').click();
  await expect.poll(async () => (await tableRows(page)).total.pct, { timeout: 30_000 }).toBeLessThan(before);
  await expect(page.locator('.an-run[data-status="done"]')).toBeVisible();
  await expect(page.locator('.an-run-desc')).toContainText('5');

  await page.locator('input[name="speed"]').fill('4.5');
  await page.locator('select[name="area"]').selectOption('central-city');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('an=');
  await expect.poll(() => page.evaluate(() => (window as any).renewalMap.getState().analysis?.area)).toBe('central-city');
  // the hash is written shortly after the last change: wait until it holds these settings
  await expect
    .poll(() => page.evaluate(() => {
      const m = /[#&]an=([^&]*)/.exec(location.hash);
      return m ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(m[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) : null;
    }))
    .toMatchObject({ minutes: 5, speed: 4.5, area: 'central-city' });
  await page.reload();
  await page.waitForFunction(() => !!(window as any).renewalMap?.getState().catalog);
  await page.locator('[data-panel="analysis"]').click();
  await expect(page.locator('[data-minutes="5"]')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('input[name="speed"]')).toHaveValue('4.5');
  await expect(page.locator('select[name="area"]')).toHaveValue('central-city');
});

test('bad analysis settings in the link are dropped with a notice', async ({ page, consoleErrors }) => {
  void consoleErrors;
  const an = Buffer.from(JSON.stringify({ minutes: 7, speed: 4.2, area: 'central-city' })).toString('base64url');
  await openAnalysis(page, `/#an=${an}`);
  await expect(page.locator('[data-minutes="15"]')).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('input[name="speed"]')).toHaveValue('4.2');
  await expect(page.getByText(/minutes|分析设置无效/).first()).toBeVisible();
});

test('a running analysis can be cancelled: status cancelled, nothing drawn', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(180_000);
  await openAnalysis(page);
  // a dense grid over the central city (≈ 115,000 edges, noded and snapped in the worker) at 10 m cells
  // makes network mode slow enough to cancel
  const id = await loadGrid(page, 117.2, 39.12, 240, 40);
  await page.locator('select[name="network"]').selectOption(id);
  await page.locator('[data-facility="plan-projects"]').check();
  await page.locator('details.an-more > summary').click();
  await page.locator('select[name="cell"]').selectOption('10');
  // Cancel as soon as the Cancel button appears (the DOM change that starts the run), so the
  // run cannot have finished first however fast the machine is.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const found = () => document.querySelector<HTMLButtonElement>('[data-action="cancel"]');
        const obs = new MutationObserver(() => {
          const b = found();
          if (!b) return;
          obs.disconnect();
          b.click();
          resolve();
        });
        obs.observe(document.body, { childList: true, subtree: true });
        document.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
      }),
  );
  await expect(page.locator('.an-run[data-status="cancelled"]')).toBeVisible();
  await expect(page.locator('.an-cancelled')).toBeVisible();
  await waitIdle(page);
  expect(await rendered(page, [...LAYERS, 'analysis:edges'])).toBe(0);
  expect(await page.locator('.an-results').count()).toBe(0);
  // a later run still works (the worker dropped the cancelled one)
  await page.locator('select[name="network"]').selectOption('');
  await page.locator('[data-facility="plan-projects"]').uncheck();
  await runAndWait(page);
  expect(await rendered(page, LAYERS)).toBeGreaterThan(0);
});

test('network mode on a small street grid: reached streets drawn, coverage within the district', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(120_000);
  await openAnalysis(page);
  // 41 × 41 grid at 150 m (6 km square, 3,280 edges) around the Water Park shelter in Nankai
  const id = await loadGrid(page, 117.165, 39.09, 41, 150);
  await page.locator('select[name="network"]').selectOption(id);
  await page.locator('select[name="areaFeature"]').selectOption('南开区');
  await runAndWait(page);
  const { rows } = await tableRows(page);
  expect(rows).toHaveLength(1);
  expect(rows[0].pct).toBeGreaterThan(0);
  expect(rows[0].cov).toBeLessThanOrEqual(rows[0].pop);
  await jumpTo(page, 117.165, 39.09, 13);
  expect(await rendered(page, ['analysis:edges'])).toBeGreaterThan(0);
  expect(await rendered(page, ['analysis:covered'])).toBeGreaterThan(0);
  await expect(page.locator('.an-results')).toContainText(/网络|network/i);
  await page.screenshot({ path: `${SHOTS}/analysis-network.png` });
});

test('the targets panel lists the computable targets with citations and honest statuses', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openAnalysis(page);
  await runAndWait(page); // shelters → answers the shelter-coverage target
  await page.locator('[data-subtab="targets"]').click();
  const items = page.locator('li[data-target]');
  await expect(items).toHaveCount(PLAN_TARGETS.length);
  expect((await items.evaluateAll((li) => li.map((x) => x.getAttribute('data-target')))).sort()).toEqual(PLAN_TARGETS.map((t) => t.id).sort());
  for (const t of PLAN_TARGETS) {
    const cite = page.locator(`li[data-target="${t.id}"] .an-cite`);
    await expect(cite).toContainText(t.plan_ref.split(';')[0].trim());
    await expect(cite).toContainText('第');
  }
  const blocks = page.locator('li[data-target="historic_blocks"]');
  await expect(blocks).toHaveAttribute('data-status', 'met');
  await expect(blocks.locator('dd').first()).toHaveText(/^14/);
  const shelter = page.locator('li[data-target="shelter_per_capita"]');
  await expect(shelter).toHaveAttribute('data-status', 'incomplete');
  await expect(shelter.locator('dd').first()).toHaveText('—');
  await expect(shelter).toContainText('长虹生态园');
  await expect(page.locator('li[data-target="shelter_coverage"]')).not.toHaveAttribute('data-status', 'needs_data');
  const medical = page.locator('li[data-target="medical_15min"]');
  await expect(medical).toHaveAttribute('data-status', 'needs_data');
  await expect(medical).toContainText(/医疗卫生机构/);
  await page.screenshot({ path: `${SHOTS}/analysis-targets.png` });
});
