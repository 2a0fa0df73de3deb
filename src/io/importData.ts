// One entry point for user data: bytes or text in, a WGS84 FeatureCollection or
// located bilingual errors out. Used by the data service (through importFiles) and the CLIs.

import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { crsCandidates, type CrsCandidate } from './crs/candidates.ts';
import { convertCrs, type SourceCrs } from './crs/crsGuess.ts';
import { crsByEpsg, type CrsDef } from './crs/registry.ts';
import { isDatumChoice, toWgs84 } from './crs/reproject.ts';
import { csvToGeoJSON } from './formats/csv.ts';
import { decodeBytes } from './decode.ts';
import { parseJsonWithPosition } from './json.ts';
import { makeIssue, type Bilingual, type Issue } from './messages.ts';
import { validateGeoJSON } from './validate.ts';
import { GEOMETRY_TYPES } from './geometryChecks.ts';
import { topologyToGeoJSON } from './formats/topojson.ts';

export { parseJsonWithPosition } from './json.ts';

/** Broad box around Tianjin; data entirely outside it gets a 'coord.far_away' warning. */
export const TIANJIN_REGION: [number, number, number, number] = [115.5, 37.5, 119.5, 41.5];

export type ImportStage = 'reading' | 'decoding' | 'parsing' | 'validating' | 'converting' | 'serialising';

export interface ImportOptions {
  /** Datum of the source coordinates; GCJ02/BD09 are converted to WGS84. */
  crs?: SourceCrs;
  /** Load the valid features and list the invalid ones as warnings. */
  dropInvalid?: boolean;
  /** Region for the far-away warning; null disables it. */
  region?: [number, number, number, number] | null;
  /**
   * The source coordinate system the user chose ("EPSG:4548", "GCJ02", "BD09"):
   * overrides what the file says, and is what data with no CRS needs when its
   * coordinates are not longitude/latitude.
   */
  from?: string;
  onProgress?: (stage: ImportStage, fraction?: number) => void;
}

export type ImportFormat = 'geojson' | 'csv' | 'shapefile' | 'kml' | 'gpx' | 'gpkg' | 'fgb' | 'xlsx' | 'topojson';

export interface ImportStats {
  format: ImportFormat;
  encoding: string;
  featureCount: number;
  dropped: number;
  geometryTypes: Record<string, number>;
  bbox?: [number, number, number, number];
  crs: SourceCrs;
  csvColumns?: { lon: string; lat: string };
  /** The coordinate system the data was converted from (absent: WGS84 lon/lat as given). */
  sourceCrs?: { id: string; name: Bilingual };
  /** Error the conversion leaves, metres (Beijing 1954 / Xi'an 1980: about 100). */
  accuracy_m?: number;
  /**
   * True when `data` differs from what JSON.parse gave for the source text
   * (CSV, wrapping, filled properties, dropped crs member or features, CRS
   * conversion). When false and the source was UTF-8, the source bytes
   * themselves are a faithful serialisation of `data`.
   */
  rewritten: boolean;
}

export type ImportResult =
  | { ok: true; data: FeatureCollection; warnings: Issue[]; stats: ImportStats }
  | { ok: false; errors: Issue[]; warnings: Issue[]; crsCandidates?: CrsCandidate[]; sheets?: string[] };

export type SniffedFormat = 'empty' | 'blank' | 'html' | 'json' | 'csv' | 'unknown';

export function sniffFormat(name: string, text: string): SniffedFormat {
  if (text.length === 0) return 'empty';
  const start = text.search(/\S/);
  if (start === -1) return 'blank';
  const head = text.slice(start, start + 2048);
  if (/^<|<!doctype html|<html[\s>]/i.test(head) && /<(!doctype html|html|head|body|title)[\s>]/i.test(head)) return 'html';
  const c = head[0];
  if (c === '{' || c === '[') return 'json';
  const firstLine = head.split(/\r|\n/)[0];
  if (/[,;\t]/.test(firstLine) || /\.(csv|tsv|txt)$/i.test(name)) return 'csv';
  if (/^(-?\d|"|true\b|false\b|null\b|NaN\b|Infinity\b)/.test(head) || /\.(geo)?json$/i.test(name)) return 'json';
  return 'unknown';
}

function htmlTitle(text: string): string {
  const m = /<title[^>]*>([^<]{0,120})/i.exec(text.slice(0, 8192));
  const t = m?.[1].trim().replace(/\s+/g, ' ');
  return t ? `: "${t}"` : '';
}

const isFeatureLike = (v: unknown) => v !== null && typeof v === 'object' && (v as { type?: unknown }).type === 'Feature';

/** Wrap a Feature or bare Geometry into a FeatureCollection; fill missing properties. */
function normalise(value: Record<string, unknown>, warnings: Issue[]): { fc: FeatureCollection; changed: boolean } {
  let fc: FeatureCollection;
  let changed = value.type !== 'FeatureCollection' || 'crs' in value;
  if (value.type === 'FeatureCollection') fc = value as unknown as FeatureCollection;
  else if (value.type === 'Feature') {
    warnings.push(makeIssue('feature.wrapped'));
    fc = { type: 'FeatureCollection', features: [value as unknown as Feature] };
  } else {
    warnings.push(makeIssue('geometry.wrapped', { type: String(value.type) }));
    fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: value as unknown as Geometry }] };
  }
  const { crs: _crs, ...rest } = fc as FeatureCollection & { crs?: unknown };
  void _crs;
  for (const f of rest.features) {
    if (!('properties' in f)) {
      (f as Feature).properties = {};
      changed = true;
    }
  }
  return { fc: rest, changed };
}

function bboxOf(fc: FeatureCollection): [number, number, number, number] | undefined {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else c.forEach(walk);
  };
  const geom = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries.forEach(geom);
    else walk(g.coordinates);
  };
  fc.features.forEach((f) => geom(f.geometry));
  return b[0] <= b[2] ? (b as [number, number, number, number]) : undefined;
}

function finish(
  fc: FeatureCollection,
  warnings: Issue[],
  stats: Omit<ImportStats, 'featureCount' | 'geometryTypes' | 'crs' | 'rewritten'>,
  opts: ImportOptions,
  changed: boolean,
): ImportResult {
  const crs: SourceCrs = opts.from && isDatumChoice(opts.from) ? opts.from : opts.from ? 'WGS84' : (opts.crs ?? 'WGS84');
  let data = fc;
  if (crs !== 'WGS84') {
    opts.onProgress?.('converting');
    data = convertCrs(fc, crs);
    warnings.push(makeIssue('crs.converted', { from: crs === 'GCJ02' ? 'GCJ-02' : 'BD-09' }));
  }
  const geometryTypes: Record<string, number> = {};
  for (const f of data.features) {
    const t = f.geometry?.type ?? 'null';
    geometryTypes[t] = (geometryTypes[t] ?? 0) + 1;
  }
  const bbox = crs === 'WGS84' ? stats.bbox : bboxOf(data);
  const rewritten = changed || crs !== 'WGS84' || stats.dropped > 0 || !!stats.sourceCrs;
  return { ok: true, data, warnings, stats: { ...stats, bbox, featureCount: data.features.length, geometryTypes, crs, rewritten } };
}

/** Validate + optionally drop invalid features; shared by the JSON and CSV paths. */
function check(fc: unknown, warnings: Issue[], opts: ImportOptions, lineOf?: (fi: number) => number) {
  opts.onProgress?.('validating', 0);
  const region = opts.region === undefined ? TIANJIN_REGION : opts.region ?? undefined;
  const v = validateGeoJSON(fc, { region, onProgress: (d, t) => opts.onProgress?.('validating', d / t) });
  if (lineOf) for (const i of [...v.errors, ...v.warnings]) if (i.featureIndex !== undefined) i.line = lineOf(i.featureIndex);
  warnings.push(...v.warnings);
  if (v.errors.length === 0) return { ok: true as const, dropped: 0, bbox: v.bbox };
  const perFeature = v.errors.every((e) => e.featureIndex !== undefined || e.code === 'errors.more');
  if (opts.dropInvalid && perFeature && v.invalidFeatures.length < v.featureCount && fc && typeof fc === 'object') {
    const bad = new Set(v.invalidFeatures);
    const col = fc as FeatureCollection;
    if (Array.isArray(col.features)) {
      col.features = col.features.filter((_, i) => !bad.has(i));
      warnings.push(...v.errors);
      warnings.push(makeIssue('feature.dropped', { detail: `${bad.size} invalid of ${v.featureCount}` }));
      return { ok: true as const, dropped: bad.size, bbox: v.bbox };
    }
  }
  return { ok: false as const, errors: v.errors };
}

/** What a format reader hands to the shared pipeline. */
export interface ParsedSource {
  format: ImportFormat;
  encoding: string;
  /** GeoJSON-like value in the file's own coordinates, not yet validated. */
  value: unknown;
  /** What the file says about its coordinate system: a known CRS, or one it names that is not known. */
  declared?: { def: CrsDef } | { unknown: string; file?: string };
  /** Source line of feature i (CSV), for messages. */
  lineOf?: (featureIndex: number) => number;
  /** True when `value` is not exactly what JSON.parse gave for the source text. */
  changed: boolean;
  csvColumns?: { lon: string; lat: string };
}

function rawBbox(value: unknown): [number, number, number, number] | null {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  let budget = 2_000_000;
  const walk = (c: unknown, depth: number): void => {
    if (!Array.isArray(c) || depth > 8 || budget <= 0) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
      budget--;
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else for (const x of c) walk(x, depth + 1);
  };
  const geom = (g: unknown, depth = 0): void => {
    if (!g || typeof g !== 'object' || depth > 4) return;
    const o = g as { coordinates?: unknown; geometries?: unknown[]; geometry?: unknown; features?: unknown[] };
    if (Array.isArray(o.features)) o.features.forEach((f) => geom(f, depth + 1));
    else if (o.geometry !== undefined) geom(o.geometry, depth + 1);
    else if (Array.isArray(o.geometries)) o.geometries.forEach((x) => geom(x, depth + 1));
    else walk(o.coordinates, 0);
  };
  if (Array.isArray(value)) value.forEach((v) => geom(v));
  else geom(value);
  return b[0] <= b[2] ? (b as [number, number, number, number]) : null;
}

const crsLabel = (def: CrsDef) => ({ id: `EPSG:${def.epsg}`, name: def.name });

/**
 * The shared second half of every import: choose the source CRS (the user's
 * choice, else what the file declares), convert to WGS84, validate, wrap.
 */
export function importParsed(src: ParsedSource, opts: ImportOptions = {}, warnings: Issue[] = []): ImportResult {
  let value = src.value;
  let sourceCrs: ImportStats['sourceCrs'];
  let accuracy_m: number | undefined;
  const fail = (errors: Issue[], crsCandidatesList?: CrsCandidate[]): ImportResult => ({ ok: false, errors, warnings, ...(crsCandidatesList ? { crsCandidates: crsCandidatesList } : {}) });
  const candidates = () => {
    const b = rawBbox(value);
    return b ? crsCandidates(b) : [];
  };
  let def: CrsDef | undefined;
  if (opts.from && !isDatumChoice(opts.from)) {
    def = crsByEpsg(opts.from);
    if (!def) return fail([makeIssue('crs.unknown_choice', { value: opts.from.slice(0, 40) })]);
  } else if (!opts.from && src.declared) {
    if ('def' in src.declared) def = src.declared.def;
    else return fail([makeIssue('prj.unknown', { name: src.declared.unknown.slice(0, 80) }, { file: src.declared.file })], candidates());
  }
  if (def && def.epsg !== 4326) {
    opts.onProgress?.('converting');
    try {
      value = toWgs84(value, `EPSG:${def.epsg}`);
    } catch (e) {
      return fail([makeIssue('import.failed', { detail: e instanceof Error ? e.message : String(e) })]);
    }
    warnings.push(makeIssue('crs.reprojected', { name: def.name.en, nameZh: def.name.zh, epsg: def.epsg }));
    if (def.residual_m >= 1) {
      warnings.push(makeIssue('crs.legacy_datum', { name: def.name.en, nameZh: def.name.zh, residual: def.residual_m }));
      accuracy_m = def.residual_m;
    }
    sourceCrs = crsLabel(def);
  }
  const r = check(value, warnings, opts, src.lineOf);
  if (!r.ok) {
    if (!def && !opts.from && r.errors.some((e) => e.code.startsWith('coord.projected'))) {
      const list = candidates();
      const sample = rawBbox(src.value);
      const names = list.slice(0, 3).map((c) => c.id).join(', ') || '—';
      // The validator's "reproject in QGIS" advice is replaced by the choice offered here.
      const first = r.errors.find((e) => e.code.startsWith('coord.projected'));
      const where = first?.featureIndex !== undefined ? { featureIndex: first.featureIndex, line: first.line } : {};
      const others = r.errors.filter((e) => !e.code.startsWith('coord.projected'));
      return fail([makeIssue('crs.choose', { value: sample ? `[${Math.round(sample[0])}, ${Math.round(sample[1])}]` : '?', candidates: names }, where), ...others], list);
    }
    return fail(r.errors);
  }
  let fc: FeatureCollection;
  let changed = src.changed;
  if (src.format === 'geojson' || src.format === 'topojson') {
    const obj = value as Record<string, unknown>;
    if (!(obj.type === 'FeatureCollection' || obj.type === 'Feature' || GEOMETRY_TYPES.includes(String(obj.type)))) {
      return fail([makeIssue('geojson.type_unknown', { value: JSON.stringify(obj.type) ?? 'undefined' })]);
    }
    const n = normalise(obj, warnings);
    fc = n.fc;
    changed ||= n.changed;
  } else fc = value as FeatureCollection;
  if (opts.from && isDatumChoice(opts.from)) sourceCrs = { id: opts.from, name: opts.from === 'GCJ02' ? { en: 'GCJ-02', zh: 'GCJ-02' } : { en: 'BD-09', zh: 'BD-09' } };
  return finish(fc, warnings, { format: src.format, encoding: src.encoding, dropped: r.dropped, bbox: r.bbox, csvColumns: src.csvColumns, sourceCrs, accuracy_m }, opts, changed);
}

export function importText(name: string, text: string, opts: ImportOptions = {}, encoding = 'utf-8'): ImportResult {
  const warnings: Issue[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fail = (i: Issue): ImportResult => ({ ok: false, errors: [i], warnings });
  const format = sniffFormat(name, src);
  switch (format) {
    case 'empty':
      return fail(makeIssue('file.empty'));
    case 'blank':
      return fail(makeIssue('file.blank'));
    case 'html':
      return fail(makeIssue('html', { title: htmlTitle(src) }));
    case 'unknown':
      return fail(makeIssue('format.unknown', { start: src.trim().slice(0, 30) }));
    case 'csv': {
      opts.onProgress?.('parsing');
      const csv = csvToGeoJSON(src);
      if (!csv.ok) return { ok: false, errors: csv.errors, warnings: [...warnings, ...csv.warnings] };
      warnings.push(...csv.warnings);
      return importParsed({ format: 'csv', encoding, value: csv.data, lineOf: (fi) => csv.rowLines[fi], changed: true, csvColumns: csv.columns }, opts, warnings);
    }
  }
  opts.onProgress?.('parsing');
  const parsed = parseJsonWithPosition(src);
  if (!parsed.ok) return fail(parsed.error);
  let value = parsed.value;
  let arrayWrapped = false;
  if (Array.isArray(value) && value.length > 0 && value.every(isFeatureLike)) {
    warnings.push(makeIssue('json.array_wrapped', { count: value.length }));
    value = { type: 'FeatureCollection', features: value };
    arrayWrapped = true;
  }
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'Topology') {
    const t = topologyToGeoJSON(value);
    if (!t.ok) return fail(t.error);
    return importParsed({ format: 'topojson', encoding, value: t.value, changed: true }, opts, warnings);
  }
  return importParsed({ format: 'geojson', encoding, value, changed: arrayWrapped }, opts, warnings);
}

export function importBytes(name: string, bytes: Uint8Array, opts: ImportOptions = {}): ImportResult {
  opts.onProgress?.('decoding');
  const d = decodeBytes(bytes);
  if (!d.ok) return { ok: false, errors: d.errors, warnings: [] };
  const r = importText(name, d.text, opts, d.encoding);
  return { ...r, warnings: [...d.warnings, ...r.warnings] };
}
