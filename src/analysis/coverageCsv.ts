// The coverage table as a CSV download (not the CSV importer, which is io/csv.ts).
// Tables to CSV for download: UTF-8 with a byte-order mark (so Excel opens
// Chinese text correctly), CRLF line ends; cells quoted and formula-guarded by
// the same csvCell as the feature export.
import { csvCell } from '../io/exportCsv.ts';
import type { CoverageZoneRow } from './coverage.ts';

export const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return (opts.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n';
}

const HEADERS = {
  zh: ['编号', '名称', '面积（平方公里）', '覆盖面积（平方公里）', '覆盖率（%）', '人口', '覆盖人口', '服务到本区的设施数', '位于区内的设施数', '栅格（米）', '覆盖面积误差上限（平方公里）'],
  en: ['id', 'name', 'area_km2', 'covered_km2', 'covered_pct', 'population', 'covered_population', 'facilities_reaching', 'facilities_inside', 'cell_m', 'error_bound_km2'],
};

const round = (v: number | null, d: number) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/** The per-zone coverage table as CSV, with headers in the chosen language. */
export function coverageTableCsv(rows: readonly CoverageZoneRow[], lang: 'zh' | 'en' = 'zh'): string {
  return toCsv(
    HEADERS[lang],
    rows.map((r) => [
      r.id,
      r.name,
      round(r.areaM2 / 1e6, 3),
      round(r.coveredM2 / 1e6, 3),
      round(r.coveredPct, 1),
      round(r.population, 0),
      round(r.coveredPopulation, 0),
      r.facilities,
      r.facilitiesInside,
      round(r.cellSizeM, 2),
      round(r.errorM2 / 1e6, 4),
    ]),
  );
}
