// Strings of the analysis tab, Chinese first.
import type { LocalText } from '../../catalog/types';
import type { Lang } from '../../i18n/strings';

export const A = {
  tabCoverage: { zh: '覆盖分析', en: 'Coverage' },
  tabTargets: { zh: '规划目标', en: 'Plan targets' },
  facilities: { zh: '设施图层', en: 'Facility layers' },
  facilitiesHint: { zh: '点、面或线图层，可多选', en: 'Point, polygon or line layers; several allowed' },
  types: { zh: '项目类型', en: 'Project types' },
  allTypes: { zh: '全部类型', en: 'All types' },
  minutes: { zh: '步行时间', en: 'Walking time' },
  speed: { zh: '步速（公里/时）', en: 'Speed (km/h)' },
  speedTip: {
    zh: '默认 4 公里/小时（约 1.1 米/秒），低于健康成年人的自由步速，兼顾老年人和路口等候；15 分钟 × 4 公里/小时 = 1000 米，与 GB 50180 的 15 分钟生活圈上限一致。',
    en: 'Default 4 km/h (about 1.1 m/s): slower than healthy adults walk freely, to allow for older walkers and waits at crossings; 15 minutes at 4 km/h is 1,000 m, the upper bound of the GB 50180 15-minute circle.',
  },
  detour: { zh: '绕行系数', en: 'Detour factor' },
  detourTip: {
    zh: '沿街道步行距离与直线距离之比。城市路网的短途出行约为 1.2–1.4（路网越密越接近 1.2，大街区、河流、铁路使其变大）。圆形模式用步行距离除以该系数得到直线半径；网络模式沿实际路网计算，不使用该系数。',
    en: 'Distance walked along streets over straight-line distance. Short urban trips are about 1.2–1.4 (finer grids nearer 1.2; superblocks, rivers and railways push it up). Circle mode divides the walking distance by it to get the radius; network mode walks the real network and ignores it.',
  },
  area: { zh: '评估范围', en: 'Assessment area' },
  areaAll: { zh: '全部要素', en: 'All features' },
  population: { zh: '人口来源', en: 'Residents from' },
  popAuto: { zh: '自动', en: 'Automatic' },
  popTip: { zh: '自动：评估范围自带 population_2020 时直接使用，否则把各区 2020 年人口按面积分摊。覆盖人口按覆盖面积比例加权。', en: 'Automatic: the area layer’s population_2020 where present, else each district’s 2020 residents spread evenly over its area. Covered residents are weighted by covered area.' },
  network: { zh: '步行网络', en: 'Walk network' },
  more: { zh: '更多选项', en: 'More options' },
  networkNone: { zh: '无：直线距离 ÷ 绕行系数', en: 'None: straight line ÷ detour factor' },
  networkHint: { zh: '选择线图层（如加载的街道网）后，沿网络计算最短路径', en: 'With a line layer (e.g. a loaded street network) reach follows shortest paths along it' },
  target: { zh: '对应规划目标', en: 'Answers plan target' },
  targetAuto: { zh: '自动（按设施图层推断）', en: 'Automatic (from the facility layers)' },
  targetNone: { zh: '不对应', en: 'None' },
  cell: { zh: '栅格精度', en: 'Grid resolution' },
  level: { zh: '立交层级属性', en: 'Level attribute' },
  levelAuto: { zh: '自动（layer / bridge / tunnel）', en: 'Automatic (layer / bridge / tunnel)' },
  levelTip: {
    zh: '不同层级的线（桥梁、隧道）相交处不连通，只在线端相接。自动：按 layer、bridge、tunnel 属性判断；也可指定其他属性，其值不同的线互不相交。',
    en: 'Lines on different levels (bridges, tunnels) do not meet where they cross, only at their ends. Automatic reads layer, bridge and tunnel; or name another attribute: lines with different values never meet mid-way.',
  },
  resolutionNote: { zh: '计算栅格 {cell} 米（CGCS2000 高斯–克吕格 117°E，EPSG:4548，面积按椭球面改正）；覆盖面积误差上限 ±{err} 平方公里', en: 'Counted on {cell} m cells (CGCS2000 Gauss–Krüger 117°E, EPSG:4548, areas corrected to the ellipsoid); covered area within ±{err} km² (worst case)' },
  outlineNote: { zh: '地图轮廓按 {cell} 米栅格绘制', en: 'Outlines drawn on {cell} m cells' },
  overlapNote: { zh: '评估范围中的区域有重叠：合计按并集计算，重叠部分只计一次', en: 'Some zones overlap: totals are over their union, shared area counted once' },
  refinedNote: { zh: '* 区域小于计算栅格，已用该区域自身的更细栅格计算', en: '* Zone smaller than the grid: recomputed on a finer grid of its own' },
  rowError: { zh: '误差上限 ±{err} 平方公里 · 栅格 {cell} 米', en: 'Error bound ±{err} km² · {cell} m cells' },
  cellAuto: { zh: '自动', en: 'Automatic' },
  run: { zh: '运行分析', en: 'Run analysis' },
  cancel: { zh: '取消', en: 'Cancel' },
  running: { zh: '正在计算…', en: 'Computing…' },
  cancelled: { zh: '分析已取消', en: 'Analysis cancelled' },
  autoNote: { zh: '参数改变后自动重新计算', en: 'Changing a parameter recomputes automatically' },
  reset: { zh: '恢复默认', en: 'Reset' },
  totals: { zh: '合计', en: 'Total' },
  coveredArea: { zh: '覆盖面积', en: 'Covered area' },
  coveredResidents: { zh: '覆盖人口', en: 'Covered residents' },
  zone: { zh: '区域', en: 'Zone' },
  coveredPct: { zh: '覆盖率', en: 'Covered' },
  residents: { zh: '覆盖人口', en: 'Residents covered' },
  facilitiesCounted: { zh: '设施数', en: 'Facilities' },
  facilitiesTip: { zh: '服务范围到达该区域的设施数（括号内为位于区内的设施数）', en: 'Facilities whose reach touches the zone (in brackets: standing inside it)' },
  exportCsv: { zh: '导出表格 CSV', en: 'Export table (CSV)' },
  exportGeo: { zh: '导出覆盖范围 GeoJSON', en: 'Export coverage (GeoJSON)' },
  legendCovered: { zh: '覆盖范围', en: 'Covered' },
  legendUncovered: { zh: '未覆盖', en: 'Not covered' },
  legendEdges: { zh: '可达路段', en: 'Reached streets' },
  noPopulation: { zh: '无人口数据', en: 'no population data' },
  stale: { zh: '结果对应上一次参数', en: 'Result is for the previous settings' },
  // targets
  measured: { zh: '测得', en: 'Measured' },
  targetCol: { zh: '目标', en: 'Target' },
  citation: { zh: '出处', en: 'Plan' },
  met: { zh: '已达标', en: 'Met' },
  not_met: { zh: '未达标', en: 'Not met' },
  incomplete: { zh: '数据不全', en: 'Incomplete data' },
  incompleteRun: {
    zh: '数据不全：设施图层不完整，覆盖率偏低，不据此判断是否达标。',
    en: 'Incomplete data: the facility layer is not complete, so coverage is understated and no verdict is drawn from it.',
  },
  needs_data: { zh: '需要数据', en: 'Needs data' },
  targetsIntro: {
    zh: '规划中可由地图计算的指标。数值只来自已加载的图层；图层不完整时标为“数据不全”并说明原因，不判为未达标。',
    en: 'The plan’s targets the map can compute, measured only from the loaded layers; where a layer is incomplete the row says “incomplete data” and why, never “not met”.',
  },
  measuredOver: { zh: '评估范围', en: 'Measured over' },
  byDistrict: { zh: '分区', en: 'By district' },
} satisfies Record<string, LocalText>;

export type AKey = keyof typeof A;

export const tr = (k: AKey, lang: Lang) => A[k][lang];

export function fmtNum(v: number, lang: Lang, digits = 0): string {
  return v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Put values into a {name} template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

export function fmtPct(v: number, lang: Lang): string {
  return `${fmtNum(v, lang, 1)}%`;
}
