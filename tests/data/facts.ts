// The facts files (seeds/facts/*.csv) as records, read with the app's own CSV parser.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/io/formats/csv';

export function readFacts(file: string): Record<string, string>[] {
  const r = parseCsv(readFileSync(`seeds/facts/${file}`, 'utf8'), ',');
  if (!r.ok) throw new Error(`seeds/facts/${file}: ${r.error.message.en}`);
  const { header, rows } = r.table;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}
