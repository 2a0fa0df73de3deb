// Colours as bytes, and colour difference (CIE76 ΔE in CIELAB, D65) for checking that palettes stay apart.

/** '#rrggbb' or '#rgb' → [r, g, b] bytes, or null when it is neither. */
export function rgbOf(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex);
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function toLab(hex: string): [number, number, number] {
  const rgb = /^#[0-9a-f]{6}$/i.test(hex) ? rgbOf(hex) : null;
  if (!rgb) throw new Error(`not a #rrggbb colour: ${hex}`);
  const lin = rgb.map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = lin;
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE between two #rrggbb colours: about 2 is just noticeable, above 20 clearly different. */
export function deltaE(a: string, b: string): number {
  const A = toLab(a);
  const B = toLab(b);
  return Math.hypot(A[0] - B[0], A[1] - B[1], A[2] - B[2]);
}

/** Every #rrggbb string found anywhere in a JSON value (lower case). */
export function coloursIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) out.add(value.toLowerCase());
  else if (value && typeof value === 'object') for (const v of Object.values(value)) coloursIn(v, out);
  return out;
}
