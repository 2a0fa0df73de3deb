// The thematic style of a layer: its shareable, versioned shape, pure updaters and the checker
// used for the URL (`th=`), the embed API and saved layers. The checker never throws: it keeps
// what is valid and returns a notice (zh + en) for each value it drops.
import { CLASS_METHODS, type ClassMethod } from '../lib/thematic/classify';
import { rampInfo } from '../lib/thematic/ramps';
import { THEMATIC_KINDS, THEMATIC_VERSION, type ThematicKind, type ThematicSpec, type ThematicStyle } from '../lib/thematic/spec';
import type { AppState } from './appState';
import type { Notice } from './url';

export { THEMATIC_VERSION, type ThematicStyle };

export type ThematicState = Record<string, ThematicStyle>;

export interface CheckResult<T> {
  value: T | null;
  notices: Notice[];
}

const FIELD_RE = /^[^\u0000-\u001f]{1,80}$/;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function note(code: string, where: string, zhWhat: string, enWhat: string): Notice {
  return { code: `thematic.${code}`, message: { zh: `专题样式${where}：${zhWhat}，已忽略`, en: `Thematic style${where ? ` ${where}` : ''}: ${enWhat}; ignored` } };
}

/** Checks one style. `where` names it in notices (e.g. a layer id). */
export function checkThematicStyle(raw: unknown, where = ''): CheckResult<ThematicStyle> {
  const w = where ? `（${where}）` : '';
  const notices: Notice[] = [];
  if (!isObj(raw)) return { value: null, notices: [note('shape', w, '不是对象', 'not an object')] };
  if (raw.v !== THEMATIC_VERSION) return { value: null, notices: [note('version', w, `版本 v=${String(raw.v)} 不受支持（应为 ${THEMATIC_VERSION}）`, `version v=${String(raw.v)} is not supported (expected ${THEMATIC_VERSION})`)] };
  if (!THEMATIC_KINDS.includes(raw.kind as ThematicKind)) return { value: null, notices: [note('kind', w, `类型“${String(raw.kind)}”无效`, `kind "${String(raw.kind)}" is invalid`)] };
  const kind = raw.kind as ThematicKind;
  const out: ThematicStyle = { v: THEMATIC_VERSION, kind };
  const drop = (key: string) => notices.push(note(key, w, `${key} 的值无效`, `the value of ${key} is invalid`));
  const str = (key: 'field' | 'label' | 'ramp') => {
    if (raw[key] === undefined) return;
    if (typeof raw[key] === 'string' && FIELD_RE.test(raw[key] as string)) out[key] = raw[key] as string;
    else drop(key);
  };
  str('field');
  str('label');
  str('ramp');
  if (out.ramp && !rampInfo(out.ramp)) {
    delete out.ramp;
    drop('ramp');
  }
  if (kind !== 'none' && kind !== 'heatmap' && !out.field) return { value: null, notices: [...notices, note('field', w, '缺少属性字段 field', 'the attribute `field` is missing')] };
  if (raw.method !== undefined) {
    if (CLASS_METHODS.includes(raw.method as ClassMethod)) out.method = raw.method as ClassMethod;
    else drop('method');
  }
  if (raw.classes !== undefined) {
    if (Number.isInteger(raw.classes) && (raw.classes as number) >= 1 && (raw.classes as number) <= 12) out.classes = raw.classes as number;
    else drop('classes');
  }
  if (raw.breaks !== undefined) {
    if (Array.isArray(raw.breaks) && raw.breaks.length <= 20 && raw.breaks.every(finite)) out.breaks = [...raw.breaks].sort((a, b) => a - b);
    else drop('breaks');
  }
  if (raw.target !== undefined) {
    const t = raw.target;
    if (isObj(t) && finite(t.threshold) && (t.direction === undefined || t.direction === 'min' || t.direction === 'max') &&
      (t.close === undefined || (finite(t.close) && t.close >= 0 && t.close < 1)) && (t.id === undefined || (typeof t.id === 'string' && t.id.length <= 60))) {
      out.target = { threshold: t.threshold };
      if (t.direction) out.target.direction = t.direction;
      if (t.close !== undefined) out.target.close = t.close as number;
      if (t.id !== undefined) out.target.id = t.id as string;
    } else drop('target');
  }
  if (out.method === 'target' && !out.target) {
    delete out.method;
    notices.push(note('target', w, '按目标分级但缺少阈值，改用分位数', 'target classes without a threshold; quantiles used'));
  }
  if (raw.reverse !== undefined) {
    if (typeof raw.reverse === 'boolean') out.reverse = raw.reverse;
    else drop('reverse');
  }
  if (raw.topN !== undefined) {
    if (Number.isInteger(raw.topN) && (raw.topN as number) >= 1 && (raw.topN as number) <= 50) out.topN = raw.topN as number;
    else drop('topN');
  }
  if (raw.order !== undefined) {
    if (Array.isArray(raw.order) && raw.order.length <= 200 && raw.order.every((x) => typeof x === 'string' && x.length <= 200)) out.order = raw.order as string[];
    else drop('order');
  }
  if (raw.rename !== undefined) {
    const r = raw.rename;
    if (isObj(r) && Object.keys(r).length <= 200 && Object.values(r).every((x) => typeof x === 'string' && x.length <= 200)) out.rename = { ...(r as Record<string, string>) };
    else drop('rename');
  }
  if (raw.radius !== undefined) {
    const r = raw.radius;
    if (Array.isArray(r) && r.length === 2 && r.every(finite) && r[0] >= 0 && r[1] >= r[0] && r[1] <= 60) out.radius = [r[0], r[1]];
    else drop('radius');
  }
  return { value: out, notices };
}

/** Checks the `th=` value: layer id → style. Unknown layers (when `known` is given) are dropped. */
export function checkThematic(raw: unknown, known?: ReadonlySet<string>): CheckResult<ThematicState> {
  if (!isObj(raw)) return { value: null, notices: [note('shape', '', '应为 图层→样式 的对象', 'expected an object of layer → style')] };
  const notices: Notice[] = [];
  const value: ThematicState = {};
  for (const [id, st] of Object.entries(raw)) {
    if (known && !known.has(id)) {
      notices.push(note('layer', `（${id}）`, '图层不存在', `layer ${id} does not exist`));
      continue;
    }
    const r = checkThematicStyle(st, id);
    notices.push(...r.notices);
    if (r.value) value[id] = r.value;
  }
  return { value, notices };
}

export function setThematic(s: AppState, layerId: string, style: ThematicStyle | null): AppState {
  const thematic = { ...(s.thematic ?? {}) };
  if (style) thematic[layerId] = style;
  else delete thematic[layerId];
  return { ...s, thematic };
}

/** Changes some settings of a layer's style (creating a graduated style when there is none). */
export function patchThematic(s: AppState, layerId: string, patch: Partial<ThematicSpec>): AppState {
  const cur = s.thematic?.[layerId] ?? { v: THEMATIC_VERSION, kind: 'graduated' as const };
  const next: ThematicStyle = { ...cur, ...patch, v: THEMATIC_VERSION };
  for (const k of Object.keys(next) as (keyof ThematicStyle)[]) if (next[k] === undefined) delete next[k];
  return setThematic(s, layerId, next);
}

export function replaceThematic(s: AppState, thematic: ThematicState): AppState {
  return { ...s, thematic };
}
