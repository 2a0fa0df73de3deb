// Join a planner's statistics table (CSV) to a polygon layer by name or code; the joined
// layer is added under "My data" through the normal loader (validated, saved in the browser).
import { useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { AnyLayer } from '../../data/hooks';
import { layerData } from '../../data/registry';
import { pick } from '../../i18n/strings';
import { decodeBytes } from '../../io/decode';
import { parseCsv, type CsvTable } from '../../io/formats/csv';
import { joinTable, rowsFromSheet, type JoinResult, type JoinRow } from '../../lib/thematic/join';
import { useStore } from '../../state/store';
import { loadSource } from '../data/controller';
import { tx } from './strings';

/** The table's rows as objects keyed by the header. */
export function tableRows(t: CsvTable): Record<string, string>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? ''])));
}

interface Table {
  name: string;
  header: string[];
  rows: JoinRow[];
}

/** A CSV (UTF-8 or GBK) or the first sheet of an Excel .xlsx file as a table. */
async function readTable(file: File, lang: 'zh' | 'en'): Promise<Table | string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (/\.xlsx$/i.test(file.name)) {
    try {
      const { default: readXlsxFile } = await import('read-excel-file/universal');
      const sheets = (await readXlsxFile(bytes.buffer as ArrayBuffer)) as { sheet: string; data: unknown[][] }[];
      const t = rowsFromSheet(sheets[0]?.data ?? []);
      return { name: file.name, ...t };
    } catch (e) {
      return `${tx('joinBadFile', lang)}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const d = decodeBytes(bytes);
  if (!d.ok) return `${tx('joinBadFile', lang)}: ${d.errors.map((e) => e.message[lang]).join('; ')}`;
  const p = parseCsv(d.text);
  if (!p.ok) return `${tx('joinBadFile', lang)}: ${p.error.message[lang]}`;
  return { name: file.name, header: p.table.header, rows: tableRows(p.table) };
}

export function JoinForm({ layer, fields }: { layer: AnyLayer; fields: string[] }) {
  const lang = useStore((s) => s.lang);
  const [table, setTable] = useState<Table | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [layerKey, setLayerKey] = useState(fields.includes('name') ? 'name' : fields[0] ?? '');
  const [tableKey, setTableKey] = useState('');
  const [match, setMatch] = useState<'name' | 'code'>('name');
  const [result, setResult] = useState<JoinResult | null>(null);

  const onFile = async (file: File | undefined) => {
    setResult(null);
    setError(null);
    if (!file) return;
    const t = await readTable(file, lang);
    if (typeof t === 'string') return setError(t);
    setTable(t);
    setTableKey(t.header[0] ?? '');
  };

  const run = async () => {
    if (!table) return;
    const fc = (await layerData(layer)) as FeatureCollection;
    const r = joinTable(fc, table.rows, { layerKey, tableKey, match });
    setResult(r);
    if (!r.matchedFeatures) return;
    const title = `${pick(layer.title, lang)} + ${table.name.replace(/\.[^.]+$/, '')}`;
    const blob = new Blob([JSON.stringify(r.fc)], { type: 'application/geo+json' });
    await loadSource(blob, `${title}.geojson`, `${layer.id} ⋈ ${table.name} (${match}: ${layerKey} = ${tableKey})`);
  };

  return (
    <details className="th-join" data-th-join>
      <summary>{tx('join', lang)}</summary>
      <p className="hint">{tx('joinHint', lang)}</p>
      <label className="row">
        <span>{tx('joinFile', lang)}</span>
        <input type="file" name="th-join-file" accept=".csv,.txt,.xlsx,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      {table && (
        <>
          <label className="row">
            <span>{tx('joinLayerKey', lang)}</span>
            <select name="th-join-layer-key" value={layerKey} onChange={(e) => setLayerKey(e.target.value)}>
              {fields.map((f) => <option key={f}>{f}</option>)}
            </select>
          </label>
          <label className="row">
            <span>{tx('joinTableKey', lang)}</span>
            <select name="th-join-table-key" value={tableKey} onChange={(e) => setTableKey(e.target.value)}>
              {table.header.map((h) => <option key={h}>{h}</option>)}
            </select>
          </label>
          <label className="row">
            <span>{tx('joinMatch', lang)}</span>
            <select name="th-join-match" value={match} onChange={(e) => setMatch(e.target.value as 'name' | 'code')}>
              <option value="name">{tx('joinByName', lang)}</option>
              <option value="code">{tx('joinByCode', lang)}</option>
            </select>
          </label>
          <button name="th-join-run" onClick={() => void run()}>{tx('joinRun', lang)}</button>
        </>
      )}
      {result && (
        <div className="th-join-result" data-th-join-result>
          <p>{tx('joinResult', lang)}: {result.matchedFeatures} / {layer.feature_count}</p>
          {result.unmatched.length > 0 && (
            <>
              <p>{tx('joinUnmatched', lang)} ({result.unmatched.length}):</p>
              <ul className="th-unmatched">
                {result.unmatched.map((u) => <li key={u.row}>{tx('joinRow', lang, { n: u.row })}: {u.key}</li>)}
              </ul>
            </>
          )}
          {result.duplicates.length > 0 && <p>{tx('joinDuplicates', lang)}: {result.duplicates.map((u) => `${tx('joinRow', lang, { n: u.row })} ${u.key}`).join('；')}</p>}
        </div>
      )}
    </details>
  );
}
