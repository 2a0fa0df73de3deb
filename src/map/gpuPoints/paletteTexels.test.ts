import { describe, expect, it } from 'vitest';
import { CLASS_MISSING, CLASS_OTHER, classPalette } from '../../lib/thematic/featureClasses';
import { PALETTE_WIDTH, paletteTexels } from './paletteTexels';

const texel = (px: Uint8Array, x: number, row = 0) => Array.from(px.slice((row * PALETTE_WIDTH + x) * 4, (row * PALETTE_WIDTH + x + 1) * 4));

describe('the palette texture of GPU points', () => {
  it('holds each class colour, opaque, with other and missing in their slots', () => {
    const px = paletteTexels(classPalette({ type: 'categories', values: ['a', 'b'], colors: ['#1b9e77', '#d95f02'], hasOther: true, otherColor: '#999999' }));
    expect(px.length).toBe(PALETTE_WIDTH * 2 * 4);
    expect(texel(px, 0)).toEqual([0x1b, 0x9e, 0x77, 255]);
    expect(texel(px, 1)).toEqual([0xd9, 0x5f, 0x02, 255]);
    expect(texel(px, CLASS_OTHER)).toEqual([0x99, 0x99, 0x99, 255]);
    expect(texel(px, CLASS_MISSING)).toEqual([0xbd, 0xbd, 0xbd, 255]);
    expect(texel(px, 0, 1)).toEqual([0, 0, 0, 0]);
  });

  it('stores radii × 4 in row 1 (quarter-pixel steps, up to 63.75 px)', () => {
    const px = paletteTexels(classPalette({ type: 'numeric', breaks: [0, 1, 2, 3], colors: ['#111111', '#222222', '#333333'], radii: [4, 11.1, 80] }, 3));
    expect([texel(px, 0, 1)[0], texel(px, 1, 1)[0], texel(px, 2, 1)[0]]).toEqual([16, 44, 255]);
    expect(texel(px, CLASS_MISSING, 1)[0]).toBe(12);
  });
});
