// Every user-facing string of the interface, in Chinese and English.
import type { LocalText } from '../catalog/types';

export type Lang = 'zh' | 'en';

export const STRINGS = {
  appTitle: { zh: '天津城市更新行动地图', en: 'Tianjin Urban Renewal Map' },
  appSubtitle: { zh: '《天津市城市更新行动计划（2023—2027年）》空间内容', en: 'Spatial content of the Tianjin Urban Renewal Action Plan 2023–2027' },
  layers: { zh: '图层', en: 'Layers' },
  langSwitch: { zh: 'English', en: '中文' },
  basemap: { zh: '底图', en: 'Basemap' },
  basemapOffline: { zh: '内置底图（离线）', en: 'Embedded (offline)' },
  basemapOsm: { zh: 'OpenStreetMap（在线）', en: 'OpenStreetMap (online)' },
  basemapTianditu: { zh: '天地图（在线，需密钥）', en: 'Tianditu (online, needs key)' },
  tiandituKey: { zh: '天地图密钥', en: 'Tianditu key' },
  tiandituKeyHint: { zh: '密钥只保存在本机浏览器中', en: 'The key stays in this browser only' },
  opacity: { zh: '不透明度', en: 'Opacity' },
  zoomTo: { zh: '缩放至图层', en: 'Zoom to layer' },
  features: { zh: '要素', en: 'features' },
  source: { zh: '来源', en: 'Source' },
  sourceCrs: { zh: '原始坐标系', en: 'Source CRS' },
  accuracy: { zh: '精度', en: 'Accuracy' },
  planRef: { zh: '规划出处', en: 'Plan reference' },
  close: { zh: '关闭', en: 'Close' },
  properties: { zh: '属性', en: 'Properties' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  loadFailed: { zh: '图层目录加载失败', en: 'Could not load the layer catalogue' },
  metres: { zh: '米', en: 'm' },
  about: { zh: '关于数据', en: 'About the data' },
  noticeDismiss: { zh: '知道了', en: 'Dismiss' },
  clickHint: { zh: '点击要素查看属性', en: 'Click a feature to see its properties' },
  groupFramework: { zh: '空间格局', en: 'Spatial framework' },
  groupHeritage: { zh: '历史文化', en: 'Heritage' },
  groupSafety: { zh: '安全韧性', en: 'Safety' },
  groupGreen: { zh: '蓝绿空间', en: 'Green space' },
  groupProjects: { zh: '更新项目', en: 'Renewal projects' },
  groupContext: { zh: '参考要素', en: 'Context' },
  groupUser: { zh: '我的数据', en: 'My data' },
  tabLayers: { zh: '图层', en: 'Layers' },
  tabFilters: { zh: '筛选', en: 'Filter' },
  tabAnalysis: { zh: '分析', en: 'Analysis' },
  tabData: { zh: '数据', en: 'Data' },
  // a loaded layer: completeness and field mapping
  fieldsTitle: { zh: '字段与完整性', en: 'Fields and completeness' },
  declareComplete: { zh: '此图层是完整名录（可据此判断规划目标是否达标）', en: 'This layer is a complete list (plan targets may be judged from it)' },
  declaredComplete: { zh: '已声明完整', en: 'declared complete' },
  declareCompleteHint: {
    zh: '未声明完整的图层只给出测得值，标为“数据不全”，不判为未达标。',
    en: 'A layer not declared complete gives a measured value marked “incomplete data”, never “not met”.',
  },
  roleBeds: { zh: '床位数（医疗）', en: 'Beds (medical)' },
  rolePlaces: { zh: '托位数（托育）', en: 'Places (childcare)' },
  roleArea: { zh: '体育场地面积（平方米）', en: 'Sports ground area (m²)' },
  rolePopulation: { zh: '人口', en: 'Population' },
  // keyboard
  sidebar: { zh: '面板', en: 'Panels' },
  skipLinks: { zh: '跳转链接', en: 'Skip links' },
  skipToSearch: { zh: '跳到地点搜索', en: 'Skip to place search' },
  skipToPanels: { zh: '跳到图层与分析面板', en: 'Skip to the layer and analysis panels' },
  // custom basemap
  customBasemap: { zh: '自定义底图', en: 'Custom basemap' },
  customBasemapAdd: { zh: '添加自定义底图…', en: 'Add your own basemap…' },
  customBasemapName: { zh: '名称', en: 'Name' },
  customBasemapUrl: { zh: '地址（瓦片、样式或 PMTiles）', en: 'Address (tiles, style or PMTiles)' },
  customBasemapHint: {
    zh: '栅格瓦片地址含 {z}/{x}/{y}；样式地址以 .json 结尾；PMTiles 文件以 .pmtiles 结尾。只保存在本机浏览器中，不写入链接。',
    en: 'Raster tiles contain {z}/{x}/{y}; a style ends in .json; a PMTiles archive in .pmtiles. Kept in this browser only, never in the link.',
  },
  customBasemapSave: { zh: '保存并使用', en: 'Save and use' },
  customBasemapRemove: { zh: '删除自定义底图', en: 'Remove it' },
  pmtilesUnreadable: { zh: '无法读取该 PMTiles 文件（地址有误或服务器不支持 Range 请求）', en: 'The PMTiles archive cannot be read (wrong address, or the server does not answer range requests)' },
  tabThematic: { zh: '专题', en: 'Thematic' },
  tabHealth: { zh: '体检', en: 'Health check' },
} satisfies Record<string, LocalText>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

export function pick(text: LocalText | undefined, lang: Lang): string {
  return text ? text[lang] || text.zh : '';
}

export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in values ? String(values[k]) : `{${k}}`));
}
