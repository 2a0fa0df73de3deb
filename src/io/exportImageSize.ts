// Briefing image sizes and the PNG's resolution: screen, 2× screen, or a landscape
// A4/A3 page at 300 dpi. Pure: numbers and bytes only.

export type ImageSize = 'screen' | '2x' | 'a4' | 'a3';
export const IMAGE_SIZES: readonly ImageSize[] = ['screen', '2x', 'a4', 'a3'];

/** Landscape paper, millimetres. */
export const PAPER_MM: Readonly<Record<'a4' | 'a3', [number, number]>> = { a4: [297, 210], a3: [420, 297] };
export const PRINT_DPI = 300;
/** A paper image is laid out on a page this many CSS pixels wide (A4 at 96 dpi), then scaled. */
export const PAGE_CSS_W = 1123;

const MM_PER_INCH = 25.4;

/** Pixel size of a landscape sheet at `dpi` (A4 at 300 dpi: 3508 × 2480). */
export function paperPixels(paper: 'a4' | 'a3', dpi = PRINT_DPI): { w: number; h: number } {
  const [w, h] = PAPER_MM[paper];
  return { w: Math.round((w / MM_PER_INCH) * dpi), h: Math.round((h / MM_PER_INCH) * dpi) };
}

export interface ImagePlan {
  /** The page in CSS pixels (everything is laid out in these). */
  pageCss: { w: number; h: number } | null;
  /** Output pixels per CSS pixel. */
  ratio: number;
  /** Exact output size in pixels, when fixed by paper. */
  out: { w: number; h: number } | null;
  dpi: number | null;
}

/** How to draw an image of this size; `screenRatio` is the device pixel ratio of the live map. */
export function imagePlan(size: ImageSize, screenRatio: number): ImagePlan {
  if (size === 'screen') return { pageCss: null, ratio: screenRatio, out: null, dpi: null };
  if (size === '2x') return { pageCss: null, ratio: 2 * screenRatio, out: null, dpi: null };
  const out = paperPixels(size);
  const pageCss = { w: PAGE_CSS_W, h: Math.round((PAGE_CSS_W * out.h) / out.w) };
  return { pageCss, ratio: out.w / PAGE_CSS_W, out, dpi: PRINT_DPI };
}

// --- PNG pHYs: the resolution a print layout program reads ---------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The PNG with a pHYs chunk saying `dpi` (placed right after IHDR; an existing pHYs is replaced). */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (png.length < 33 || sig.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdrEnd = 8 + 12 + view.getUint32(8);
  // Drop an existing pHYs.
  const chunks: Uint8Array[] = [png.subarray(0, ihdrEnd)];
  let at = ihdrEnd;
  const rest: Uint8Array[] = [];
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (type !== 'pHYs') rest.push(png.subarray(at, end));
    at = end;
  }
  const ppm = Math.round(dpi / 0.0254);
  const phys = new Uint8Array(21);
  const pv = new DataView(phys.buffer);
  pv.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  pv.setUint32(8, ppm);
  pv.setUint32(12, ppm);
  phys[16] = 1; // unit: metre
  pv.setUint32(17, crc32(phys.subarray(4, 17)));
  chunks.push(phys, ...rest);
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The dpi a PNG's pHYs chunk states, or null. */
export function pngDpi(png: Uint8Array): number | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at = 8;
  while (at + 12 <= png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'pHYs' && png[at + 16] === 1) return Math.round(view.getUint32(at + 8) * 0.0254);
    if (type === 'IDAT') return null;
    at += 12 + len;
  }
  return null;
}
