// UI strings of the filter panel, the feature table and the place search.
import type { LocalText } from '../../catalog/types';
import type { Lang } from '../../i18n/strings';

export const FS = {
  layer: { zh: '图层', en: 'Layer' },
  noLayers: { zh: '没有可见图层。请先在“图层”中打开一个图层。', en: 'No visible layers. Turn one on under “Layers” first.' },
  shown: { zh: '显示 {n} / 共 {m}', en: 'Showing {n} of {m}' },
  computing: { zh: '计算中…', en: 'Working…' },
  table: { zh: '表格', en: 'Table' },
  openTable: { zh: '在表格中查看', en: 'Show in the table' },
  clear: { zh: '清除筛选', en: 'Clear filter' },
  clearAll: { zh: '全部清除', en: 'Clear all' },
  remove: { zh: '移除', en: 'Remove' },
  text: { zh: '文本搜索', en: 'Text search' },
  textHint: { zh: '名称或属性中包含…', en: 'Name or attribute contains…' },
  spatial: { zh: '空间范围', en: 'Area' },
  byDistrict: { zh: '位于区界范围内（空间）', en: 'Inside district boundaries (spatial)' },
  drawn: { zh: '绘制范围', en: 'Drawn area' },
  drawPolygon: { zh: '画多边形', en: 'Draw polygon' },
  drawRect: { zh: '画矩形', en: 'Draw rectangle' },
  drawClear: { zh: '清除范围', en: 'Clear area' },
  drawCancel: { zh: '取消绘制', en: 'Cancel drawing' },
  drawHintPolygon: { zh: '单击添加顶点，双击或回车完成，Esc 取消', en: 'Click to add vertices; double-click or Enter to finish; Esc to cancel' },
  drawHintRect: { zh: '在地图上拖动画出矩形，Esc 取消', en: 'Drag on the map to draw a rectangle; Esc to cancel' },
  drawnActive: { zh: '已按绘制范围筛选', en: 'Filtered by a drawn area' },
  attributes: { zh: '属性', en: 'Attributes' },
  min: { zh: '最小', en: 'Min' },
  max: { zh: '最大', en: 'Max' },
  blank: { zh: '（空）', en: '(blank)' },
  more: { zh: '另有 {n} 个值未列出', en: '{n} more values not listed' },
  loadingData: { zh: '正在读取图层数据…', en: 'Reading the layer data…' },
  activeFilters: { zh: '当前筛选', en: 'Active filters' },
  tableTitle: { zh: '属性表', en: 'Attribute table' },
  tableRows: { zh: '{n} 行', en: '{n} rows' },
  tableOf: { zh: '{n} 行（共 {m}）', en: '{n} rows (of {m})' },
  close: { zh: '关闭', en: 'Close' },
  sortBy: { zh: '按此列排序', en: 'Sort by this column' },
  noRows: { zh: '没有符合筛选条件的要素', en: 'No feature matches the filter' },
  search: { zh: '搜索地名', en: 'Search places' },
  searchHint: { zh: '搜索地名（中文或英文）', en: 'Search places (Chinese or English)' },
  noHits: { zh: '没有找到', en: 'No match' },
  searching: { zh: '正在建立索引…', en: 'Indexing…' },
} satisfies Record<string, LocalText>;

export type FsKey = keyof typeof FS;

export function tf(key: FsKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return FS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in values ? String(values[k]) : `{${k}}`));
}

/** Numbers as text, grouped the local way. */
export function num(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}
