// Filtered features as CSV (RFC 4180: comma, CRLF, double-quote escaping),
// UTF-8 with a BOM so spreadsheet software reads Chinese text correctly.
//
// Geometry: `lonlat` adds `lon`, `lat` (the point itself, or a representative
// point for lines and polygons: see geomPrep.representativePoint) and
// `geometry_type`; `wkt` adds one `wkt` column. Coordinates have 6 decimals.
//
// Formula injection: a text cell starting with = + - @ tab or CR is
// prefixed with a single quote (OWASP's advice), so spreadsheets show it as
// text instead of running it. Text that is a plain number (e.g. "-12.5") is
// left alone, and numeric cells are never touched, so negative numbers survive.
import type { Feature, Geometry } from 'geojson';
import { representativePoint } from '../lib/geomPrep';
import { formatCoord, toWkt } from './wkt';

export type CsvGeometryMode = 'lonlat' | 'wkt';

export interface CsvOptions {
  geometry?: CsvGeometryMode;
  /** Property columns, in order; default: all properties in first-seen order. */
  columns?: string[];
  /** Prefix a UTF-8 byte-order mark (default true). */
  bom?: boolean;
  decimals?: number;
}

const SPECIAL = /[",\r\n]/;
const SPACE = /\s/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

// = + - @ tab CR
const isRiskyStart = (c: number): boolean => c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;

/** A text cell, guarded against formulas and quoted when needed. */
export function csvText(s: string): string {
  if (s === '') return s;
  if (isRiskyStart(s.charCodeAt(0)) && !PLAIN_NUMBER.test(s)) s = "'" + s;
  const quote = SPECIAL.test(s) || SPACE.test(s[0]) || SPACE.test(s[s.length - 1]);
  return quote ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return csvText(v);
  return csvText(JSON.stringify(v));
}

/** Property names in first-seen order, without internal `__*` ones. */
export function propertyColumns(features: Feature<Geometry | null>[]): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < features.length; i++) {
    const p = features[i].properties;
    if (p) for (const k in p) if (!seen.has(k) && !k.startsWith('__')) seen.add(k);
  }
  return [...seen];
}

function uniqueName(name: string, taken: Set<string>): string {
  while (taken.has(name)) name = '_' + name;
  taken.add(name);
  return name;
}

export function exportCsv(features: Feature<Geometry | null>[], opts: CsvOptions = {}): string {
  const mode = opts.geometry ?? 'lonlat';
  const d = opts.decimals ?? 6;
  const columns = opts.columns ?? propertyColumns(features);
  const taken = new Set(columns);
  const geomHeader = mode === 'wkt' ? [uniqueName('wkt', taken)] : ['lon', 'lat', 'geometry_type'].map((c) => uniqueName(c, taken));
  const nc = columns.length;
  const lines = new Array<string>(features.length + 1);
  lines[0] = [...columns, ...geomHeader].map(csvText).join(',');
  const cells = new Array<string>(nc + geomHeader.length); // reused for every row
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const p = f.properties ?? {};
    for (let c = 0; c < nc; c++) cells[c] = csvCell(p[columns[c]]);
    const g = f.geometry;
    if (mode === 'wkt') {
      cells[nc] = g ? '"' + toWkt(g, d) + '"' : '';
    } else {
      const pt = g && g.type === 'Point' ? g.coordinates : representativePoint(g);
      cells[nc] = pt ? formatCoord(pt[0], d) : '';
      cells[nc + 1] = pt ? formatCoord(pt[1], d) : '';
      cells[nc + 2] = g ? g.type : '';
    }
    lines[i + 1] = cells.join(',');
  }
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
