// Issue 13: briefing exports. PNG sizes (300 dpi A4/A3), the legend following the
// filter and the coverage classes, the caption, the print view's paper and 1:N, and
// filter text in words with labels, not codes.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { encodeJsonParam } from '../../src/state/url';
import { pngDpi } from '../../src/io/exportImageSize';
import { expect, openMap, test, waitIdle } from './fixtures';

test.afterEach(async ({ consoleErrors }) => {
  expect(consoleErrors, 'console errors or outside requests').toEqual([]);
});

const GREEN = { 'plan-projects': { categories: { renewal_type: ['green'] } } };
const VIEW = '#map=10.5/39.12/117.25&layers=districts,plan-projects,rivers&v=1';

async function openExport(page: Page) {
  await page.locator('[data-tool="export"]').click();
  await expect(page.locator('.export-menu')).toBeVisible();
}

async function download(page: Page, which: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${which}"]`).click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

const pngSize = (b: Buffer) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

test('PNG at 300 dpi A4 landscape is 3508 × 2480 px and says 300 dpi', async ({ page }) => {
  test.setTimeout(180_000); // three images, one of 8.7 megapixels drawn by the software renderer
  await openMap(page, '/' + VIEW);
  const before = await page.evaluate(() => {
    const m = (window as any).renewalMap.getMap();
    return { w: m.getCanvas().clientWidth, h: m.getCanvas().clientHeight, ratio: m.getPixelRatio() };
  });
  await openExport(page);
  await page.getByTestId('export-size').selectOption('a4');
  const png = await download(page, 'png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(pngSize(png.bytes)).toEqual({ w: 3508, h: 2480 });
  expect(pngDpi(new Uint8Array(png.bytes))).toBe(300);
  // The live map is back to its own size and pixel ratio.
  await waitIdle(page);
  const after = await page.evaluate(() => {
    const m = (window as any).renewalMap.getMap();
    return { w: m.getCanvas().clientWidth, h: m.getCanvas().clientHeight, ratio: m.getPixelRatio() };
  });
  expect(after).toEqual(before);
  // 2× screen doubles the screen image.
  await page.getByTestId('export-size').selectOption('screen');
  const one = pngSize((await download(page, 'png')).bytes);
  await page.getByTestId('export-size').selectOption('2x');
  const two = pngSize((await download(page, 'png')).bytes);
  expect(two.w).toBe(2 * one.w);
  expect(Math.abs(two.h - 2 * one.h)).toBeLessThanOrEqual(2);
});

test('the PNG legend follows the filter and the caption says the filter in words', async ({ page }) => {
  await openMap(page, `/${VIEW}&f=${encodeJsonParam(GREEN)}`);
  await openExport(page);
  await download(page, 'png');
  const legend: string[] = JSON.parse((await page.locator('.export-menu').getAttribute('data-legend')) ?? '[]');
  expect(legend).toContain('蓝绿空间');
  for (const other of ['科技创新', '商圈提升', '文旅融合', '居住改善']) expect(legend).not.toContain(other);
  const caption: string[] = JSON.parse((await page.locator('.export-menu').getAttribute('data-caption')) ?? '[]');
  expect(caption.join('')).toContain('更新类型：蓝绿空间');
  expect(caption.join('')).not.toContain('green');
});

test('after a coverage run the PNG legend has the coverage classes and the caption the parameters and result', async ({ page }) => {
  await openMap(page, '/' + VIEW);
  await page.locator('[data-panel="analysis"]').click();
  await page.locator('[data-action="run"]').click();
  await expect(page.locator('.an-run[data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await waitIdle(page);
  await openExport(page);
  await download(page, 'png');
  const legend: string[] = JSON.parse((await page.locator('.export-menu').getAttribute('data-legend')) ?? '[]');
  expect(legend).toEqual(expect.arrayContaining(['覆盖分析', '覆盖范围', '未覆盖']));
  const caption = JSON.parse((await page.locator('.export-menu').getAttribute('data-caption')) ?? '[]').join('');
  expect(caption).toMatch(/覆盖分析：.*15 分钟/);
  expect(caption).toMatch(/结果：覆盖面积 [\d.]+%/);
  expect(caption).toContain('数据不全');
});

test('the print view: A3 page, a 1:N scale, no invented title', async ({ page }) => {
  await openMap(page, '/#map=10/39.12/117.25&layers=districts,plan-projects&v=1');
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await openExport(page);
  await page.getByTestId('export-paper').selectOption('a3');
  await page.locator('[data-export="print"]').click();
  const view = page.locator('.print-view');
  await expect(view).toBeVisible();
  await expect(view).toHaveAttribute('data-paper', 'a3');
  expect(await view.locator('style').textContent()).toContain('A3 landscape');
  const n = Number(await view.getAttribute('data-scale'));
  // The printed map's 1:N agrees with the ground width over the figure's printed width.
  const check = await page.evaluate(() => {
    const fig = document.querySelector('.print-map') as HTMLElement;
    const mmPerPx = 25.4 / 96;
    const map = (window as any).renewalMap.getMap();
    const c = map.getCanvas();
    const a = map.unproject([0, c.clientHeight / 2]);
    const b = map.unproject([c.clientWidth, c.clientHeight / 2]);
    return { ground: a.distanceTo(b), printedMm: fig.getBoundingClientRect().width * mmPerPx };
  });
  expect(n / (check.ground / (check.printedMm / 1000))).toBeCloseTo(1, 1);
  await expect(view.locator('.print-ratio')).toHaveText(`比例尺 1:${n.toLocaleString('en')}`);
  await expect(view.locator('h1')).toHaveCount(0);
  await expect(view).not.toContainText('地图成果');
});

test('exported filter text names category values by their labels', async ({ page }) => {
  const f = { 'plan-projects': { categories: { renewal_type: ['culture_tourism'] } } };
  await openMap(page, `/#map=9/39.2/117.3&layers=districts,plan-projects&v=1&f=${encodeJsonParam(f)}`);
  await openExport(page);
  await page.getByTestId('export-layer').selectOption('plan-projects');
  const geo = JSON.parse((await download(page, 'geojson')).bytes.toString('utf8'));
  expect(geo.metadata.filters.description.zh).toContain('文旅融合');
  expect(geo.metadata.filters.description.zh).not.toContain('culture_tourism');
  expect(geo.metadata.filters.description.en).toContain('Culture and tourism');
});
