import { describe, expect, it } from 'vitest';
import { mercatorX, mercatorY, pointPositions, singlePoint } from './mercatorPoints';

const pt = (x: number, y: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [x, y] } });

describe('mercator point positions', () => {
  it('maps the world edges and the equator as Web Mercator does', () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    // 85.0511° is the top of the Web Mercator square.
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 8);
    expect(mercatorY(-85.0511287798)).toBeCloseTo(1, 8);
  });

  it('stores offsets from the south-west corner, precise to centimetres in Tianjin', () => {
    const fs = [pt(117.2, 39.1), pt(117.20001, 39.10001), pt(117.5, 38.9)];
    const p = pointPositions(fs)!;
    expect(p.count).toBe(3);
    expect(p.origin[0]).toBeCloseTo(mercatorX(117.2), 15);
    expect(p.origin[1]).toBeCloseTo(mercatorY(39.10001), 15);
    // One Mercator unit is 40,075 km at the equator; × cos(39°) ≈ 31,150 km here.
    const metres = 40_075_016.7 * Math.cos((39.1 * Math.PI) / 180);
    for (let i = 0; i < fs.length; i++) {
      const [lng, lat] = fs[i].geometry.coordinates;
      expect(Math.abs(p.xy[2 * i] + p.origin[0] - mercatorX(lng)) * metres).toBeLessThan(0.01);
      expect(Math.abs(p.xy[2 * i + 1] + p.origin[1] - mercatorY(lat)) * metres).toBeLessThan(0.01);
    }
    expect(p.xy[0]).toBe(0);
  });

  it('takes features without geometry, and refuses a layer with lines or many-point features', () => {
    const p = pointPositions([pt(117, 39), { type: 'Feature', properties: {}, geometry: null }])!;
    expect(p.count).toBe(2);
    expect([p.xy[2], p.xy[3]]).toEqual([0, 0]);
    expect(pointPositions([pt(117, 39), { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[117, 39], [118, 39]] } }])).toBeNull();
    expect(pointPositions([{ type: 'Feature', properties: {}, geometry: null }])).toBeNull();
    expect(singlePoint({ type: 'MultiPoint', coordinates: [[1, 2]] })).toEqual([1, 2]);
    expect(singlePoint({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] })).toBeNull();
  });
});
