// Joining a statistics table (rows of a CSV or spreadsheet) to a polygon layer by a key.
// Names match with and without the suffixes 区/街道/镇/乡 (and surrounding spaces);
// codes match as text with leading zeros kept. Unmatched rows are listed with their line.
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type JoinRow = Record<string, unknown>;

export interface JoinOptions {
  /** Feature property holding the key (e.g. `name`, `adcode`). */
  layerKey: string;
  /** Table column holding the key. */
  tableKey: string;
  /** 'name' strips administrative suffixes before matching; 'code' compares exact text. */
  match: 'name' | 'code';
  /** Columns to copy (default: all but the key); a copied column overwrites a property of the same name. */
  columns?: string[];
  /** Prefix for copied columns (default ''). */
  prefix?: string;
}

export interface UnmatchedRow {
  /** 1-based row number in the table (not counting the header). */
  row: number;
  key: string;
}

export interface JoinResult {
  fc: FeatureCollection;
  matchedFeatures: number;
  unmatched: UnmatchedRow[];
  /** Rows whose key appears more than once (the first wins). */
  duplicates: UnmatchedRow[];
}

const SUFFIXES = ['街道办事处', '街道', '新区', '区', '镇', '乡'];

/** A name without spaces and without one trailing 区/街道/镇/乡 (滨海新区 → 滨海, 新立街道 → 新立). */
export function normalizeName(s: unknown): string {
  let t = String(s ?? '').replace(/[\s\u3000]+/g, '').trim();
  for (const suf of SUFFIXES) {
    if (t.length > suf.length && t.endsWith(suf)) {
      t = t.slice(0, -suf.length);
      break;
    }
  }
  return t;
}

export function normalizeCode(s: unknown): string {
  return String(s ?? '').trim();
}

export function joinTable(fc: FeatureCollection, rows: readonly JoinRow[], o: JoinOptions): JoinResult {
  const norm = o.match === 'name' ? normalizeName : normalizeCode;
  const byKey = new Map<string, { row: JoinRow; n: number }>();
  const duplicates: UnmatchedRow[] = [];
  rows.forEach((row, i) => {
    const k = norm(row[o.tableKey]);
    if (!k) return;
    if (byKey.has(k)) duplicates.push({ row: i + 1, key: String(row[o.tableKey]) });
    else byKey.set(k, { row, n: i + 1 });
  });
  const used = new Set<string>();
  const cols = o.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c !== o.tableKey);
  const prefix = o.prefix ?? '';
  let matched = 0;
  const features = fc.features.map((f): Feature<Geometry | null> => {
    const k = norm(f.properties?.[o.layerKey]);
    const hit = k ? byKey.get(k) : undefined;
    if (!hit) return f;
    matched++;
    used.add(k);
    const props: Record<string, unknown> = { ...(f.properties ?? {}) };
    for (const c of cols) props[prefix + c] = hit.row[c];
    return { ...f, properties: props };
  });
  const unmatched: UnmatchedRow[] = [];
  for (const [k, { row, n }] of byKey) if (!used.has(k)) unmatched.push({ row: n, key: String(row[o.tableKey]) });
  unmatched.sort((a, b) => a.row - b.row);
  return { fc: { ...fc, features: features as FeatureCollection['features'] }, matchedFeatures: matched, unmatched, duplicates };
}

/** A sheet's cells (first non-empty row = header) as join rows; empty rows are skipped. */
export function rowsFromSheet(cells: readonly (readonly unknown[])[]): { header: string[]; rows: JoinRow[] } {
  const text = (v: unknown) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  const first = cells.findIndex((r) => r.some((c) => text(c).trim() !== ''));
  if (first < 0) return { header: [], rows: [] };
  const header = cells[first].map((c, i) => text(c).trim() || `column${i + 1}`);
  const rows = cells.slice(first + 1)
    .filter((r) => r.some((c) => text(c).trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, typeof r[i] === 'number' ? r[i] : text(r[i])])));
  return { header, rows };
}
