// Thematic styles and the health check, as drawn: class colours read back from the canvas,
// legend counts against the filter, the style surviving a reload, the 体检 panel.
import type { Page } from '@playwright/test';
import { drawnAt, expect, openMap, rgb, test, waitIdle } from './fixtures';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
// ColorBrewer Blues, 3 classes (the published values).
const BLUES3 = ['#deebf7', '#9ecae1', '#3182bd'];
const style = { v: 1, kind: 'graduated', field: 'population_2020', method: 'equal', classes: 3, ramp: 'Blues' };

/** For each named district: the class (index into `colors`) nearest to most pixels sampled inside it. */
async function drawnClasses(page: Page, names: string[], colors: string[]): Promise<Record<string, number>> {
  // An 11 × 11 grid over each district's box, kept where it falls inside the district.
  const samples: Record<string, [number, number][]> = await page.evaluate(async (names) => {
    const fc = await (await fetch('geo/districts.geojson')).json();
    const inRing = (x: number, y: number, ring: number[][]) => {
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    const out: Record<string, [number, number][]> = {};
    for (const name of names) {
      const f = fc.features.find((x: any) => x.properties.name === name);
      const polys: number[][][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const xs = polys.flat(2).map((p) => p[0]);
      const ys = polys.flat(2).map((p) => p[1]);
      out[name] = [];
      for (let i = 1; i < 12; i++) {
        for (let j = 1; j < 12; j++) {
          const lon = Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 12;
          const lat = Math.min(...ys) + ((Math.max(...ys) - Math.min(...ys)) * j) / 12;
          if (polys.some((p) => inRing(lon, lat, p[0]) && !p.slice(1).some((h) => inRing(lon, lat, h)))) out[name].push([lon, lat]);
        }
      }
    }
    return out;
  }, names);
  const targets = colors.map(rgb);
  const out: Record<string, number> = {};
  for (const name of names) {
    const votes = colors.map(() => 0);
    for (const d of await drawnAt(page, samples[name])) {
      if (!d) continue; // outside the view
      // The fill is drawn at 75 % over the basemap: judge by the nearest class colour.
      const dist = targets.map((t) => (d[0] - t[0]) ** 2 + (d[1] - t[1]) ** 2 + (d[2] - t[2]) ** 2);
      votes[dist.indexOf(Math.min(...dist))]++;
    }
    out[name] = votes.indexOf(Math.max(...votes));
  }
  return out;
}

test('graduated colours are drawn in the class colour of each district’s value', async ({ page, consoleErrors }) => {
  await openMap(page, `/#map=7.85/39.4/117.42&layers=districts&v=1&th=${b64({ districts: style })}`);
  const legend = page.locator('[data-th-legend=districts] li');
  await expect(legend).toHaveCount(3);
  expect(await legend.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.color))).toEqual(BLUES3);
  await waitIdle(page);
  // Equal intervals over 355,000 … 2,067,318: bounds 925,773 and 1,496,545 (worked by hand).
  const got = await drawnClasses(page, ['宁河区', '蓟州区', '武清区', '滨海新区'], BLUES3);
  expect(got).toEqual({ 宁河区: 0, 蓟州区: 0, 武清区: 1, 滨海新区: 2 });
  // Reversing the ramp in the panel swaps what is drawn.
  await page.click('[data-panel=thematic]');
  await page.selectOption('select[name=th-layer]', 'districts');
  await page.check('input[name=th-reverse]');
  await expect(page.locator('[data-thematic-panel] [data-th-legend=districts] li').first()).toHaveAttribute('data-color', BLUES3[2]);
  await waitIdle(page);
  expect(await drawnClasses(page, ['宁河区', '滨海新区'], BLUES3)).toEqual({ 宁河区: 2, 滨海新区: 0 });
  expect(consoleErrors).toEqual([]);
});

test('legend counts follow the filter and add up to the features kept', async ({ page, consoleErrors }) => {
  await openMap(page, `/#map=7.85/39.4/117.42&layers=districts&v=1&th=${b64({ districts: style })}`);
  await expect(page.locator('[data-th-legend=districts] li')).toHaveCount(3);
  const sum = () => page.locator('[data-th-legend=districts] li').evaluateAll((els) => els.reduce((s, e) => s + Number((e as HTMLElement).dataset.count), 0));
  expect(await sum()).toBe(16);
  await page.evaluate(() => (window as any).renewalMap.setFilter('districts', { categories: { plan_zone: ['central_six', 'outer_five'] } }));
  await expect.poll(sum).toBe(11);
  await expect(page.locator('[data-th-legend=districts] .th-legend-head')).toContainText('11');
  expect(consoleErrors).toEqual([]);
});

test('a style chosen in the panel is in the link and survives a reload', async ({ page, consoleErrors }) => {
  await openMap(page, '/#map=7.85/39.4/117.42&layers=districts&v=1');
  await page.click('[data-panel=thematic]');
  await page.selectOption('select[name=th-layer]', 'districts');
  await page.selectOption('select[name=th-kind]', 'categories');
  await page.selectOption('select[name=th-field]', 'plan_zone');
  const items = page.locator('[data-thematic-panel] [data-th-legend=districts] li');
  await expect(items).toHaveCount(4);
  // The hash is written after a debounce: wait until it holds the final style (not the first field picked).
  const linkStyle = () => page.evaluate(() => {
    const m = /[#&]th=([^&]+)/.exec(location.hash);
    if (!m) return null;
    const b = m[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b + '='.repeat((4 - (b.length % 4)) % 4)), (c) => c.charCodeAt(0)))).districts?.field ?? null;
  });
  await expect.poll(linkStyle).toBe('plan_zone');
  const hash = await page.evaluate(() => location.hash);
  await page.reload();
  await page.waitForFunction(() => !!(window as any).renewalMap?.getMap() && !!(window as any).renewalMap.getState().catalog, null, { timeout: 45_000 });
  await page.click('[data-panel=layers]');
  // The legend appears once the layer's data is in (slow on a loaded machine).
  await expect(page.locator('[data-th-legend=districts] li')).toHaveCount(4, { timeout: 45_000 });
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  const st = await page.evaluate(() => (window as any).renewalMap.getState().thematic.districts);
  expect(st).toMatchObject({ v: 1, kind: 'categories', field: 'plan_zone' });
  expect(consoleErrors).toEqual([]);
});

test('a bad th= value gives a notice and styles nothing', async ({ page, consoleErrors }) => {
  await openMap(page, `/#layers=districts&v=1&th=${b64({ districts: { v: 9, kind: 'graduated', field: 'x' } })}`);
  await expect(page.locator('.notices, [role=status], [role=alert]').filter({ hasText: '专题样式' }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).renewalMap.getState().thematic)).toEqual({});
  expect(consoleErrors).toEqual([]);
});

test('the health check table, missing data in words, and one click to a map', async ({ page, consoleErrors }) => {
  await openMap(page, '/#layers=districts&v=1');
  await page.click('[data-panel=health]');
  const rows = page.locator('[data-hc-table] tbody tr');
  await expect(rows).toHaveCount(16);
  await page.selectOption('select[name=hc-indicator]', 'shelter_per_capita');
  await expect(page.locator('[data-hc-table] tr[data-unit=和平区] td').nth(1)).toContainText('无数据');
  await expect(page.locator('.hc-meta [data-target]')).toContainText('1.5');
  await page.selectOption('select[name=hc-indicator]', 'population');
  await page.click('button[name=hc-sort-value]');
  await expect(rows.first()).toHaveAttribute('data-unit', '滨海新区');
  await page.click('button[name=hc-map]');
  const id = await page.evaluate(() => Object.keys((window as any).renewalMap.getState().thematic).find((k) => k.startsWith('u-health-')));
  expect(id).toBeTruthy();
  await page.click('[data-panel=layers]');
  await expect(page.locator(`[data-th-legend="${id}"] li`)).toHaveCount(5);
  const [download] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.click('[data-panel=health]');
    await page.click('button[name=hc-csv]');
  })()]);
  const text = (await (await download.createReadStream()).toArray()).join('');
  expect(text).toContain('和平区');
  expect(text).toContain('第七次全国人口普查');
  expect(consoleErrors).toEqual([]);
});
