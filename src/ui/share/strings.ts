// UI strings of the export, share and embed tools.
import type { LocalText } from '../../catalog/types';
import type { Lang } from '../../i18n/strings';

export const SHARE_STRINGS = {
  export: { zh: '导出', en: 'Export' },
  share: { zh: '分享', en: 'Share' },
  embed: { zh: '嵌入', en: 'Embed' },
  layer: { zh: '图层', en: 'Layer' },
  dataTitle: { zh: '导出筛选后的要素', en: 'Export the filtered features' },
  countOf: { zh: '{count} / {total} 个要素', en: '{count} of {total} features' },
  filtered: { zh: '已筛选', en: 'filtered' },
  counting: { zh: '正在统计…', en: 'Counting…' },
  geojson: { zh: 'GeoJSON', en: 'GeoJSON' },
  csvLonLat: { zh: 'CSV（经纬度）', en: 'CSV (lon/lat)' },
  csvWkt: { zh: 'CSV（WKT）', en: 'CSV (WKT)' },
  shp: { zh: 'Shapefile（.zip）', en: 'Shapefile (.zip)' },
  kml: { zh: 'KML', en: 'KML' },
  gpkg: { zh: 'GeoPackage', en: 'GeoPackage' },
  fgb: { zh: 'FlatGeobuf', en: 'FlatGeobuf' },
  exportCrs: { zh: '坐标系', en: 'Coordinates' },
  crs4326: { zh: 'WGS84 经纬度', en: 'WGS84 lon/lat' },
  crs4548: { zh: 'CGCS2000 三度带高斯-克吕格 中央经线 117°E（EPSG:4548，CAD/ArcGIS）', en: 'CGCS2000 3° Gauss–Krüger CM 117°E (EPSG:4548, CAD/ArcGIS)' },
  wgs84Only: { zh: '此格式只能是 WGS84 经纬度', en: 'This format is always WGS84 lon/lat' },
  imageTitle: { zh: '地图成果', en: 'Map output' },
  titleLabel: { zh: '标题', en: 'Title' },
  png: { zh: 'PNG 图片', en: 'PNG image' },
  print: { zh: '打印 A4', en: 'Print A4' },
  printNow: { zh: '打印', en: 'Print' },
  close: { zh: '关闭', en: 'Close' },
  legend: { zh: '图例', en: 'Legend' },
  data: { zh: '数据', en: 'Data' },
  date: { zh: '制图日期', en: 'Date' },
  subtitle: { zh: '《天津市城市更新行动计划（2023—2027年）》空间内容', en: 'Spatial content of the Tianjin Urban Renewal Action Plan 2023–2027' },
  exported: { zh: '已导出 {count} 个要素（{file}）', en: 'Exported {count} features ({file})' },
  exportFailed: { zh: '导出失败：{error}', en: 'Export failed: {error}' },
  noLayer: { zh: '没有可导出的图层', en: 'No layer to export' },
  shareTitle: { zh: '分享当前地图', en: 'Share this map' },
  shareHint: { zh: '链接包含视图、图层、筛选、分析设置、语言和底图', en: 'The link holds the view, layers, filters, analysis settings, language and basemap' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  copyManual: { zh: '无法访问剪贴板，请按 Ctrl+C 复制已选中的文本', en: 'Clipboard unavailable: press Ctrl+C to copy the selected text' },
  embedTitle: { zh: '嵌入到网页', en: 'Embed in a web page' },
  width: { zh: '宽', en: 'Width' },
  height: { zh: '高', en: 'Height' },
  origins: { zh: '允许发送指令的网站（origin，逗号分隔）', en: 'Sites allowed to send commands (origins, comma-separated)' },
  originsBad: { zh: '已忽略无效的 origin：{list}', en: 'Invalid origins ignored: {list}' },
  embedHint: {
    zh: '嵌入页只显示地图、简明图例和数据来源；按住 Ctrl 滚动缩放。宿主页面可用 postMessage 设置视图、图层和筛选，并接收要素点击。',
    en: 'The embedded page shows the map, a compact legend and attribution; Ctrl+scroll zooms. The host page can set the view, layers and filters with postMessage and receive feature clicks.',
  },
  snippet: { zh: '嵌入代码', en: 'Embed code' },
  copySnippet: { zh: '复制代码', en: 'Copy code' },
  titleOptional: { zh: '标题（可选）', en: 'Title (optional)' },
  captionFilter: { zh: '筛选', en: 'Filter' },
  sizeLabel: { zh: '尺寸', en: 'Size' },
  sizeScreen: { zh: '屏幕大小', en: 'Screen size' },
  size2x: { zh: '屏幕 2 倍', en: '2× screen' },
  sizeA4: { zh: 'A4 横向 300 dpi', en: 'A4 landscape, 300 dpi' },
  sizeA3: { zh: 'A3 横向 300 dpi', en: 'A3 landscape, 300 dpi' },
  paperLabel: { zh: '纸张', en: 'Paper' },
  printPdf: { zh: '打印 / 存为 PDF', en: 'Print / save as PDF' },
  scaleRatio: { zh: '比例尺', en: 'Scale' },
  localTitle: { zh: '链接不包含您自己加载的图层：', en: 'The link does not carry the layers you loaded:' },
  localHint: {
    zh: '这些图层只保存在本机浏览器中，对方打开链接时看不到。可导出后发送文件，或填写已发布文件的网址，让链接自动加载（?data=）。',
    en: 'They are kept in this browser only; whoever opens the link will not see them. Export and send the file, or give the address of a published copy for the link to load (?data=).',
  },
  localExport: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  localUrl: { zh: '已发布副本的网址（链接将加载它）', en: 'Address of a published copy (the link will load it)' },
  localOne: { zh: '一个链接只能携带一个 ?data= 图层。', en: 'A link can carry one ?data= layer.' },
} satisfies Record<string, LocalText>;

export type ShareKey = keyof typeof SHARE_STRINGS;

export function st(key: ShareKey, lang: Lang, values?: Record<string, string | number>): string {
  const s = SHARE_STRINGS[key][lang];
  return values ? s.replace(/\{(\w+)\}/g, (_, k: string) => (k in values ? String(values[k]) : `{${k}}`)) : s;
}

export function stText(key: ShareKey, values?: Record<string, string | number>): LocalText {
  return { zh: st(key, 'zh', values), en: st(key, 'en', values) };
}
