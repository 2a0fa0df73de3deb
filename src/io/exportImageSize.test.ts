import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imagePlan, paperPixels, pngDpi, withPngDpi } from './exportImageSize';

/** A 1×1 grey PNG built by hand (signature, IHDR, IDAT, IEND). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    Buffer.from(data).copy(b, 8);
    return b; // CRC left 0: the parser here does not check it
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 128]));
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array())]));
}

describe('image sizes', () => {
  it('gives A4 and A3 landscape at 300 dpi', () => {
    expect(paperPixels('a4')).toEqual({ w: 3508, h: 2480 });
    expect(paperPixels('a3')).toEqual({ w: 4961, h: 3508 });
  });

  it('lays a paper image out on a √2 page and scales it to the exact pixels', () => {
    const p = imagePlan('a4', 1);
    expect(p.out).toEqual({ w: 3508, h: 2480 });
    expect(Math.round(p.pageCss!.w * p.ratio)).toBe(3508);
    expect(Math.round(p.pageCss!.h * p.ratio)).toBeCloseTo(2480, -1);
    expect(imagePlan('2x', 1.5).ratio).toBe(3);
    expect(imagePlan('screen', 1)).toMatchObject({ ratio: 1, out: null, pageCss: null });
  });

  it('writes the resolution into the PNG, replacing any earlier one', () => {
    const png = tinyPng();
    expect(pngDpi(png)).toBeNull();
    const at300 = withPngDpi(png, 300);
    expect(pngDpi(at300)).toBe(300);
    expect(at300.length).toBe(png.length + 21);
    expect(pngDpi(withPngDpi(at300, 150))).toBe(150);
    expect(withPngDpi(at300, 150).length).toBe(at300.length);
    expect(() => withPngDpi(new Uint8Array(40), 300)).toThrow(/PNG/);
  });
});
