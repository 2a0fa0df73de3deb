// Strings of the city health check panel, Chinese first.
import type { LocalText } from '../../catalog/types';
import type { Lang } from '../../i18n/strings';

export const HS = {
  title: { zh: '城市体检', en: 'City health check' },
  intro: { zh: '按单元计算的体检指标，对照《行动计划》目标。缺少数据时注明原因，不以 0 代替。', en: 'Health-check indicators per unit, against the Action Plan targets. Where data is missing the cell says why instead of showing 0.' },
  units: { zh: '体检单元', en: 'Units' },
  drill: { zh: '下钻到区内', en: 'Drill down into' },
  drillNone: { zh: '（不下钻）', en: '(no drill-down)' },
  finer: { zh: '细分单元图层', en: 'Finer units layer' },
  finerNone: { zh: '请先加载街道等更细的面图层', en: 'Load a finer polygon layer (e.g. streets) first' },
  minutes: { zh: '步行时间', en: 'Walking time' },
  min: { zh: '{n} 分钟', en: '{n} min' },
  facility: { zh: '设施图层（可达性指标）', en: 'Facility layer (access indicator)' },
  facilityNone: { zh: '（未选择）', en: '(none)' },
  indicator: { zh: '指标', en: 'Indicator' },
  unit: { zh: '单元', en: 'Unit' },
  value: { zh: '数值', en: 'Value' },
  target: { zh: '规划目标', en: 'Plan target' },
  verdict: { zh: '是否达标', en: 'Meets?' },
  meets: { zh: '达标', en: 'meets' },
  misses: { zh: '未达标', en: 'misses' },
  noData: { zh: '无数据', en: 'no data' },
  formula: { zh: '计算方法', en: 'Formula' },
  sources: { zh: '来源', en: 'Sources' },
  measure: { zh: '单位', en: 'Unit of measure' },
  showMap: { zh: '在地图上显示', en: 'Show on the map' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  computing: { zh: '正在计算…', en: 'Computing…' },
  summary: { zh: '{m} / {n} 个单元达标', en: '{m} of {n} units meet the target' },
  noTarget: { zh: '规划未设目标', en: 'No plan target' },
  layerTitle: { zh: '城市体检：{u}', en: 'Health check: {u}' },
  failed: { zh: '计算失败', en: 'Computation failed' },
} satisfies Record<string, LocalText>;

export type HsKey = keyof typeof HS;

export function hs(key: HsKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  let s: string = HS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
