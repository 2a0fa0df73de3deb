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
