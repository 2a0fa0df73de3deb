// Shared browser-test fixtures: no network beyond the local server, no console errors,
// and helpers that wait on what the map has drawn.
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
      errors.push(`network request outside the test server: ${url.href}`);
      return route.abort();
    });
    await use(errors);
  },
});

export { expect };

/** Opens the app and waits until the map is idle with its catalog loaded. */
export async function openMap(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.waitForFunction(() => {
    const w = window as unknown as { renewalMap?: { getMap(): unknown; getState(): { catalog: unknown } } };
    return !!w.renewalMap?.getMap() && !!w.renewalMap.getState().catalog;
  });
  await waitIdle(page);
}

/** Resolves when MapLibre has finished loading and drawing. */
export async function waitIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as any).renewalMap.getMap();
        const done = () => (map.loaded() && map.areTilesLoaded() && !map.isMoving() ? resolve() : map.once('idle', () => resolve()));
        map.once('idle', () => resolve());
        map.triggerRepaint();
        setTimeout(done, 50);
      }),
  );
}

/** Number of rendered features of a catalog layer in the current view. */
export function renderedCount(page: Page, layerId: string): Promise<number> {
  return page.evaluate((id) => {
    const rm = (window as any).renewalMap;
    const map = rm.getMap();
    const ids = rm.layerIds(id).filter((x: string) => map.getLayer(x));
    return ids.length ? map.queryRenderedFeatures({ layers: ids }).length : 0;
  }, layerId);
}

export async function jumpTo(page: Page, lng: number, lat: number, zoom: number): Promise<void> {
  await page.evaluate(([x, y, z]) => (window as any).renewalMap.getMap().jumpTo({ center: [x, y], zoom: z }), [lng, lat, zoom]);
  await waitIdle(page);
}

/** '#rrggbb' → [r, g, b]. */
export const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * The colour the map has drawn at each [lon, lat] (or [lon, lat, dx]: dx CSS pixels east of it),
 * as [r, g, b]: the median of a (2r + 1)² square of device pixels; null where that falls outside
 * the view.
 */
export function drawnAt(page: Page, points: ([number, number] | [number, number, number])[], r = 0): Promise<(number[] | null)[]> {
  return page.evaluate(({ points, r }) => {
    const map = (window as any).renewalMap.getMap();
    const canvas = map.getCanvas() as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const ratio = canvas.width / canvas.clientWidth;
    const n = 2 * r + 1;
    return points.map(([lng, lat, dx = 0]) => {
      const p = map.project([lng, lat]);
      const x = Math.round((p.x + dx) * ratio) - r;
      const y = Math.round(p.y * ratio) - r;
      if (x < 0 || y < 0 || x + n > canvas.width || y + n > canvas.height) return null;
      const d = ctx.getImageData(x, y, n, n).data;
      return [0, 1, 2].map((k) => Array.from({ length: n * n }, (_, i) => d[i * 4 + k]).sort((a, b) => a - b)[(n * n) >> 1]);
    });
  }, { points, r });
}
