// The feature table at 100,000 rows: a file of 100,000 points loaded through the real file input
// (worker parse, validation), then the table keeps only the rows in view in the page, and
// scrolling shows the right rows from the middle and the end.
import type { Page } from '@playwright/test';
import { expect, openMap, test } from './fixtures';

const N = 100_000;
const ROW_HEIGHT = 26; // src/ui/filters/FeatureTable.tsx

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

function points(n: number): Buffer {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    properties: { name: `P${i}`, n: i },
    geometry: { type: 'Point', coordinates: [Math.round((117.0 + (i % 400) * 0.001) * 1e6) / 1e6, Math.round((39.0 + Math.floor(i / 400) * 0.001) * 1e6) / 1e6] },
  }));
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** The table's rows in the page: how many, and the `n` of the first and last. */
async function domRows(page: Page) {
  const ns = await page.locator('section.ftable .ftable-spacer [role="row"]').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.index)));
  return { count: ns.length, first: Math.min(...ns), last: Math.max(...ns) };
}

test('the table of a 100,000-feature layer keeps only the rows in view in the page', async ({ page, consoleErrors }) => {
  void consoleErrors;
  test.setTimeout(180_000);
  await openMap(page);
  await page.locator('[data-panel=data]').click();
  await page.locator('[data-testid=data-file-input]').setInputFiles({ name: 'points-100k.geojson', mimeType: 'application/geo+json', buffer: points(N) });
  await expect(page.locator('.report').first()).toHaveAttribute('data-status', 'ok', { timeout: 120_000 });
  const id: string = await page.evaluate(() => (window as any).renewalMap.getState().userLayers[0].id);

  await page.locator('[data-panel="filters"]').click();
  await page.locator('.fpanel select.flayer').selectOption(id);
  await page.locator('[data-action="table"]').click();
  const table = page.locator(`section.ftable[data-layer="${id}"]`);
  await expect(table.locator('.ftable-count')).toHaveAttribute('data-rows', String(N), { timeout: 60_000 });

  const body = table.locator('.ftable-body');
  const view = await body.evaluate((el) => el.clientHeight);
  // the rows that fit, plus the overscan above and below (8 each), and no more
  const bound = Math.ceil(view / ROW_HEIGHT) + 2 * 8 + 1;
  const top = await domRows(page);
  expect(top.count).toBeGreaterThan(0);
  expect(top.count).toBeLessThanOrEqual(bound);
  expect(top.first).toBe(0);
  expect(await table.locator('.ftable-spacer').evaluate((el) => el.getBoundingClientRect().height)).toBe(N * ROW_HEIGHT);

  // The middle: row 50,000 is in the page, its neighbours only.
  // (scrolled again until the row shows: the table may still re-render once as the layer settles)
  await expect(async () => {
    await body.evaluate((el, y) => (el.scrollTop = y), 50_000 * ROW_HEIGHT);
    await expect(table.locator('[role="row"][data-index="50000"]')).toContainText('P50000', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const mid = await domRows(page);
  expect(mid.count).toBeLessThanOrEqual(bound);
  expect(mid.first).toBeGreaterThan(50_000 - bound);
  expect(mid.last).toBeLessThan(50_000 + bound);

  // The end: the last feature is the last row.
  await expect(async () => {
    await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(table.locator(`[role="row"][data-index="${N - 1}"]`)).toContainText(`P${N - 1}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const end = await domRows(page);
  expect(end.count).toBeLessThanOrEqual(bound);
  expect(end.last).toBe(N - 1);
});
