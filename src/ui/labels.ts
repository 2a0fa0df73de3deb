// Display names for coded property values and property keys.
import type { Lang } from '../i18n/strings';

const VALUES: Record<string, Record<string, [string, string]>> = {
  plan_zone: {
    central_six: ['市内六区', 'Central six districts'],
    ring_four: ['环城四区', 'Four ring districts'],
    binhai: ['滨海新区', 'Binhai New Area'],
    outer_five: ['外围五区', 'Five outer districts'],
  },
  kind: {
    core: ['核心区', 'Core area'],
    port: ['港区', 'Port'],
    airport: ['空港', 'Airport area'],
    sub_city: ['副城', 'Sub-city'],
    group: ['组团', 'Group'],
  },
  tier: {
    city_central: ['市级中心避难场所', 'City-level central shelter'],
    fixed: ['固定避难场所', 'Fixed shelter'],
    short_term: ['紧急（短期）避难场所', 'Short-term shelter'],
  },
  status: {
    existing: ['已建成', 'Existing'],
    planned: ['规划', 'Planned'],
    under_construction: ['在建', 'Under construction'],
  },
  geometry_quality: {
    schematic: ['示意', 'Schematic'],
    outline_estimated: ['轮廓估绘', 'Outline estimated'],
  },
  renewal_type: {
    innovation: ['科技创新', 'Innovation'],
    industry: ['产业转型', 'Industrial transformation'],
    commerce: ['商圈提升', 'Commercial districts'],
    culture_tourism: ['文旅融合', 'Culture and tourism'],
    residential: ['居住改善', 'Housing'],
    public_service: ['公共服务', 'Public services'],
    green: ['蓝绿空间', 'Green and blue space'],
    infrastructure: ['基础设施', 'Infrastructure'],
    hub: ['枢纽站区', 'Transport hubs'],
  },
};

const KEYS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  name_en: ['英文名', 'English name'],
  plan_zone: ['规划分区', 'Plan zone'],
  adcode: ['行政区划代码', 'Admin code'],
  population_2020: ['常住人口（2020）', 'Residents (2020)'],
  area_km2: ['面积（平方公里）', 'Area (km²)'],
  area_ha: ['面积（公顷）', 'Area (ha)'],
  area_m2: ['面积（平方米）', 'Area (m²)'],
  capacity_persons: ['容纳人数', 'Capacity (persons)'],
  kind: ['类型', 'Kind'],
  tier: ['级别', 'Tier'],
  tier_zh: ['级别', 'Tier'],
  district: ['所在区', 'District'],
  plan_group: ['规划分组', 'Plan group'],
  plan_direction: ['规划方向', 'Plan direction'],
  renewal_type: ['更新类型', 'Renewal type'],
  renewal_type_zh: ['更新类型', 'Renewal type'],
  status: ['状态', 'Status'],
  status_zh: ['状态', 'Status'],
  park_type: ['公园类型', 'Park type'],
  area_status: ['面积数据', 'Area data'],
  designation_status: ['认定依据', 'Designation'],
  rank: ['等级', 'Rank'],
  length_km: ['长度（公里）', 'Length (km)'],
  note: ['说明', 'Note'],
  plan_ref: ['规划出处', 'Plan reference'],
  source: ['来源', 'Source'],
  accuracy_m: ['精度（米）', 'Accuracy (m)'],
  chapter: ['章', 'Chapter'],
  plan_wording: ['规划原文', 'Plan wording'],
  plan_name: ['规划用名', 'Name in the plan'],
  plan_named: ['规划点名', 'Named in the plan'],
  ring_length_km: ['外环线长度（公里）', 'Ring road length (km)'],
  ring_road_name: ['环线名称', 'Ring road'],
  district_note: ['区界说明', 'District note'],
  district_note_en: ['区界说明', 'District note'],
  status_note: ['状态说明', 'Status note'],
  geometry_quality: ['轮廓质量', 'Outline quality'],
  accuracy_urban_m: ['城区段精度（米）', 'Accuracy in the city (m)'],
  part_of: ['所属片区', 'Part of'],
  order: ['序号', 'Order'],
  aliases: ['别名', 'Also known as'],
};

export function categoryLabel(property: string, value: string, lang: Lang): string {
  const v = VALUES[property]?.[value];
  return v ? v[lang === 'zh' ? 0 : 1] : value;
}

/** In the filters, the attribute `district` is named apart from the spatial district filter. */
const FILTER_KEYS: Record<string, [string, string]> = {
  district: ['所在区（属性值）', 'District (attribute value)'],
};

export function filterFieldLabel(key: string, lang: Lang): string {
  const k = FILTER_KEYS[key];
  return k ? k[lang === 'zh' ? 0 : 1] : fieldLabel(key, lang);
}

export function fieldLabel(key: string, lang: Lang): string {
  const k = KEYS[key];
  return k ? k[lang === 'zh' ? 0 : 1] : key;
}

/** Codes, identifiers and years are shown as they are, without thousands separators. */
function isCode(key: string): boolean {
  return /(^|_)(adcode|code|id|year|chapter|order|rank)$/i.test(key) || key === 'id';
}

/** Any property value as plain display text (never HTML). */
export function displayValue(key: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return isCode(key) ? String(v) : v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
  if (typeof v === 'string' && VALUES[key]?.[v]) return categoryLabel(key, v, lang);
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Explains a plan reference such as "ch3-11" or "ch5-2.1; ch3-16". */
export function planRefText(ref: string, lang: Lang): string {
  return ref
    .split(/;\s*/)
    .map((r) => {
      const m = /^ch(\d)(?:-(\d+)(?:\.(\d+))?)?$/.exec(r.trim());
      if (!m) return r;
      const [, ch, sec, sub] = m;
      if (lang === 'en') return `chapter ${ch}${sec ? (ch === '3' ? `, work ${sec}` : `, section ${sec}`) : ''}${sub ? `.${sub}` : ''}`;
      const cn = '〇一二三四五六七八九十';
      const num = (n: string) => (Number(n) <= 10 ? cn[Number(n)] : Number(n) < 20 ? `十${cn[Number(n) - 10]}` : n);
      return `第${num(ch)}章${sec ? (ch === '3' ? `第${sec}项工程` : `第${num(sec)}节`) : ''}${sub ? `（${num(sub)}）` : ''}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}
