// Every message the importer and validator can produce, in Chinese and English.
// Templates use {name} placeholders filled by `formatMessage`. A message names
// the problem; where it happened (feature index, path, line/column) travels in
// the Issue fields and is prefixed by `describeIssue`.

export interface Bilingual {
  zh: string;
  en: string;
}

export interface Issue {
  code: string;
  /** The file (or part of an archive) the problem is in, e.g. "parcels.dbf". */
  file?: string;
  /** 1-based record number inside that file (Shapefile/dBASE records, table rows, placemarks). */
  record?: number;
  featureIndex?: number;
  /** JSON-pointer-like path inside the document, e.g. features[3].geometry.coordinates[0]. */
  path?: string;
  /** 1-based line/column in the source text (JSON syntax errors, CSV rows). */
  line?: number;
  column?: number;
  message: Bilingual;
}

type Params = Record<string, string | number>;

export const MESSAGES: Record<string, Bilingual> = {
  // --- files and encodings
  'file.empty': { en: 'The file is empty', zh: '文件为空' },
  'file.blank': { en: 'The file contains only whitespace', zh: '文件只有空白字符' },
  'file.unreadable': { en: 'The file could not be read: {detail}', zh: '无法读取文件：{detail}' },
  'file.too_large': { en: 'The file is {size} MB; the limit is {limit} MB', zh: '文件大小 {size} MB，超过 {limit} MB 上限' },
  'encoding.gbk_decoded': {
    en: 'The file is not UTF-8; it was decoded as GBK/GB18030 (common in Chinese shapefile exports). Check that Chinese text looks right',
    zh: '文件不是 UTF-8 编码，已按 GBK/GB18030 解码（中文 shapefile 导出常见）。请检查中文是否显示正常',
  },
  'encoding.unknown': {
    en: 'The text encoding is neither UTF-8 nor GBK (first bad byte at offset {offset}). Save the file as UTF-8 and try again',
    zh: '文本编码既不是 UTF-8 也不是 GBK（第一个无效字节位于偏移 {offset}）。请另存为 UTF-8 后重试',
  },
  'encoding.binary': {
    en: 'This is a binary file ({kind}), not GeoJSON or CSV. Export GeoJSON from your GIS (QGIS: Export → Save Features As → GeoJSON)',
    zh: '这是二进制文件（{kind}），不是 GeoJSON 或 CSV。请在 GIS 中导出 GeoJSON（QGIS：导出 → 要素另存为 → GeoJSON）',
  },
  'format.unknown': {
    en: 'The content is neither GeoJSON nor CSV with longitude/latitude columns (it starts with "{start}")',
    zh: '内容既不是 GeoJSON，也不是带经纬度列的 CSV（开头为“{start}”）',
  },
  html: {
    en: 'This is a web page (HTML{title}), not data — probably an error page from the server. Check the address or download the file again',
    zh: '这是网页（HTML{title}），不是数据——很可能是服务器返回的错误页。请检查地址或重新下载文件',
  },
  topojson: {
    en: 'This is TopoJSON, which is not loaded directly. Convert it to GeoJSON first (mapshaper: "mapshaper in.json -o format=geojson out.geojson", or QGIS)',
    zh: '这是 TopoJSON，不能直接加载。请先转换为 GeoJSON（mapshaper：“mapshaper in.json -o format=geojson out.geojson”，或用 QGIS）',
  },
  // --- JSON syntax
  'json.syntax': { en: 'JSON syntax error: {detail}', zh: 'JSON 语法错误：{detailZh}' },
  'json.truncated': {
    en: 'The JSON ends too early: {open} is never closed. The file seems cut off (incomplete download or copy)',
    zh: 'JSON 提前结束：{openZh}没有闭合。文件似乎不完整（下载或复制中断）',
  },
  'json.nan': {
    en: '"{token}" is not allowed in JSON; write a number or null instead',
    zh: 'JSON 不允许“{token}”，请改为数字或 null',
  },
  'json.not_object': {
    en: 'The top level is a {kind}, not a GeoJSON object',
    zh: '顶层是{kindZh}，不是 GeoJSON 对象',
  },
  'json.array': {
    en: 'The top level is a JSON array, not a GeoJSON object. Wrap the features as {"type": "FeatureCollection", "features": [...]}',
    zh: '顶层是 JSON 数组而不是 GeoJSON 对象。请写成 {"type": "FeatureCollection", "features": [...]}',
  },
  'json.array_wrapped': {
    en: 'The top level is an array of {count} features; it was read as a FeatureCollection',
    zh: '顶层是包含 {count} 个要素的数组，已按 FeatureCollection 读取',
  },
  'nesting.too_deep': {
    en: 'Arrays/objects are nested more than {limit} levels deep; this is not map data and cannot be loaded safely',
    zh: '数组/对象嵌套超过 {limit} 层，这不是地图数据，无法安全加载',
  },
  // --- GeoJSON structure
  'geojson.type_missing': { en: 'The object has no "type" member', zh: '对象缺少 "type" 成员' },
  'geojson.type_unknown': {
    en: '"type": {value} is not a GeoJSON type (expected FeatureCollection, Feature or a geometry type)',
    zh: '"type": {value} 不是 GeoJSON 类型（应为 FeatureCollection、Feature 或几何类型）',
  },
  'geojson.invalid': { en: 'Invalid GeoJSON: {detail}', zh: 'GeoJSON 无效：{detail}' },
  'geometry.wrapped': {
    en: 'The file holds a bare {type} geometry; it was wrapped in a Feature',
    zh: '文件只有一个 {type} 几何对象，已包装为要素（Feature）',
  },
  'feature.wrapped': { en: 'The file holds a single Feature; it was wrapped in a FeatureCollection', zh: '文件只有一个要素，已包装为 FeatureCollection' },
  'features.not_array': { en: '"features" must be an array', zh: '"features" 必须是数组' },
  'feature.not_object': { en: 'The feature is not an object (found {kind})', zh: '要素不是对象（实际为{kindZh}）' },
  'feature.type_invalid': { en: 'The feature\'s "type" is {value}, expected "Feature"', zh: '要素的 "type" 为 {value}，应为 "Feature"' },
  'feature.no_geometry': { en: 'The feature has no "geometry" member (use null for features without geometry)', zh: '要素缺少 "geometry" 成员（无几何请写 null）' },
  'feature.no_properties': { en: 'The feature has no "properties" member; empty properties were assumed', zh: '要素缺少 "properties" 成员，已按空属性处理' },
  'feature.id_duplicate': { en: 'Feature id {value} is also used by feature {other}', zh: '要素 id {value} 与第 {other} 个要素重复' },
  'feature.id_type': {
    en: 'The feature\'s "id" must be a string or a number (RFC 7946 §3.2); found {kind}',
    zh: '要素的 "id" 必须是字符串或数字（RFC 7946 §3.2），实际为{kindZh}',
  },
  'feature.id_null': { en: 'The feature\'s "id" is null; RFC 7946 wants a string or a number, or no "id" at all', zh: '要素的 "id" 为 null；RFC 7946 要求字符串或数字，或不写 "id"' },
  'bbox.invalid': { en: '"bbox" must be an array of numbers (RFC 7946 §5); found {value}', zh: '"bbox" 必须是数字数组（RFC 7946 §5），实际为 {value}' },
  'bbox.length': {
    en: '"bbox" has {count} numbers; it needs 2 × {dims} = {expected} for {dims}-dimensional coordinates (RFC 7946 §5)',
    zh: '"bbox" 有 {count} 个数字；{dims} 维坐标需要 2 × {dims} = {expected} 个（RFC 7946 §5）',
  },
  'bbox.order': {
    en: '"bbox" {axis} minimum {min} is greater than its maximum {max} (RFC 7946 §5: minima first; only longitude may wrap across the antimeridian)',
    zh: '"bbox" 的{axisZh}最小值 {min} 大于最大值 {max}（RFC 7946 §5：先写最小值；只有经度可跨越 180° 经线）',
  },
  'crs.member_nested': {
    en: 'A "crs" member is not part of RFC 7946 GeoJSON and is ignored; coordinates must be WGS84 longitude/latitude',
    zh: '"crs" 成员不属于 RFC 7946 GeoJSON，已忽略；坐标必须是 WGS84 经纬度',
  },
  'properties.invalid': { en: '"properties" must be an object or null (found {kind})', zh: '"properties" 必须是对象或 null（实际为{kindZh}）' },
  'property.too_large': {
    en: 'Property "{name}" holds {size} characters; it is kept, but popups and tables show only the start',
    zh: '属性“{name}”有 {size} 个字符，已保留，但弹窗和表格只显示开头部分',
  },
  'crs.member': {
    en: 'The "crs" member ({value}) comes from the old 2008 GeoJSON spec and is ignored; coordinates must be WGS84 longitude/latitude',
    zh: '"crs" 成员（{value}）来自 2008 年旧版 GeoJSON 规范，已忽略；坐标必须是 WGS84 经纬度',
  },
  // --- geometry
  'geometry.null': { en: 'The feature has no geometry (null); it is kept but not drawn', zh: '要素几何为空（null），已保留但不会绘制' },
  'geometry.type_invalid': {
    en: 'Geometry type {value} is not valid{hint}',
    zh: '几何类型 {value} 无效{hintZh}',
  },
  'geometry.not_object': { en: 'The geometry is not an object (found {kind})', zh: '几何不是对象（实际为{kindZh}）' },
  'geometry.no_coordinates': { en: 'The {type} has no "coordinates" array', zh: '{type} 缺少 "coordinates" 数组' },
  'geometry.empty': { en: 'The {type} has empty coordinates []', zh: '{type} 的坐标为空 []' },
  'geometry.collection_deep': {
    en: 'GeometryCollections are nested more than {limit} levels deep',
    zh: 'GeometryCollection 嵌套超过 {limit} 层',
  },
  'geometry.nesting': {
    en: 'The {type} coordinates are nested wrongly: expected {expected}, found {value}',
    zh: '{type} 的坐标嵌套层级错误：应为{expectedZh}，实际为 {value}',
  },
  'position.invalid': { en: 'A position must be an array of numbers [lon, lat]; found {value}', zh: '坐标点必须是数字数组 [经度, 纬度]，实际为 {value}' },
  'position.too_short': { en: 'A position needs at least 2 numbers [lon, lat]; found {value}', zh: '坐标点至少需要 2 个数字 [经度, 纬度]，实际为 {value}' },
  'line.too_few': { en: 'A LineString needs at least 2 positions; found {count}', zh: '线至少需要 2 个坐标点，实际为 {count} 个' },
  'ring.too_few': { en: 'A polygon ring needs at least 4 positions (first = last); found {count}', zh: '面的环至少需要 4 个坐标点（首尾相同），实际为 {count} 个' },
  'ring.unclosed': {
    en: 'The polygon ring is not closed: first position {first} differs from last {last}',
    zh: '面的环没有闭合：第一个点 {first} 与最后一个点 {last} 不同',
  },
  // --- coordinates
  'coord.out_of_range': {
    en: 'Coordinate {value} is outside longitude −180…180 / latitude −90…90',
    zh: '坐标 {value} 超出经度 −180…180 / 纬度 −90…90 范围',
  },
  'coord.swapped': {
    en: 'Coordinate {value} looks swapped: GeoJSON order is [longitude, latitude] (Tianjin ≈ [117.2, 39.1])',
    zh: '坐标 {value} 似乎经纬度颠倒：GeoJSON 顺序为 [经度, 纬度]（天津约为 [117.2, 39.1]）',
  },
  'coord.projected_gk': {
    en: 'Coordinates are in metres (e.g. {value}), not degrees: this looks like a Gauss–Krüger projection ({crs}, likely EPSG:{epsg}). Reproject to WGS84 (EPSG:4326) in QGIS: Export → Save Features As, CRS = EPSG:4326',
    zh: '坐标单位是米（如 {value}），不是度：看起来是高斯-克吕格投影（{crsZh}，可能是 EPSG:{epsg}）。请在 QGIS 中重投影为 WGS84（EPSG:4326）：导出 → 要素另存为，坐标系选 EPSG:4326',
  },
  'coord.projected_mercator': {
    en: 'Coordinates are in metres (e.g. {value} ≈ {lonlat}), not degrees: this looks like Web Mercator (EPSG:3857). Reproject to WGS84 (EPSG:4326) in QGIS: Export → Save Features As, CRS = EPSG:4326',
    zh: '坐标单位是米（如 {value} ≈ {lonlat}），不是度：看起来是 Web 墨卡托（EPSG:3857）。请在 QGIS 中重投影为 WGS84（EPSG:4326）：导出 → 要素另存为，坐标系选 EPSG:4326',
  },
  'coord.projected_other': {
    en: 'Coordinates look like projected metres (e.g. {value}), not degrees. Reproject to WGS84 (EPSG:4326) in QGIS before loading',
    zh: '坐标看起来是投影坐标（米，如 {value}），不是度。请先在 QGIS 中重投影为 WGS84（EPSG:4326）',
  },
  'coord.far_away': {
    en: 'The data lies at {value}, far from Tianjin; check the coordinates and their order',
    zh: '数据位于 {value}，远离天津；请检查坐标及经纬度顺序',
  },
  'crs.converted': { en: 'Coordinates were converted from {from} to WGS84 with gcoord', zh: '坐标已用 gcoord 从 {from} 转换为 WGS84' },
  'import.failed': { en: 'The import stopped unexpectedly: {detail}', zh: '导入意外中止：{detail}' },
  'import.busy': { en: 'Another file is still loading; load this one when it has finished', zh: '另一个文件仍在加载，请在其完成后再加载此文件' },
  'import.cancelled': { en: 'The import was cancelled; existing layers are unchanged', zh: '已取消导入，现有图层未受影响' },
  'errors.more': { en: '…and {count} more problems of this file not listed', zh: '……另有 {count} 个问题未列出' },
  'feature.dropped': { en: 'The feature was skipped: {detail}', zh: '该要素已跳过：{detail}' },
  // --- loading by URL (?data=) and keeping layers in the browser
  'url.data_invalid': {
    en: 'The data address "{value}" in the link is not a valid web address; nothing was loaded',
    zh: '链接中的数据地址“{value}”不是有效网址，未加载任何数据',
  },
  'url.data_scheme': {
    en: 'Only http:// and https:// addresses can be loaded with ?data= (this one starts with "{scheme}"); nothing was loaded',
    zh: '?data= 只能加载 http:// 或 https:// 地址（此地址以“{scheme}”开头），未加载任何数据',
  },
  'fetch.network': {
    en: 'Could not download {url}: the server is unreachable or does not allow this site to read it (CORS). Download the file and open it here instead',
    zh: '无法下载 {url}：服务器无法访问，或不允许本站读取（跨域 CORS 限制）。请先下载文件再在此打开',
  },
  'fetch.http': { en: 'The server answered HTTP {status} for {url}; nothing was loaded', zh: '服务器对 {url} 返回 HTTP {status}，未加载任何数据' },
  'persist.failed': {
    en: 'The layer is shown but could not be saved in this browser ({detail}); it will be gone after a reload',
    zh: '图层已显示，但无法保存在本浏览器中（{detail}），刷新后将消失',
  },
  'persist.restore_failed': {
    en: 'Saved layers could not be restored ({detail})',
    zh: '无法恢复已保存的图层（{detail}）',
  },
  // --- formats other than GeoJSON/CSV (issue 8)
  'format.unsupported': {
    en: 'Files ending in "{ext}" cannot be loaded. Supported: {list}',
    zh: '无法加载扩展名为“{ext}”的文件。支持：{list}',
  },
  'zip.unreadable': { en: 'The zip archive could not be read: {detail}', zh: '无法读取 zip 压缩包：{detail}' },
  'zip.too_large': {
    en: 'The archive would expand to {size} MB, more than the {limit} MB limit (a "zip bomb" guard); nothing was extracted',
    zh: '压缩包解压后将达 {size} MB，超过 {limit} MB 上限（防“压缩炸弹”），未解压任何文件',
  },
  'zip.no_data': {
    en: 'The zip holds no file that can be loaded: no .shp (a Shapefile needs its .shp), .geojson, .kml, .gpx, .csv, .xlsx, .gpkg or .fgb. Found: {list}',
    zh: '压缩包中没有可加载的文件：没有 .shp（Shapefile 必须有 .shp）、.geojson、.kml、.gpx、.csv、.xlsx、.gpkg 或 .fgb。包含：{list}',
  },
  'shp.missing': {
    en: 'The .dbf/.prj/.cpg files of "{name}" came without their .shp, which holds the geometry; add the .shp',
    zh: '“{name}”的 .dbf/.prj/.cpg 文件缺少对应的 .shp（几何数据在 .shp 中），请一并选择 .shp',
  },
  'shp.no_dbf': {
    en: 'There is no .dbf beside the .shp: the geometry was loaded without attributes',
    zh: '.shp 旁没有 .dbf：只加载了几何，没有属性',
  },
  'shp.count_mismatch': {
    en: 'The .shp of "{name}" has {shp} records but the .dbf has {dbf}; they must match record for record (the files may come from different exports)',
    zh: '“{name}”的 .shp 有 {shp} 条记录，而 .dbf 有 {dbf} 条；两者必须一一对应（文件可能来自不同的导出）',
  },
  'shp.truncated': { en: 'The .shp is cut off or damaged: {detail}', zh: '.shp 文件不完整或已损坏：{detailZh}' },
  'shp.unreadable': { en: 'The .shp could not be read: {detail}', zh: '无法读取 .shp：{detail}' },
  'dbf.truncated': { en: 'The .dbf is cut off: {detail}, the file ends before this record', zh: '.dbf 文件不完整：{detail}，文件在此记录前结束' },
  'dbf.unreadable': { en: 'The .dbf is not a dBASE table ({detail})', zh: '.dbf 不是 dBASE 表（{detail}）' },
  'dbf.cpg_unknown': { en: 'The .cpg names code page "{detail}", which is not known; save it as UTF-8', zh: '.cpg 指定的代码页“{detail}”无法识别，请另存为 UTF-8' },
  'dbf.encoding_detected': {
    en: 'No .cpg names the attribute encoding; the text was read as {encoding} (detected). Check that Chinese text looks right',
    zh: '没有 .cpg 指明属性编码，已按 {encoding} 读取（自动识别）。请检查中文是否显示正常',
  },
  'prj.unknown': {
    en: 'The .prj describes a coordinate system that is not recognised ("{name}"); choose the data\'s coordinate system',
    zh: '.prj 描述的坐标系无法识别（“{name}”），请选择数据的坐标系',
  },
  'crs.choose': {
    en: 'The coordinates are not longitude/latitude (e.g. {value}) and the file does not say its coordinate system; choose it ({candidates})',
    zh: '坐标不是经纬度（如 {value}），文件也没有说明坐标系，请选择（{candidates}）',
  },
  'crs.reprojected': {
    en: 'Coordinates were converted from {name} (EPSG:{epsg}) to WGS84 with proj4',
    zh: '坐标已用 proj4 从 {nameZh}（EPSG:{epsg}）转换为 WGS84',
  },
  'crs.legacy_datum': {
    en: '{name} has no public transformation to WGS84: it was converted without a datum shift, so positions may be off by up to about {residual} m (recorded as the layer\'s accuracy)',
    zh: '{nameZh} 没有公开的到 WGS84 的转换参数：转换未做基准面改正，位置可能偏差约 {residual} 米以内（已记为图层精度）',
  },
  'crs.unknown_choice': {
    en: 'Unknown coordinate system "{value}"; give an EPSG code such as EPSG:4548, or GCJ02 / BD09',
    zh: '未知坐标系“{value}”；请给出 EPSG 代码（如 EPSG:4548）或 GCJ02 / BD09',
  },
  'kmz.no_kml': { en: 'The KMZ holds no .kml document (found: {list})', zh: 'KMZ 中没有 .kml 文档（包含：{list}）' },
  'xml.unreadable': { en: 'The {kind} is not well-formed XML: {detail}', zh: '{kind} 不是格式正确的 XML：{detail}' },
  'xml.no_features': { en: 'The {kind} holds no placemarks, waypoints, routes or tracks', zh: '{kind} 中没有地标、航点、路线或轨迹' },
  'gpkg.unreadable': { en: 'This is not a GeoPackage (SQLite) database: {detail}', zh: '这不是 GeoPackage（SQLite）数据库：{detail}' },
  'gpkg.no_vector': {
    en: 'The GeoPackage has no vector tables (gpkg_contents lists: {list}); only features can be loaded, not tiles or attribute tables',
    zh: 'GeoPackage 中没有矢量要素表（gpkg_contents 中有：{list}）；只能加载要素，不能加载瓦片或纯属性表',
  },
  'gpkg.geometry': { en: 'The geometry could not be read: {detail}', zh: '无法读取几何：{detail}' },
  'gpkg.srs_unknown': {
    en: 'srs_id {srs} ("{name}") is not a known coordinate system; choose the data\'s coordinate system',
    zh: 'srs_id {srs}（“{name}”）不是已知坐标系，请选择数据的坐标系',
  },
  'fgb.unreadable': { en: 'The FlatGeobuf file could not be read: {detail}', zh: '无法读取 FlatGeobuf 文件：{detail}' },
  'xlsx.unreadable': { en: 'The Excel workbook could not be read: {detail}', zh: '无法读取 Excel 工作簿：{detail}' },
  'xlsx.sheet_missing': { en: 'There is no sheet "{sheet}"; the workbook has: {list}', zh: '没有名为“{sheet}”的工作表；工作簿中有：{list}' },
  'xlsx.no_lonlat': {
    en: 'Sheet "{sheet}" has no longitude/latitude columns (headers: {headers}). Name them lon/lng/longitude/x/经度 and lat/latitude/y/纬度, or pick another sheet ({list})',
    zh: '工作表“{sheet}”没有经纬度列（表头：{headers}）。请命名为 lon/lng/longitude/x/经度 和 lat/latitude/y/纬度，或选择其他工作表（{list}）',
  },
  'topojson.unreadable': { en: 'The TopoJSON could not be converted: {detail}', zh: '无法转换 TopoJSON：{detail}' },
  // --- CSV
  'csv.no_lonlat': {
    en: 'No longitude/latitude columns found (headers: {headers}). Name them lon/lng/longitude/x/经度 and lat/latitude/y/纬度',
    zh: '找不到经纬度列（表头：{headers}）。请命名为 lon/lng/longitude/x/经度 和 lat/latitude/y/纬度',
  },
  'csv.no_rows': { en: 'The CSV has a header but no data rows', zh: 'CSV 只有表头，没有数据行' },
  'csv.bad_number': {
    en: 'Column "{column}": "{value}" is not a number',
    zh: '“{column}”列的值“{value}”不是数字',
  },
  'csv.unclosed_quote': { en: 'A quoted field starting on line {row} is never closed', zh: '从第 {row} 行开始的引号字段没有闭合' },
  'csv.ragged_row': {
    en: 'Row {row} has {count} fields, the header has {expected}',
    zh: '第 {row} 行有 {count} 个字段，表头有 {expected} 个',
  },
};

/** Fill a message template. Unknown codes yield a generic text naming the code. */
export function formatMessage(code: string, params: Params = {}): Bilingual {
  const t = MESSAGES[code] ?? { en: `Problem: ${code}`, zh: `问题：${code}` };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  return { en: fill(t.en), zh: fill(t.zh) };
}

export function makeIssue(
  code: string,
  params: Params = {},
  where: { file?: string; record?: number; featureIndex?: number; path?: string; line?: number; column?: number } = {},
): Issue {
  const issue: Issue = { code, message: formatMessage(code, params) };
  if (where.file !== undefined) issue.file = where.file;
  if (where.record !== undefined) issue.record = where.record;
  if (where.featureIndex !== undefined) issue.featureIndex = where.featureIndex;
  if (where.path !== undefined) issue.path = where.path;
  if (where.line !== undefined) issue.line = where.line;
  if (where.column !== undefined) issue.column = where.column;
  return issue;
}

/** "feature 3 (features[3].geometry)", "line 2, column 7" or "" — in one language. */
export function describeLocation(issue: Issue, lang: 'en' | 'zh'): string {
  const parts: string[] = [];
  if (issue.file !== undefined) parts.push(issue.file);
  if (issue.record !== undefined) parts.push(lang === 'en' ? `record ${issue.record}` : `第 ${issue.record} 条记录`);
  if (issue.featureIndex !== undefined) parts.push(lang === 'en' ? `feature ${issue.featureIndex}` : `第 ${issue.featureIndex} 个要素`);
  if (issue.line !== undefined) {
    const col = issue.column !== undefined ? (lang === 'en' ? `, column ${issue.column}` : ` 第 ${issue.column} 列`) : '';
    parts.push(lang === 'en' ? `line ${issue.line}${col}` : `第 ${issue.line} 行${col}`);
  }
  return parts.join(lang === 'en' ? ', ' : '，');
}

/** One-line text for an issue: "feature 3: reason (中文)". */
export function describeIssue(issue: Issue): string {
  const loc = describeLocation(issue, 'en');
  const path = issue.path ? ` [${issue.path}]` : '';
  return `${loc ? `${loc}: ` : ''}${issue.message.en}${path} (${issue.message.zh})`;
}

/** Short JSON-like rendering of a value for messages; bounded in depth and length, never throws. */
export function preview(value: unknown, max = 60): string {
  const s = render(value, 3);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function render(v: unknown, depth: number): string {
  if (Array.isArray(v)) {
    if (depth === 0) return '[…]';
    const items = v.slice(0, 4).map((x) => render(x, depth - 1));
    return `[${items.join(', ')}${v.length > 4 ? ', …' : ''}]`;
  }
  if (v !== null && typeof v === 'object') return '{…}';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** Name of a JSON value's kind, in both languages. */
export function kindOf(v: unknown): { en: string; zh: string } {
  if (v === null) return { en: 'null', zh: 'null' };
  if (Array.isArray(v)) return { en: 'array', zh: '数组' };
  switch (typeof v) {
    case 'number':
      return { en: 'number', zh: '数字' };
    case 'string':
      return { en: 'string', zh: '字符串' };
    case 'boolean':
      return { en: 'boolean', zh: '布尔值' };
    case 'object':
      return { en: 'object', zh: '对象' };
    default:
      return { en: typeof v, zh: typeof v };
  }
}
