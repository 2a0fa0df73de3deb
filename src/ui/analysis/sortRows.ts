// Sorting the per-zone table (pure).
import type { CoverageZoneRow } from '../../analysis/coverage';
import type { Lang } from '../../i18n/strings';

export type SortKey = 'name' | 'coveredPct' | 'coveredPopulation' | 'facilities';

/** Rows sorted by a column; missing numbers (no population) sort as the smallest. Stable. */
export function sortRows(rows: readonly CoverageZoneRow[], key: SortKey, dir: 1 | -1, lang: Lang): CoverageZoneRow[] {
  const val = (r: CoverageZoneRow) => (key === 'name' ? r.name : (r[key] ?? -Infinity));
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, lang === 'zh' ? 'zh-CN' : 'en') * dir;
    const nx = x as number;
    const ny = y as number;
    return nx === ny ? 0 : (nx < ny ? -1 : 1) * dir;
  });
}
