import { describe, expect, it } from 'vitest';
import { ACCURACY_RADIUS_PX, flyZoom, maxZoomForAccuracy, metresPerPixel } from './accuracyZoom';

describe('zoom supported by accuracy', () => {
  it('puts the accuracy radius at the set number of pixels', () => {
    for (const a of [150, 300, 1500, 2000]) {
      const z = maxZoomForAccuracy(a);
      expect(a / metresPerPixel(z)).toBeCloseTo(ACCURACY_RADIUS_PX, 6);
    }
  });

  it('never flies a ±1.5–2 km point to street zoom; leaves precise points at 14', () => {
    expect(flyZoom(10, 14, 1500)).toBeLessThan(12.5);
    expect(flyZoom(10, 14, 2000)).toBeLessThan(flyZoom(10, 14, 1500));
    expect(flyZoom(10, 14, 100)).toBe(14);
    expect(flyZoom(15, 14, 100)).toBe(15);
    expect(flyZoom(16, 14, 1500)).toBeLessThan(12.5);
    expect(flyZoom(10, 14, undefined)).toBe(14);
    expect(flyZoom(10, 14, '300')).toBeCloseTo(Math.min(14, maxZoomForAccuracy(300)), 6);
  });
});
