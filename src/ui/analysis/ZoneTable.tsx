// The per-zone coverage table, sortable by any column.
import { useMemo, useState } from 'react';
import type { CoverageResult } from '../../analysis/coverage';
import type { Lang } from '../../i18n/strings';
import { fill, fmtNum, fmtPct, tr } from './strings';
import { sortRows, type SortKey as Key } from './sortRows';

export function ZoneTable({ result, facilityCount, namesEn, lang }: { result: CoverageResult; facilityCount: number; namesEn?: Record<string, string>; lang: Lang }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 } | null>(null);
  const rows = useMemo(() => (sort ? sortRows(result.perZone, sort.key, sort.dir, lang) : result.perZone), [result, sort, lang]);
  const head = (key: Key, label: string, title?: string) => {
    const on = sort?.key === key;
    const aria = on ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none';
    return (
      <th aria-sort={aria} className={key === 'name' ? '' : 'num'} title={title}>
        <button type="button" data-sort={key} onClick={() => setSort(on && sort.dir === -1 ? { key, dir: 1 } : { key, dir: on ? 1 : key === 'name' ? 1 : -1 })}>
          {label}
          <span className="an-sort" aria-hidden>{on ? (sort.dir === 1 ? '▲' : '▼') : ''}</span>
        </button>
      </th>
    );
  };
  const dash = '—';
  return (
    <table className="an-table">
      <thead>
        <tr>
          {head('name', tr('zone', lang))}
          {head('coveredPct', tr('coveredPct', lang))}
          {head('coveredPopulation', tr('residents', lang))}
          {head('facilities', tr('facilitiesCounted', lang), tr('facilitiesTip', lang))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-zone={r.id} data-covered-pct={r.coveredPct} data-population={r.population ?? ''} data-covered-population={r.coveredPopulation ?? ''} data-cell={r.cellSizeM} data-error-m2={r.errorM2} data-refined={r.refined || undefined}>
            <td>{(lang === 'en' && namesEn?.[r.name]) || r.name}{r.refined ? ' *' : ''}</td>
            <td className="num" title={fill(tr('rowError', lang), { err: fmtNum(r.errorM2 / 1e6, lang, 3), cell: fmtNum(r.cellSizeM, lang, r.cellSizeM < 10 ? 2 : 1) })}>
              <span className="an-bar" style={{ width: `${Math.min(100, r.coveredPct)}%` }} aria-hidden />
              <span className="an-bar-label">{fmtPct(r.coveredPct, lang)}</span>
            </td>
            <td className="num">{r.coveredPopulation === null ? dash : fmtNum(r.coveredPopulation, lang)}</td>
            <td className="num">
              {r.facilities}
              {r.facilitiesInside !== r.facilities && <span className="an-inside"> ({r.facilitiesInside})</span>}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-covered-pct={result.coveredPct} data-population={result.population ?? ''} data-covered-population={result.coveredPopulation ?? ''}>
          <th scope="row">{tr('totals', lang)}</th>
          <td className="num">{fmtPct(result.coveredPct, lang)}</td>
          <td className="num">{result.coveredPopulation === null ? dash : fmtNum(result.coveredPopulation, lang)}</td>
          <td className="num">{facilityCount}</td>
        </tr>
      </tfoot>
    </table>
  );
}
