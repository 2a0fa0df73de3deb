// Excel .xlsx (read-excel-file, not the outdated npm `xlsx`) → points. The
// first sheet, or the one named; longitude/latitude columns are found as for
// CSV (经度/纬度 included) and the rest goes through the CSV table code, with
// cells as text (numbers as JavaScript prints them, dates as ISO dates).

import readXlsxFile from 'read-excel-file/universal';
import { makeIssue, type Issue } from '../messages.ts';
import { tableToGeoJSON, type CsvImportResult } from './csv.ts';

export type XlsxRead = (CsvImportResult & { sheet?: string; sheets: string[] }) | { ok: false; errors: Issue[]; warnings: Issue[]; sheets: string[] };

const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().replace(/T00:00:00\.000Z$/, '') : String(v);

export async function readXlsx(bytes: Uint8Array, file: string, sheet?: string | number): Promise<XlsxRead> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(ab)) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    return { ok: false, errors: [makeIssue('xlsx.unreadable', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 160) }, { file })], warnings: [], sheets: [] };
  }
  const names = sheets.map((s) => s.sheet);
  const list = names.map((n) => `"${n}"`).join(', ') || '—';
  const chosen = sheet === undefined || sheet === '' ? sheets[0] : typeof sheet === 'number' ? sheets[sheet] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) return { ok: false, errors: [makeIssue('xlsx.sheet_missing', { sheet: String(sheet), list }, { file })], warnings: [], sheets: names };
  const rows = chosen.data.map((r) => r.map(cellText));
  const firstRow = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const [header = [], ...body] = firstRow < 0 ? [] : rows.slice(firstRow);
  const kept = body.map((r, i) => ({ r, line: firstRow + 2 + i })).filter((x) => x.r.some((c) => c.trim() !== ''));
  const r = tableToGeoJSON({ delimiter: ',', header, rows: kept.map((x) => x.r), rowLines: kept.map((x) => x.line) });
  const where = (i: Issue): Issue => ({ ...i, file: `${file} [${chosen.sheet}]` });
  if (!r.ok) {
    const errors = r.errors.map((e) =>
      e.code === 'csv.no_lonlat'
        ? makeIssue('xlsx.no_lonlat', { sheet: chosen.sheet, headers: header.slice(0, 12).map((h) => JSON.stringify(h.trim())).join(', ') || '—', list }, { file: `${file} [${chosen.sheet}]`, line: 1 })
        : where(e),
    );
    return { ok: false, errors, warnings: r.warnings.map(where), sheets: names };
  }
  return { ...r, warnings: r.warnings.map(where), sheet: chosen.sheet, sheets: names };
}
