// Serialisable per-layer filter model and pure updaters.
// A LayerFilter is plain JSON (fits in the URL and in postMessage). Every
// updater returns a new object and drops clauses that became empty, so an
// empty filter is always `{}`.
import type { Polygon } from 'geojson';
import type { LocalText } from '../catalog/types';

export interface LayerFilter {
  /** property → accepted values (as category keys, see `categoryKey`). */
  categories?: Record<string, string[]>;
  /** property → [min, max], inclusive; null = open end. */
  ranges?: Record<string, [number | null, number | null]>;
  /** Free text matched against names and string properties. */
  text?: string;
  /** District names (matched against the district layer's name / name_en). */
  district?: string[];
  /** Drawn polygon or rectangle, WGS84. */
  polygon?: Polygon;
}

export type FilterState = Record<string, LayerFilter>;

/** Chip keys: `category:<prop>`, `range:<prop>`, `text`, `district`, `polygon`. */
export type ClauseKey = string;

export interface FilterChip {
  key: ClauseKey;
  label: LocalText;
}

/**
 * The string a property value is compared as in a category clause. Missing,
 * null and '' all map to '' ("blank"); numbers and booleans to String(v);
 * anything else (objects, arrays) is not categorical and yields null.
 * This mirrors MapLibre's `to-string`, so native `match` expressions agree.
 */
export function categoryKey(v: unknown): string | null {
  if (v === undefined || v === null) return '';
  const t = typeof v;
  if (t === 'string') return v as string;
  if (t === 'number' || t === 'boolean') return String(v);
  return null;
}

export function isEmptyFilter(f: LayerFilter | undefined): boolean {
  return !f || Object.keys(normalizeFilter(f)).length === 0;
}

/** Drops empty clauses, dedupes and sorts category values, swaps reversed ranges. */
export function normalizeFilter(f: LayerFilter): LayerFilter {
  const out: LayerFilter = {};
  if (f.categories) {
    const cats: Record<string, string[]> = {};
    for (const k of Object.keys(f.categories).sort()) {
      const vals = [...new Set(f.categories[k])].sort();
      if (vals.length) cats[k] = vals;
    }
    if (Object.keys(cats).length) out.categories = cats;
  }
  if (f.ranges) {
    const ranges: Record<string, [number | null, number | null]> = {};
    for (const k of Object.keys(f.ranges).sort()) {
      let [lo, hi] = f.ranges[k];
      lo = typeof lo === 'number' && !Number.isNaN(lo) ? lo : null;
      hi = typeof hi === 'number' && !Number.isNaN(hi) ? hi : null;
      if (lo === null && hi === null) continue;
      if (lo !== null && hi !== null && lo > hi) [lo, hi] = [hi, lo];
      ranges[k] = [lo, hi];
    }
    if (Object.keys(ranges).length) out.ranges = ranges;
  }
  const text = f.text?.trim();
  if (text) out.text = text;
  if (f.district?.length) out.district = [...new Set(f.district)].sort();
  if (f.polygon && f.polygon.coordinates?.[0]?.length >= 4) out.polygon = f.polygon;
  return out;
}

export function setCategory(f: LayerFilter, prop: string, values: string[]): LayerFilter {
  return normalizeFilter({ ...f, categories: { ...f.categories, [prop]: values } });
}

export function toggleCategoryValue(f: LayerFilter, prop: string, value: string): LayerFilter {
  const cur = f.categories?.[prop] ?? [];
  const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
  return setCategory(f, prop, next);
}

export function setRange(f: LayerFilter, prop: string, min: number | null, max: number | null): LayerFilter {
  return normalizeFilter({ ...f, ranges: { ...f.ranges, [prop]: [min, max] } });
}

export function setText(f: LayerFilter, text: string): LayerFilter {
  return normalizeFilter({ ...f, text });
}

export function setDistricts(f: LayerFilter, names: string[]): LayerFilter {
  return normalizeFilter({ ...f, district: names });
}

export function setPolygon(f: LayerFilter, polygon: Polygon | null): LayerFilter {
  const next = { ...f };
  if (polygon) next.polygon = polygon;
  else delete next.polygon;
  return normalizeFilter(next);
}

/** Removes one clause by its chip key; unknown keys leave the filter as is. */
export function removeClause(f: LayerFilter, key: ClauseKey): LayerFilter {
  const next: LayerFilter = { ...f };
  const [kind, ...rest] = key.split(':');
  const prop = rest.join(':');
  if (kind === 'category' && next.categories) {
    next.categories = { ...next.categories };
    delete next.categories[prop];
  } else if (kind === 'range' && next.ranges) {
    next.ranges = { ...next.ranges };
    delete next.ranges[prop];
  } else if (kind === 'text') delete next.text;
  else if (kind === 'district') delete next.district;
  else if (kind === 'polygon') delete next.polygon;
  return normalizeFilter(next);
}

/** Sets one layer's filter in the state; an empty filter removes the entry. */
export function setLayerFilter(state: FilterState, layerId: string, f: LayerFilter): FilterState {
  const norm = normalizeFilter(f);
  const next = { ...state };
  if (Object.keys(norm).length) next[layerId] = norm;
  else delete next[layerId];
  return next;
}

export function clearFilter(state: FilterState, layerId: string): FilterState {
  return setLayerFilter(state, layerId, {});
}

function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

function rangeText(lo: number | null, hi: number | null): string {
  if (lo !== null && hi !== null) return `${fmtNum(lo)}–${fmtNum(hi)}`;
  if (lo !== null) return `≥ ${fmtNum(lo)}`;
  return `≤ ${fmtNum(hi as number)}`;
}

function listText(values: string[], blank: string, max = 3, label: (v: string) => string = (v) => v): string {
  const shown = values.slice(0, max).map((v) => (v === '' ? blank : label(v)));
  return values.length > max ? `${shown.join(', ')} +${values.length - max}` : shown.join(', ');
}

/**
 * One removable chip per clause. `fieldLabels` gives display names of
 * properties (falls back to the property name in both languages);
 * `valueLabel` display names of category values (falls back to the value).
 */
export function describeFilter(
  f: LayerFilter,
  fieldLabels: Record<string, LocalText> = {},
  valueLabel?: (prop: string, value: string) => LocalText,
): FilterChip[] {
  const n = normalizeFilter(f);
  const field = (p: string): LocalText => fieldLabels[p] ?? { zh: p, en: p };
  const chips: FilterChip[] = [];
  for (const [p, vals] of Object.entries(n.categories ?? {})) {
    const l = field(p);
    const zh = (v: string) => (valueLabel ? valueLabel(p, v).zh : v);
    const en = (v: string) => (valueLabel ? valueLabel(p, v).en : v);
    chips.push({
      key: `category:${p}`,
      label: { zh: `${l.zh}：${listText(vals, '（空）', 3, zh)}`, en: `${l.en}: ${listText(vals, '(blank)', 3, en)}` },
    });
  }
  for (const [p, [lo, hi]] of Object.entries(n.ranges ?? {})) {
    const l = field(p);
    const r = rangeText(lo, hi);
    chips.push({ key: `range:${p}`, label: { zh: `${l.zh}：${r}`, en: `${l.en}: ${r}` } });
  }
  if (n.text) chips.push({ key: 'text', label: { zh: `包含“${n.text}”`, en: `Contains “${n.text}”` } });
  if (n.district) {
    chips.push({
      key: 'district',
      label: { zh: `位于区界内：${listText(n.district, '')}`, en: `Inside district boundary: ${listText(n.district, '')}` },
    });
  }
  if (n.polygon) chips.push({ key: 'polygon', label: { zh: '绘制范围内', en: 'Inside drawn area' } });
  return chips;
}

/** The whole filter in words, for export metadata ("" when empty). */
export function describeFilterText(
  f: LayerFilter,
  fieldLabels?: Record<string, LocalText>,
  valueLabel?: (prop: string, value: string) => LocalText,
): LocalText {
  const chips = describeFilter(f, fieldLabels, valueLabel);
  return { zh: chips.map((c) => c.label.zh).join('；'), en: chips.map((c) => c.label.en).join('; ') };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumOrNull = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isFinite(x));
const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && p.length >= 2 && p.every((c) => typeof c === 'number' && Number.isFinite(c));

/** Bounds on a drawn polygon from untrusted input (a drawn shape has one ring of a few dozen vertices). */
export const POLYGON_LIMITS = { rings: 10, vertices: 2000 };

/**
 * Validates untrusted input (URL, postMessage) into a LayerFilter. Bad clauses
 * are dropped and named in `errors`; it never throws.
 */
export function parseLayerFilter(x: unknown): { filter: LayerFilter; errors: string[] } {
  const errors: string[] = [];
  const out: LayerFilter = {};
  if (!isObj(x)) return { filter: out, errors: x === undefined ? [] : ['filter: not an object'] };
  if (x.categories !== undefined) {
    if (!isObj(x.categories)) errors.push('categories: not an object');
    else {
      out.categories = {};
      for (const [k, v] of Object.entries(x.categories)) {
        if (Array.isArray(v) && v.every((s) => typeof s === 'string')) out.categories[k] = v as string[];
        else errors.push(`categories.${k}: not a list of strings`);
      }
    }
  }
  if (x.ranges !== undefined) {
    if (!isObj(x.ranges)) errors.push('ranges: not an object');
    else {
      out.ranges = {};
      for (const [k, v] of Object.entries(x.ranges)) {
        if (Array.isArray(v) && v.length === 2 && isNumOrNull(v[0]) && isNumOrNull(v[1])) out.ranges[k] = [v[0], v[1]];
        else errors.push(`ranges.${k}: not [number|null, number|null]`);
      }
    }
  }
  if (x.text !== undefined) {
    if (typeof x.text === 'string') out.text = x.text.slice(0, 200);
    else errors.push('text: not a string');
  }
  if (x.district !== undefined) {
    if (Array.isArray(x.district) && x.district.every((s) => typeof s === 'string')) out.district = x.district as string[];
    else errors.push('district: not a list of strings');
  }
  if (x.polygon !== undefined) {
    const p = x.polygon;
    const ok =
      isObj(p) && p.type === 'Polygon' && Array.isArray(p.coordinates) && p.coordinates.length > 0 &&
      p.coordinates.every((r: unknown) => Array.isArray(r) && r.length >= 4 && r.every(isPosition));
    const rings = ok ? (p.coordinates as number[][][]) : [];
    const vertices = rings.reduce((n, r) => n + r.length, 0);
    if (!ok) errors.push('polygon: not a GeoJSON Polygon');
    else if (rings.length > POLYGON_LIMITS.rings) errors.push(`polygon: more than ${POLYGON_LIMITS.rings} rings`);
    else if (vertices > POLYGON_LIMITS.vertices) errors.push(`polygon: ${vertices} vertices, more than ${POLYGON_LIMITS.vertices}`);
    else if (!rings.every((r) => r.every(([x, y]) => x >= -180 && x <= 180 && y >= -90 && y <= 90))) errors.push('polygon: a coordinate outside longitude -180…180 / latitude -90…90');
    else out.polygon = p as unknown as Polygon;
  }
  for (const k of Object.keys(x)) {
    if (!['categories', 'ranges', 'text', 'district', 'polygon'].includes(k)) errors.push(`${k}: unknown clause`);
  }
  return { filter: normalizeFilter(out), errors };
}
