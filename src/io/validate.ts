// Synchronous GeoJSON validator shared by the importer, the CLI and the data build.
// Own checks (structure, positions, ranges, rings, projections) give precise,
// bilingual, located messages; geojson-validation runs as a structural backstop
// on every feature our checks passed. RFC 7946 leniencies: clockwise rings and
// 3D positions are fine, null geometry is a warning.

import gjv from 'geojson-validation';
import { guessProjection } from './crs/crsGuess.ts';
import { kindOf, makeIssue, preview, type Issue } from './messages.ts';
import { checkGeometry, GEOMETRY_TYPES, type GeomContext } from './geometryChecks.ts';

export type { Issue } from './messages.ts';

export interface ValidateOptions {
  /** Errors listed per file before "…and N more" (default 100). Warnings likewise. */
  maxIssues?: number;
  /** Warn when the data's bbox misses this [w, s, e, n] box (e.g. Tianjin). */
  region?: [number, number, number, number];
  /** Called every 2,000 features with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
  featureCount: number;
  /** Indices of features that have at least one error. */
  invalidFeatures: number[];
  /** [w, s, e, n] over in-range positions, when there are any. */
  bbox?: [number, number, number, number];
}

export const LARGE_PROPERTY_CHARS = 1_048_576;


class Collector {
  errors: Issue[] = [];
  warnings: Issue[] = [];
  moreErrors = 0;
  moreWarnings = 0;
  constructor(private max: number) {}
  error(i: Issue) {
    if (this.errors.length < this.max) this.errors.push(i);
    else this.moreErrors++;
  }
  warn(i: Issue) {
    if (this.warnings.length < this.max) this.warnings.push(i);
    else this.moreWarnings++;
  }
  finish() {
    const order = (i: Issue) => i.featureIndex ?? -1;
    this.errors.sort((a, b) => order(a) - order(b));
    this.warnings.sort((a, b) => order(a) - order(b));
    if (this.moreErrors) this.errors.push(makeIssue('errors.more', { count: this.moreErrors }));
    if (this.moreWarnings) this.warnings.push(makeIssue('errors.more', { count: this.moreWarnings }));
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkProperties(f: Record<string, unknown>, fi: number, c: Collector, ctx: GeomContext) {
  if (!('properties' in f)) {
    c.warn(makeIssue('feature.no_properties', {}, { featureIndex: fi }));
    return;
  }
  const p = f.properties;
  if (p === null) return;
  if (!isObj(p)) {
    ctx.featureHasError = true;
    const k = kindOf(p);
    c.error(makeIssue('properties.invalid', { kind: k.en, kindZh: k.zh }, { featureIndex: fi, path: `${ctx.base}.properties` }));
    return;
  }
  for (const key in p) {
    const v = p[key];
    if (typeof v === 'string' && v.length > LARGE_PROPERTY_CHARS) {
      c.warn(makeIssue('property.too_large', { name: key.slice(0, 40), size: v.length }, { featureIndex: fi, path: `${ctx.base}.properties` }));
    }
  }
}

function checkFeature(f: unknown, fi: number, base: string, c: Collector, ctx: GeomContext, ids: Map<string, number>) {
  ctx.featureIndex = fi;
  ctx.base = base;
  ctx.featureHasError = false;
  ctx.reported.clear();
  if (!isObj(f)) {
    ctx.featureHasError = true;
    const k = kindOf(f);
    c.error(makeIssue('feature.not_object', { kind: k.en, kindZh: k.zh }, { featureIndex: fi, path: base }));
    return;
  }
  if (f.type !== 'Feature') {
    ctx.featureHasError = true;
    c.error(makeIssue('feature.type_invalid', { value: preview(f.type, 40) }, { featureIndex: fi, path: `${base}.type` }));
  }
  if ('id' in f && f.id === null) c.warn(makeIssue('feature.id_null', {}, { featureIndex: fi, path: `${base}.id` }));
  else if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') {
    ctx.featureHasError = true;
    const k = kindOf(f.id);
    c.error(makeIssue('feature.id_type', { kind: k.en, kindZh: k.zh }, { featureIndex: fi, path: `${base}.id` }));
  }
  checkMembers(f, base, c, ctx, fi);
  if (isObj(f.geometry)) checkMembers(f.geometry, `${base}.geometry`, c, ctx, fi);
  if ('id' in f && (typeof f.id === 'string' || typeof f.id === 'number')) {
    const key = `${typeof f.id}:${f.id}`;
    const other = ids.get(key);
    if (other !== undefined) c.warn(makeIssue('feature.id_duplicate', { value: preview(f.id, 40), other }, { featureIndex: fi, path: `${base}.id` }));
    else ids.set(key, fi);
  }
  checkProperties(f, fi, c, ctx);
  if (!('geometry' in f)) {
    ctx.featureHasError = true;
    c.error(makeIssue('feature.no_geometry', {}, { featureIndex: fi, path: base }));
  } else if (f.geometry === null) {
    c.warn(makeIssue('geometry.null', {}, { featureIndex: fi, path: `${base}.geometry` }));
  } else {
    checkGeometry(f.geometry, `${base}.geometry`, 0, ctx);
  }
  if (!ctx.featureHasError) backstop(f, fi, base, c, ctx);
}

/** Number of numbers in the first position found under `c` (2 or 3), or undefined. */
function dimsOf(v: unknown, depth = 0): number | undefined {
  if (!isObj(v) || depth > 4) return undefined;
  const walk = (c: unknown, d: number): number | undefined => {
    if (!Array.isArray(c) || d > 6) return undefined;
    if (typeof c[0] === 'number') return c.length;
    for (const x of c) {
      const n = walk(x, d + 1);
      if (n !== undefined) return n;
    }
    return undefined;
  };
  if ('coordinates' in v) return walk(v.coordinates, 0);
  if (Array.isArray(v.geometries)) for (const g of v.geometries) { const n = dimsOf(g, depth + 1); if (n !== undefined) return n; }
  if ('geometry' in v) return dimsOf(v.geometry, depth + 1);
  if (Array.isArray(v.features)) for (const f of v.features.slice(0, 50)) { const n = dimsOf(f, depth + 1); if (n !== undefined) return n; }
  return undefined;
}

const AXES = [{ en: 'longitude', zh: '经度' }, { en: 'latitude', zh: '纬度' }, { en: 'height', zh: '高程' }];

/** RFC 7946 member constraints on any GeoJSON object: `bbox` length and order; `crs` below the top level. */
function checkMembers(o: Record<string, unknown>, base: string, c: Collector, ctx: GeomContext, fi?: number) {
  const where = (path: string) => (fi !== undefined ? { featureIndex: fi, path } : { path });
  const fail = (i: ReturnType<typeof makeIssue>) => {
    if (fi !== undefined) ctx.featureHasError = true;
    c.error(i);
  };
  if (base !== '' && base !== 'feature' && 'crs' in o) c.warn(makeIssue('crs.member_nested', {}, where(`${base}.crs`)));
  if (!('bbox' in o)) return;
  const path = base ? `${base}.bbox` : 'bbox';
  const b = o.bbox;
  if (!Array.isArray(b) || !b.every((x) => typeof x === 'number' && Number.isFinite(x))) return fail(makeIssue('bbox.invalid', { value: preview(b, 60) }, where(path)));
  const dims = dimsOf(o) ?? (b.length === 6 ? 3 : 2);
  if (b.length !== 2 * dims) return fail(makeIssue('bbox.length', { count: b.length, dims, expected: 2 * dims }, where(path)));
  // Axis 0 (longitude) may have west > east across the antimeridian (RFC 7946 §5.2).
  for (let a = 1; a < dims; a++) {
    if (b[a] > b[a + dims]) return fail(makeIssue('bbox.order', { axis: AXES[a].en, axisZh: AXES[a].zh, min: b[a], max: b[a + dims] }, where(path)));
  }
}

/** geojson-validation on a feature our own checks found fine; it catches what we do not check (e.g. bbox). */
function backstop(f: Record<string, unknown>, fi: number, base: string, c: Collector, ctx: GeomContext) {
  let trace: string[];
  try {
    trace = gjv.isFeature('properties' in f ? f : { ...f, properties: null }, true);
  } catch (e) {
    trace = [`validator failed: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (trace.length) {
    ctx.featureHasError = true;
    c.error(makeIssue('geojson.invalid', { detail: trace[0] }, { featureIndex: fi, path: base }));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function reportRanges(ctx: GeomContext, c: Collector) {
  const metric = ctx.outOfRange.filter((o) => Math.abs(o.pos[0]) > 1000 || Math.abs(o.pos[1]) > 1000);
  let rest = ctx.outOfRange;
  if (metric.length && metric.length * 2 >= ctx.outOfRange.length) {
    const x = median(metric.map((o) => o.pos[0]));
    const y = median(metric.map((o) => o.pos[1]));
    const g = guessProjection(x, y) ?? { kind: 'other' as const };
    const first = metric[0];
    const value = `[${Math.round(x)}, ${Math.round(y)}]`;
    const where = { featureIndex: first.featureIndex, path: first.path };
    if (g.kind === 'gk') {
      c.error(makeIssue('coord.projected_gk', { value, crs: g.crs!.en, crsZh: g.crs!.zh, epsg: g.epsg! }, where));
    } else if (g.kind === 'mercator') {
      const lonlat = `${g.lonlat![0].toFixed(3)}°E, ${g.lonlat![1].toFixed(3)}°N`;
      c.error(makeIssue('coord.projected_mercator', { value, lonlat }, where));
    } else c.error(makeIssue('coord.projected_other', { value }, where));
    rest = ctx.outOfRange.filter((o) => !metric.includes(o));
  }
  for (const o of rest) {
    const code = o.swapped ? 'coord.swapped' : 'coord.out_of_range';
    c.error(makeIssue(code, { value: preview(o.pos) }, { featureIndex: o.featureIndex, path: o.path }));
  }
}

function newContext(c: Collector): GeomContext {
  return {
    featureIndex: 0,
    base: '',
    featureHasError: false,
    reported: new Set(),
    outOfRange: [],
    bbox: [Infinity, Infinity, -Infinity, -Infinity],
    error: (i) => c.error(i),
  };
}

/** Validate a parsed GeoJSON value. Never throws; safe on any JSON value. */
export function validateGeoJSON(input: unknown, opts: ValidateOptions = {}): ValidationResult {
  const c = new Collector(opts.maxIssues ?? 100);
  const ctx = newContext(c);
  const invalid: number[] = [];
  let featureCount = 0;
  const done = (): ValidationResult => {
    reportRanges(ctx, c);
    const [w, s, e, n] = ctx.bbox;
    const bbox: [number, number, number, number] | undefined = w <= e ? [w, s, e, n] : undefined;
    const r = opts.region;
    if (bbox && r && (bbox[2] < r[0] || bbox[0] > r[2] || bbox[3] < r[1] || bbox[1] > r[3])) {
      c.warn(makeIssue('coord.far_away', { value: `${((w + e) / 2).toFixed(3)}°E, ${((s + n) / 2).toFixed(3)}°N` }));
    }
    c.finish();
    return { errors: c.errors, warnings: c.warnings, featureCount, invalidFeatures: invalid, ...(bbox ? { bbox } : {}) };
  };

  if (Array.isArray(input)) {
    c.error(makeIssue('json.array'));
    return done();
  }
  if (!isObj(input)) {
    const k = kindOf(input);
    c.error(makeIssue('json.not_object', { kind: k.en, kindZh: k.zh }));
    return done();
  }
  if ('crs' in input) {
    const crs = input.crs as { properties?: { name?: unknown } } | null;
    const name = typeof crs?.properties?.name === 'string' ? crs.properties.name.slice(0, 80) : preview(crs, 80);
    c.warn(makeIssue('crs.member', { value: name }, { path: 'crs' }));
  }
  if (input.type !== 'Feature') checkMembers(input, '', c, ctx);
  const type = input.type;
  if (type === undefined) {
    c.error(makeIssue('geojson.type_missing'));
  } else if (type === 'Topology') {
    c.error(makeIssue('topojson'));
  } else if (type === 'FeatureCollection') {
    const fs = input.features;
    if (!Array.isArray(fs)) {
      c.error(makeIssue('features.not_array', {}, { path: 'features' }));
      return done();
    }
    featureCount = fs.length;
    const ids = new Map<string, number>();
    for (let i = 0; i < fs.length; i++) {
      checkFeature(fs[i], i, `features[${i}]`, c, ctx, ids);
      if (ctx.featureHasError) invalid.push(i);
      if (opts.onProgress && i % 2000 === 1999) opts.onProgress(i + 1, fs.length);
    }
  } else if (type === 'Feature') {
    featureCount = 1;
    checkFeature(input, 0, 'feature', c, ctx, new Map());
    if (ctx.featureHasError) invalid.push(0);
  } else if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) {
    featureCount = 1;
    ctx.base = 'geometry';
    checkGeometry(input, 'geometry', 0, ctx);
    if (!ctx.featureHasError) {
      let trace: string[];
      try {
        trace = gjv.isGeometryObject(input, true);
      } catch (e) {
        trace = [String(e)];
      }
      if (trace.length) {
        ctx.featureHasError = true;
        c.error(makeIssue('geojson.invalid', { detail: trace[0] }, { featureIndex: 0, path: 'geometry' }));
      }
    }
    if (ctx.featureHasError) invalid.push(0);
  } else {
    c.error(makeIssue('geojson.type_unknown', { value: preview(type, 40) }, { path: 'type' }));
  }
  return done();
}
