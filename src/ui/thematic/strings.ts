// Strings of the thematic style editor and legend, Chinese first.
import type { LocalText } from '../../catalog/types';
import type { Lang } from '../../i18n/strings';

export const TH = {
  tab: { zh: '专题', en: 'Thematic' },
  layer: { zh: '图层', en: 'Layer' },
  kind: { zh: '表达方式', en: 'Style' },
  kind_graduated: { zh: '分级设色', en: 'Graduated colours' },
  kind_categories: { zh: '分类设色', en: 'Categories' },
  kind_circles: { zh: '分级符号（圆点大小）', en: 'Graduated circles' },
  kind_heatmap: { zh: '热力图', en: 'Heat map' },
  kind_none: { zh: '目录样式（仅标注）', en: 'Catalog style (labels only)' },
  field: { zh: '属性字段', en: 'Attribute' },
  weightNone: { zh: '（不加权）', en: '(unweighted)' },
  method: { zh: '分级方法', en: 'Classification' },
  method_quantile: { zh: '分位数', en: 'Quantile' },
  method_equal: { zh: '等间距', en: 'Equal interval' },
  method_natural: { zh: '自然断点（ckmeans）', en: 'Natural breaks (ckmeans)' },
  method_jenks: { zh: '自然断点（Jenks）', en: 'Natural breaks (Jenks)' },
  method_stddev: { zh: '标准差', en: 'Standard deviation' },
  method_manual: { zh: '手动断点', en: 'Manual breaks' },
  method_target: { zh: '对照目标（达标/接近/未达标）', en: 'Target (meets / close / misses)' },
  classes: { zh: '级数', en: 'Classes' },
  breaks: { zh: '断点（逗号分隔）', en: 'Breaks (comma-separated)' },
  threshold: { zh: '目标值', en: 'Target value' },
  closeBand: { zh: '“接近”区间（目标值的 %，0 为两级）', en: '"Close" band (% of target; 0 = two classes)' },
  direction: { zh: '达标方向', en: 'Meets when' },
  dirMin: { zh: '不低于目标', en: 'at least the target' },
  dirMax: { zh: '低于目标', en: 'below the target' },
  planTarget: { zh: '规划目标', en: 'Plan target' },
  ramp: { zh: '色带', en: 'Colour ramp' },
  reverse: { zh: '反转色带', en: 'Reverse ramp' },
  topN: { zh: '只显示最多的 N 类（其余归为“其他”；0 为全部）', en: 'Most frequent N values (rest as "other"; 0 = all)' },
  label: { zh: '标注字段', en: 'Label field' },
  labelNone: { zh: '（默认）', en: '(default)' },
  clear: { zh: '恢复目录样式', en: 'Back to the catalog style' },
  legend: { zh: '图例', en: 'Legend' },
  other: { zh: '其他', en: 'Other' },
  missing: { zh: '无数据', en: 'No data' },
  meets: { zh: '达标', en: 'Meets' },
  close: { zh: '接近', en: 'Close' },
  misses: { zh: '未达标', en: 'Misses' },
  up: { zh: '上移', en: 'Move up' },
  down: { zh: '下移', en: 'Move down' },
  rename: { zh: '重命名', en: 'Rename' },
  kept: { zh: '计入要素', en: 'Features counted' },
  loadingData: { zh: '正在读取图层数据…', en: 'Reading the layer data…' },
  noFields: { zh: '该图层没有可用属性', en: 'This layer has no usable attributes' },
  join: { zh: '连接统计表', en: 'Join a statistics table' },
  joinHint: { zh: 'CSV（UTF-8 或 GBK）或 Excel .xlsx（第一个工作表）。按名称匹配时“和平区”与“和平”、“新立街道”与“新立”视为相同。连接结果作为新图层加入“我的数据”。', en: 'CSV (UTF-8 or GBK) or Excel .xlsx (first sheet). Matching by name treats 和平区 and 和平, 新立街道 and 新立 as the same. The result is added as a new layer under My data.' },
  joinFile: { zh: '选择表格文件', en: 'Choose a table file' },
  joinLayerKey: { zh: '图层字段', en: 'Layer key' },
  joinTableKey: { zh: '表格字段', en: 'Table key' },
  joinMatch: { zh: '匹配方式', en: 'Match by' },
  joinByName: { zh: '名称（忽略区/街道/镇/乡）', en: 'Name (ignoring 区/街道/镇/乡)' },
  joinByCode: { zh: '代码（完全一致）', en: 'Code (exact)' },
  joinRun: { zh: '连接并加入图层', en: 'Join and add the layer' },
  joinResult: { zh: '匹配要素', en: 'Features matched' },
  joinUnmatched: { zh: '未匹配的表格行', en: 'Table rows not matched' },
  joinDuplicates: { zh: '重复键（仅第一行生效）', en: 'Duplicate keys (the first row wins)' },
  joinRow: { zh: '第 {n} 行', en: 'row {n}' },
  joinBadFile: { zh: '表格无法读取', en: 'The table could not be read' },
  polygonOnly: { zh: '只能连接到面图层', en: 'Tables join to polygon layers only' },
} satisfies Record<string, LocalText>;

export type ThKey = keyof typeof TH;

export function tx(key: ThKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  let s: string = TH[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}
