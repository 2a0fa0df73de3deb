// A class palette as the 256 × 2 RGBA texture the GPU point shader reads: row 0 the colour of
// each class byte, row 1 its circle radius × 4 in red (0 … 63.75 px; the shader divides by 4). Pure.
import { rgbOf } from '../../lib/colour';
import { MISSING_COLOR } from '../../lib/thematic/ramps';
import type { ClassPalette } from '../../lib/thematic/featureClasses';

export const PALETTE_WIDTH = 256;

export function paletteTexels(pal: ClassPalette): Uint8Array {
  const px = new Uint8Array(PALETTE_WIDTH * 2 * 4);
  const missing = rgbOf(MISSING_COLOR)!;
  pal.colors.forEach((c, i) => px.set([...(rgbOf(c) ?? missing), 255], i * 4));
  pal.radii?.forEach((r, i) => (px[(PALETTE_WIDTH + i) * 4] = Math.max(0, Math.min(255, Math.round(r * 4)))));
  return px;
}
