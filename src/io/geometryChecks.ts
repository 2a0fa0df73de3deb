// Geometry checks used by validate.ts: coordinate nesting per geometry type,
// positions, line/ring sizes, ring closure and coordinate ranges. Recursion is
// bounded: coordinate depth is fixed by the type, GeometryCollections are capped.

import { kindOf, makeIssue, preview, type Issue } from './messages.ts';

export interface OutOfRange {
  featureIndex: number;
  path: string;
  pos: number[];
  swapped: boolean;
}

export interface GeomContext {
  featureIndex: number;
  base: string;
  featureHasError: boolean;
  /** Codes already reported for the current feature (one message per code per feature). */
  reported: Set<string>;
  /** First out-of-range position of each feature; reported after the walk. */
  outOfRange: OutOfRange[];
  /** Running [w, s, e, n] over in-range positions. */
  bbox: [number, number, number, number];
  error: (i: Issue) => void;
}

export const MAX_COLLECTION_DEPTH = 8;
export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

const EXPECT = {
  position: { en: 'a position [lon, lat]', zh: '坐标点 [经度, 纬度]' },
  positions: { en: 'an array of positions', zh: '坐标点数组' },
  rings: { en: 'an array of rings (arrays of positions)', zh: '环的数组（每个环是坐标点数组）' },
};

function err(ctx: GeomContext, code: string, params: Record<string, string | number>, path: string) {
  ctx.featureHasError = true;
  if (ctx.reported.has(code)) return;
  ctx.reported.add(code);
  ctx.error(makeIssue(code, params, { featureIndex: ctx.featureIndex, path }));
}

const at = (base: string, a: number, b: number, c: number) =>
  base + (a >= 0 ? `[${a}]` : '') + (b >= 0 ? `[${b}]` : '') + (c >= 0 ? `[${c}]` : '');

function nesting(ctx: GeomContext, type: string, expected: keyof typeof EXPECT, value: unknown, path: string) {
  const e = EXPECT[expected];
  err(ctx, 'geometry.nesting', { type, expected: e.en, expectedZh: e.zh, value: preview(value) }, path);
}

/** Check one position; returns false when it is not a usable [x, y, ...] array of numbers. */
function checkPosition(p: unknown, type: string, ctx: GeomContext, base: string, a: number, b: number, c: number): boolean {
  if (!Array.isArray(p)) {
    err(ctx, 'position.invalid', { value: preview(p) }, at(base, a, b, c));
    return false;
  }
  if (p.length > 0 && Array.isArray(p[0])) {
    nesting(ctx, type, 'position', p, at(base, a, b, c));
    return false;
  }
  if (p.length < 2) {
    err(ctx, 'position.too_short', { value: preview(p) }, at(base, a, b, c));
    return false;
  }
  for (let k = 0; k < p.length; k++) {
    const v = p[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      err(ctx, 'position.invalid', { value: preview(p) }, at(base, a, b, c));
      return false;
    }
  }
  const x = p[0] as number;
  const y = p[1] as number;
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    ctx.featureHasError = true;
    if (!ctx.reported.has('range')) {
      ctx.reported.add('range');
      const swapped = Math.abs(y) > 90 && Math.abs(y) <= 180 && Math.abs(x) <= 90;
      ctx.outOfRange.push({ featureIndex: ctx.featureIndex, path: at(base, a, b, c), pos: p as number[], swapped });
    }
    return true;
  }
  const bb = ctx.bbox;
  if (x < bb[0]) bb[0] = x;
  if (y < bb[1]) bb[1] = y;
  if (x > bb[2]) bb[2] = x;
  if (y > bb[3]) bb[3] = y;
  return true;
}

/** A LineString's or ring's positions; `a`,`b` locate it inside the coordinates. */
function checkLine(line: unknown, type: string, ring: boolean, ctx: GeomContext, base: string, a: number, b: number) {
  if (!Array.isArray(line) || (line.length > 0 && !Array.isArray(line[0]))) {
    nesting(ctx, type, 'positions', line, at(base, a, b, -1));
    return;
  }
  let ok = true;
  for (let i = 0; i < line.length; i++) {
    // The position index goes in the first free slot of the path.
    const good =
      a < 0
        ? checkPosition(line[i], type, ctx, base, i, -1, -1)
        : b < 0
          ? checkPosition(line[i], type, ctx, base, a, i, -1)
          : checkPosition(line[i], type, ctx, base, a, b, i);
    if (!good) ok = false;
  }
  const path = at(base, a, b, -1);
  if (!ring) {
    if (line.length < 2) err(ctx, 'line.too_few', { count: line.length }, path);
    return;
  }
  if (line.length < 4) {
    err(ctx, 'ring.too_few', { count: line.length }, path);
    return;
  }
  if (!ok) return;
  const first = line[0] as number[];
  const last = line[line.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    err(ctx, 'ring.unclosed', { first: preview(first), last: preview(last) }, path);
  }
}

function checkPolygon(rings: unknown, type: string, ctx: GeomContext, base: string, a: number) {
  if (!Array.isArray(rings) || (rings.length > 0 && !Array.isArray(rings[0])) || (rings.length > 0 && typeof (rings[0] as unknown[])[0] === 'number')) {
    nesting(ctx, type, 'rings', rings, at(base, a, -1, -1));
    return;
  }
  if (rings.length === 0) {
    err(ctx, 'geometry.empty', { type }, at(base, a, -1, -1));
    return;
  }
  for (let r = 0; r < rings.length; r++) checkLine(rings[r], type, true, ctx, base, a < 0 ? r : a, a < 0 ? -1 : r);
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

export function suggestType(value: string): string | undefined {
  const v = value.slice(0, 40);
  const lower = v.toLowerCase();
  return GEOMETRY_TYPES.find((t) => t.toLowerCase() === lower) ?? GEOMETRY_TYPES.find((t) => editDistance(t.toLowerCase(), lower) <= 2);
}

export function checkGeometry(g: unknown, path: string, depth: number, ctx: GeomContext): void {
  if (g === null || typeof g !== 'object' || Array.isArray(g)) {
    const k = kindOf(g);
    err(ctx, 'geometry.not_object', { kind: k.en, kindZh: k.zh }, path);
    return;
  }
  const geom = g as Record<string, unknown>;
  const type = geom.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.includes(type)) {
    const s = typeof type === 'string' ? suggestType(type) : undefined;
    err(
      ctx,
      'geometry.type_invalid',
      { value: preview(type, 40), hint: s ? ` — did you mean "${s}"?` : '', hintZh: s ? `——是否应为“${s}”？` : '' },
      `${path}.type`,
    );
    return;
  }
  if (type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH) {
      err(ctx, 'geometry.collection_deep', { limit: MAX_COLLECTION_DEPTH }, path);
      return;
    }
    const gs = geom.geometries;
    if (!Array.isArray(gs)) return err(ctx, 'geometry.no_coordinates', { type }, `${path}.geometries`);
    if (gs.length === 0) return err(ctx, 'geometry.empty', { type }, `${path}.geometries`);
    for (let i = 0; i < gs.length; i++) checkGeometry(gs[i], `${path}.geometries[${i}]`, depth + 1, ctx);
    return;
  }
  const coords = geom.coordinates;
  const base = `${path}.coordinates`;
  if (!Array.isArray(coords)) return err(ctx, 'geometry.no_coordinates', { type }, base);
  if (coords.length === 0) return err(ctx, 'geometry.empty', { type }, base);
  switch (type) {
    case 'Point':
      checkPosition(coords, type, ctx, base, -1, -1, -1);
      return;
    case 'MultiPoint':
      if (!Array.isArray(coords[0])) return nesting(ctx, type, 'positions', coords, base);
      for (let i = 0; i < coords.length; i++) checkPosition(coords[i], type, ctx, base, i, -1, -1);
      return;
    case 'LineString':
      return checkLine(coords, type, false, ctx, base, -1, -1);
    case 'MultiLineString':
      for (let i = 0; i < coords.length; i++) checkLine(coords[i], type, false, ctx, base, i, -1);
      return;
    case 'Polygon':
      return checkPolygon(coords, type, ctx, base, -1);
    case 'MultiPolygon':
      for (let i = 0; i < coords.length; i++) checkPolygon(coords[i], type, ctx, base, i);
      return;
  }
}
