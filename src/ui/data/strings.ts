// Strings of the data panel (loading planners' own files), Chinese first.
import type { LocalText } from '../../catalog/types';

export const DATA_STRINGS = {
  loadTitle: { zh: '加载数据', en: 'Load data' },
  openFile: { zh: '打开文件…', en: 'Open file…' },
  dropHint: { zh: '或将文件拖到地图上（Shapefile 可选多个文件或 .zip）', en: 'or drop files on the map (a Shapefile as its files together or a .zip)' },
  dropHere: { zh: '松开以加载数据文件', en: 'Drop to load the data files' },
  formats: {
    zh: '支持 GeoJSON（.geojson/.json）、带经纬度列（经度/纬度、lon/lat、x/y）的 CSV 和 Excel（.xlsx）、Shapefile（.zip，或同时选择 .shp/.dbf/.prj/.cpg）、KML/KMZ、GPX、GeoPackage（.gpkg）、FlatGeobuf（.fgb）和 TopoJSON。.prj 等说明的坐标系（CGCS2000、北京54、西安80 高斯-克吕格，Web 墨卡托，UTM）会转换为 WGS84。',
    en: 'Accepts GeoJSON (.geojson/.json), CSV and Excel (.xlsx) with longitude/latitude columns (lon/lat, x/y, 经度/纬度), Shapefile (.zip, or .shp/.dbf/.prj/.cpg chosen together), KML/KMZ, GPX, GeoPackage (.gpkg), FlatGeobuf (.fgb) and TopoJSON. Coordinate systems named by a .prj and the like (CGCS2000, Beijing 1954, Xi\'an 1980 Gauss–Krüger, Web Mercator, UTM) are converted to WGS84.',
  },
  chooseCrs: { zh: '数据的坐标系', en: 'Coordinate system of the data' },
  crsFits: { zh: '符合坐标范围的', en: 'Fitting the coordinates' },
  crsAll: { zh: '全部', en: 'All' },
  loadWithCrs: { zh: '按此坐标系加载', en: 'Load with this system' },
  chooseSheet: { zh: '工作表', en: 'Sheet' },
  loadSheet: { zh: '加载此工作表', en: 'Load this sheet' },
  landsAt: { zh: '落在', en: 'lands at' },
  crsLabel: { zh: '坐标系', en: 'Coordinates' },
  crsWGS84: { zh: 'WGS84（GPS、天地图、QGIS 导出）', en: 'WGS84 (GPS, Tianditu, QGIS exports)' },
  crsGCJ02: { zh: 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (Amap, Tencent)' },
  crsBD09: { zh: 'BD-09（百度地图）', en: 'BD-09 (Baidu)' },
  crsWhy: { zh: '如何选择坐标系？支持哪些文件？', en: 'Which coordinates? Which files?' },
  crsHelp: {
    zh: '国内网络地图的坐标经过加密偏移：高德/腾讯为 GCJ-02，百度为 BD-09，在天津偏差约 500 米。从这些地图取得的坐标请选择对应项，加载时会用 gcoord 转换为 WGS84。',
    en: 'Chinese web maps shift their coordinates: Amap/Tencent use GCJ-02, Baidu uses BD-09, about 500 m off in Tianjin. Pick the one your coordinates came from and they are converted to WGS84 with gcoord on load.',
  },
  cancel: { zh: '取消', en: 'Cancel' },
  downloading: { zh: '正在下载', en: 'Downloading' },
  reading: { zh: '正在读取文件', en: 'Reading the file' },
  decoding: { zh: '正在识别编码', en: 'Decoding text' },
  parsing: { zh: '正在解析', en: 'Parsing' },
  validating: { zh: '正在检查', en: 'Validating' },
  converting: { zh: '正在转换坐标', en: 'Converting coordinates' },
  serialising: { zh: '正在准备图层', en: 'Preparing the layer' },
  loadedOk: { zh: '已加载 {n} 个要素', en: 'Loaded {n} features' },
  loadFailed: { zh: '未加载：文件有错误，现有图层未受影响', en: 'Not loaded: the file has errors; existing layers are unchanged' },
  loadCancelled: { zh: '已取消，现有图层未受影响', en: 'Cancelled; existing layers are unchanged' },
  errorsTitle: { zh: '错误', en: 'Errors' },
  warningsTitle: { zh: '提示', en: 'Warnings' },
  more: { zh: '……另有 {n} 条', en: '…and {n} more' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  myLayers: { zh: '已加载的图层', en: 'Loaded layers' },
  none: { zh: '尚未加载数据。加载的图层保存在本浏览器中，刷新后仍在，直到删除。', en: 'No data loaded yet. Loaded layers are kept in this browser across reloads until you remove them.' },
  show: { zh: '显示', en: 'Show' },
  color: { zh: '颜色', en: 'Colour' },
  zoomTo: { zh: '缩放至图层', en: 'Zoom to layer' },
  rename: { zh: '重命名', en: 'Rename' },
  export: { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  remove: { zh: '删除', en: 'Remove' },
  confirmRemove: { zh: '确认删除', en: 'Confirm removal' },
  keep: { zh: '保留', en: 'Keep' },
  features: { zh: '个要素', en: 'features' },
  file: { zh: '文件', en: 'File' },
  sourceCrs: { zh: '原始坐标系', en: 'Source CRS' },
  busy: { zh: '请等待当前加载完成', en: 'Wait for the current load to finish' },
} satisfies Record<string, LocalText>;

export type DataKey = keyof typeof DATA_STRINGS;

export function dt(key: DataKey, lang: 'zh' | 'en', params: Record<string, string | number> = {}): string {
  return DATA_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
