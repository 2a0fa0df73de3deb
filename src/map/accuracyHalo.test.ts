import { describe, expect, it } from 'vitest';
import { accuracyHaloLayer, haloFilter, haloRadiusPx, HALO_MIN_M, metresPerPixel } from './accuracyHalo';
import { buildLayerSpecs } from './style';

describe('accuracy halo', () => {
  it('sizes the circle to the accuracy in metres at each zoom', () => {
    // 1 km at zoom 14 near 39°N: 40075 km · cos 39.1° / (512 · 2^14) ≈ 3.71 m/px → ≈ 270 px
    expect(metresPerPixel(14)).toBeCloseTo(3.707, 2);
    expect(haloRadiusPx(1000, 14)).toBeCloseTo(269.8, 0);
    expect(haloRadiusPx(1000, 15)).toBeCloseTo(2 * haloRadiusPx(1000, 14), 6);
  });

  it('draws only features less accurate than the threshold, inside the user filter', () => {
    expect(haloFilter()).toEqual(['>', ['to-number', ['get', 'accuracy_m'], 0], HALO_MIN_M]);
    const user = ['==', ['get', 'district'], '和平区'] as never;
    expect(haloFilter(user)).toEqual(['all', user, haloFilter()]);
    const l = accuracyHaloLayer('p', 'p', '#f00', 'visible', 1);
    expect(l.minzoom).toBe(12);
    const r = (l.paint as Record<string, unknown>)['circle-radius'] as unknown[];
    expect(r[0]).toBe('interpolate');
    expect((r[4] as unknown[])[2]).toBeCloseTo(metresPerPixel(12), 6);
  });

  it('is drawn under the dots of every point layer, and only of point layers', () => {
    const pts = buildLayerSpecs({ id: 'p', geometry: 'point', style: { color: '#123456' } }, { visible: true, opacity: 1, lang: 'zh' });
    const ids = pts.map((s) => s.id);
    expect(ids).toContain('p:halo');
    expect(ids.indexOf('p:halo')).toBeLessThan(ids.indexOf('p:point'));
    const poly = buildLayerSpecs({ id: 'b', geometry: 'polygon', style: { color: '#123456', radius: 5 }, pointsFile: 'b.points.geojson' }, { visible: true, opacity: 1, lang: 'zh' });
    expect(poly.map((s) => s.id)).not.toContain('b:halo');
  });
});
