// CSV with longitude/latitude columns → FeatureCollection of points.
//
// Parsing follows RFC 4180 (double-quoted fields, "" escapes, CRLF/LF/CR line
// ends); the delimiter (comma, semicolon or tab) is the one most frequent on the
// header line. Coordinate columns are found by header name (case-insensitive,
// trimmed; Chinese 经度/纬度 included). Property typing: a column becomes numbers
// only when every non-empty cell is a plain decimal number (no leading zeros,
// no thousands separators), so codes such as "007" or "300100" with a leading
// zero elsewhere stay text; empty cells in a numeric column become null. Text
// columns keep their strings exactly. The coordinate columns themselves are not
// repeated in properties.

import type { Feature, FeatureCollection, Point } from 'geojson';
import { makeIssue, type Issue } from '../messages.ts';

export interface CsvTable {
  delimiter: string;
  header: string[];
  rows: string[][];
  /** 1-based line number where each row starts (header is the first record). */
  rowLines: number[];
}

export type CsvParseResult = { ok: true; table: CsvTable } | { ok: false; error: Issue };

export type CsvImportResult =
  | { ok: true; data: FeatureCollection<Point>; warnings: Issue[]; rowLines: number[]; columns: { lon: string; lat: string } }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

const LON_NAMES = ['longitude', 'lon', 'lng', 'long', '经度', '东经', 'pointx', 'x'];
const LAT_NAMES = ['latitude', 'lat', '纬度', '北纬', 'pointy', 'y'];
const MAX_CSV_ISSUES = 100;

export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end === -1 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = first.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** RFC 4180 parser. Blank lines are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const rec: string[] = [];
    while (true) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        while (true) {
          const q = text.indexOf('"', i);
          if (q === -1) return { ok: false, error: makeIssue('csv.unclosed_quote', { row: quoteLine }, { line: quoteLine }) };
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          field += chunk;
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept as text.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      rec.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(rec.length === 1 && rec[0].trim() === '')) {
      records.push(rec);
      lines.push(startLine);
    }
  }
  const [header = [], ...rows] = records;
  return { ok: true, table: { delimiter, header, rows, rowLines: lines.slice(1) } };
}

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_\-()（）[\]°]/g, '');

/** Index of the longitude and latitude columns, or null. */
export function findLonLatColumns(header: string[]): { lon: number; lat: number } | null {
  const names = header.map(norm);
  const find = (cands: string[], zh: string) => {
    for (const c of cands) {
      const k = names.indexOf(c);
      if (k !== -1) return k;
    }
    return names.findIndex((h) => h.includes(zh));
  };
  const lon = find(LON_NAMES, '经度');
  const lat = find(LAT_NAMES, '纬度');
  return lon !== -1 && lat !== -1 && lon !== lat ? { lon, lat } : null;
}

const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function parseCoord(raw: string, delimiter: string): number | null {
  let s = raw.trim().replace(/°$/, '');
  if (delimiter !== ',' && /^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

function uniqueHeader(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, k) => {
    const base = h.trim() || `column_${k + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

export function csvToGeoJSON(text: string): CsvImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error], warnings: [] };
  return tableToGeoJSON(parsed.table);
}

/** A parsed table (CSV, or an Excel sheet as text cells) → points from its lon/lat columns. */
export function tableToGeoJSON(table: CsvTable): CsvImportResult {
  const { header, rows, rowLines, delimiter } = table;
  const cols = findLonLatColumns(header);
  if (!cols) {
    const headers = header.slice(0, 12).map((h) => JSON.stringify(h.trim())).join(', ') || '—';
    return { ok: false, errors: [makeIssue('csv.no_lonlat', { headers }, { line: 1 })], warnings: [] };
  }
  if (rows.length === 0) return { ok: false, errors: [makeIssue('csv.no_rows', {}, { line: 2 })], warnings: [] };
  const names = uniqueHeader(header);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  let more = 0;
  const push = (list: Issue[], i: Issue) => (list.length < MAX_CSV_ISSUES ? list.push(i) : more++);

  const numeric = names.map((_, k) => {
    let any = false;
    for (const r of rows) {
      const v = (r[k] ?? '').trim();
      if (v === '') continue;
      if (!PLAIN_NUMBER.test(v)) return false;
      any = true;
    }
    return any;
  });

  const features: Feature<Point>[] = [];
  rows.forEach((r, ri) => {
    const line = rowLines[ri];
    if (r.length !== header.length) {
      push(warnings, makeIssue('csv.ragged_row', { row: line, count: r.length, expected: header.length }, { line }));
    }
    const lon = parseCoord(r[cols.lon] ?? '', delimiter);
    const lat = parseCoord(r[cols.lat] ?? '', delimiter);
    for (const [v, k] of [
      [lon, cols.lon],
      [lat, cols.lat],
    ] as const) {
      if (v === null) push(errors, makeIssue('csv.bad_number', { row: line, column: header[k].trim(), value: (r[k] ?? '').slice(0, 40) }, { line, featureIndex: ri }));
    }
    const properties: Record<string, string | number | null> = {};
    names.forEach((name, k) => {
      if (k === cols.lon || k === cols.lat) return;
      const raw = r[k] ?? '';
      properties[name] = numeric[k] ? (raw.trim() === '' ? null : Number(raw)) : raw;
    });
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon ?? NaN, lat ?? NaN] } });
  });
  if (more) (errors.length ? errors : warnings).push(makeIssue('errors.more', { count: more }));
  if (errors.length) return { ok: false, errors, warnings };
  return {
    ok: true,
    data: { type: 'FeatureCollection', features },
    warnings,
    rowLines,
    columns: { lon: header[cols.lon].trim(), lat: header[cols.lat].trim() },
  };
}
