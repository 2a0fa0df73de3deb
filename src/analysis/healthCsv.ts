// The health-check table as CSV, one row per unit and indicator, each row carrying the
// indicator's unit, target, verdict, note, sources and date. Shared by the panel and the CLI.
import { toCsv } from './coverageCsv.ts';
import type { HealthTable } from './healthCheck.ts';

const HEAD = {
  zh: ['单元编号', '单元', '指标编号', '指标', '数值', '单位', '规划目标', '是否达标', '说明', '计算方法', '来源', '单元来源', '步行分钟', '日期'],
  en: ['unit_id', 'unit', 'indicator_id', 'indicator', 'value', 'unit_of_measure', 'target', 'meets', 'note', 'formula', 'sources', 'units_source', 'walk_minutes', 'date'],
};
const VERDICT = { zh: { true: '达标', false: '未达标' }, en: { true: 'meets', false: 'misses' } };
const NO_DATA = { zh: '无数据', en: 'no data' };

export function healthCsv(t: HealthTable, lang: 'zh' | 'en' = 'zh', opts: { bom?: boolean } = {}): string {
  const rows: unknown[][] = [];
  t.units.forEach((u, i) => {
    for (const ind of t.indicators) {
      const c = ind.cells[i];
      const value = c.value === null ? NO_DATA[lang] : Number(c.value.toFixed(ind.digits + 2));
      const target = ind.target ? `${ind.target.target} ${ind.target.unit} (${ind.target.plan_ref})` : '';
      const meets = c.meets === null ? '' : VERDICT[lang][String(c.meets) as 'true' | 'false'];
      rows.push([u.id, u.name, ind.id, ind.name[lang], value, ind.unit[lang], target, meets, c.note?.[lang] ?? '', ind.formula[lang], ind.sources[lang], t.unitsSource[lang], t.minutes, t.date]);
    }
  });
  return toCsv(HEAD[lang], rows, opts);
}
