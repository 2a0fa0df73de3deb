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
