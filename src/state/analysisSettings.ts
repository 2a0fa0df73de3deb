// Analysis settings in the app state: the shape of AppState.analysis, defaults, pure updaters,
// and the checker of the `an=` link parameter (the parameter itself is in linkParams.ts).
import type { CoverageTargetId } from '../analysis/indicators';
import { DEFAULT_DETOUR, DEFAULT_SPEED_KMH } from '../analysis/presets';
import type { Checked, Notice } from './url';

/** What the analysis updaters need of the app state. */
type WithAnalysis = { analysis?: AnalysisSettings };

export type WalkMinutes = 5 | 10 | 15;
export const MINUTES: readonly WalkMinutes[] = [5, 10, 15];
export const COVERAGE_TARGETS: readonly CoverageTargetId[] = ['shelter_coverage', 'medical_15min', 'elderly_15min', 'life_circle_15min'];

export interface AnalysisSettings {
  /** Facility layer ids (point, polygon or line layers; shipped or loaded). */
  facilities: string[];
  minutes: WalkMinutes;
  /** Walking speed, km/h. */
  speed: number;
  /** Network distance over straight-line distance (circle mode only). */
  detour: number;
  /** Assessment area: a polygon layer id. */
  area: string;
  /** Only this feature of the area layer (its `name`, else its index as a string). */
  areaFeature?: string;
  /** Property of the area layer holding residents (default: `population_2020`, else the districts layer). */
  popAttr?: string;
  /** Line layer used as the walk network (network mode). */
  network?: string;
  /** Network attribute giving each line's level (bridges, tunnels); absent: layer / bridge / tunnel. */
  levelAttr?: string;
  /** Only plan projects of these `renewal_type` values (when plan-projects is a facility layer). */
  types?: string[];
  /** The plan target this run answers ('auto' or absent: inferred from the facility layers). */
  target?: CoverageTargetId | 'none';
  /** Grid cell size in metres (absent: adaptive). */
  cell?: number;
}

export const DEFAULT_ANALYSIS: AnalysisSettings = {
  facilities: ['shelters'],
  minutes: 15,
  speed: DEFAULT_SPEED_KMH,
  detour: DEFAULT_DETOUR,
  area: 'districts',
};

export const LIMITS = {
  speed: [1, 8] as const,
  detour: [1, 3] as const,
  cell: [10, 500] as const,
  maxFacilityLayers: 8,
};

/** The settings in the state, or the defaults. */
export function analysisOf(s: WithAnalysis): AnalysisSettings {
  return s.analysis ?? DEFAULT_ANALYSIS;
}

/** Merge a partial change; optional fields set to undefined are removed. */
export function updateAnalysis<S extends WithAnalysis>(s: S, patch: Partial<AnalysisSettings>): S {
  const next: AnalysisSettings = { ...analysisOf(s), ...patch };
  for (const k of Object.keys(next) as (keyof AnalysisSettings)[]) if (next[k] === undefined) delete next[k];
  if (next.areaFeature !== undefined && patch.area !== undefined && patch.area !== analysisOf(s).area && !('areaFeature' in patch)) delete next.areaFeature;
  if (next.levelAttr !== undefined && patch.network !== analysisOf(s).network && 'network' in patch && !('levelAttr' in patch)) delete next.levelAttr;
  if (next.popAttr !== undefined && patch.area !== undefined && patch.area !== analysisOf(s).area && !('popAttr' in patch)) delete next.popAttr;
  return { ...s, analysis: next };
}

export function toggleFacilityLayer<S extends WithAnalysis>(s: S, id: string, on: boolean): S {
  const cur = analysisOf(s).facilities;
  const has = cur.includes(id);
  if (has === on) return s;
  const facilities = on ? [...cur, id].slice(0, LIMITS.maxFacilityLayers) : cur.filter((x) => x !== id);
  return updateAnalysis(s, { facilities });
}

export function resetAnalysis<S extends WithAnalysis>(s: S): S {
  return { ...s, analysis: undefined };
}

const ID = /^[\w.:-]{1,120}$/;
const PROP = /^[^\u0000-\u001f]{1,80}$/;

export interface AnalysisParamCheck {
  value?: AnalysisSettings;
  dropped: string[];
}

const inRange = (v: unknown, [lo, hi]: readonly [number, number]) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** Checks the decoded `an=` JSON field by field: bad fields fall back to the defaults and are listed. Never throws. */
export function checkAnalysisParam(v: unknown): AnalysisParamCheck {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { dropped: ['not an object'] };
  const o = v as Record<string, unknown>;
  const dropped: string[] = [];
  const out: AnalysisSettings = { ...DEFAULT_ANALYSIS };
  const known = new Set(['facilities', 'minutes', 'speed', 'detour', 'area', 'areaFeature', 'popAttr', 'network', 'levelAttr', 'types', 'target', 'cell']);
  for (const k of Object.keys(o)) if (!known.has(k)) dropped.push(`unknown field ${k.slice(0, 30)}`);
  if ('facilities' in o) {
    const f = o.facilities;
    if (Array.isArray(f) && f.length <= LIMITS.maxFacilityLayers && f.every((x) => typeof x === 'string' && ID.test(x))) out.facilities = [...new Set(f as string[])];
    else dropped.push('facilities');
  }
  if ('minutes' in o) {
    if (MINUTES.includes(o.minutes as WalkMinutes)) out.minutes = o.minutes as WalkMinutes;
    else dropped.push('minutes');
  }
  if ('speed' in o) {
    if (inRange(o.speed, LIMITS.speed)) out.speed = o.speed as number;
    else dropped.push('speed');
  }
  if ('detour' in o) {
    if (inRange(o.detour, LIMITS.detour)) out.detour = o.detour as number;
    else dropped.push('detour');
  }
  if ('area' in o) {
    if (typeof o.area === 'string' && ID.test(o.area)) out.area = o.area;
    else dropped.push('area');
  }
  for (const k of ['areaFeature', 'popAttr', 'levelAttr'] as const) {
    if (!(k in o)) continue;
    if (typeof o[k] === 'string' && PROP.test(o[k] as string)) out[k] = o[k] as string;
    else dropped.push(k);
  }
  if ('network' in o) {
    if (typeof o.network === 'string' && ID.test(o.network)) out.network = o.network;
    else dropped.push('network');
  }
  if ('types' in o) {
    const t = o.types;
    if (Array.isArray(t) && t.length <= 20 && t.every((x) => typeof x === 'string' && /^[\w-]{1,40}$/.test(x))) out.types = t as string[];
    else dropped.push('types');
  }
  if ('target' in o) {
    if (o.target === 'none' || COVERAGE_TARGETS.includes(o.target as CoverageTargetId)) out.target = o.target as AnalysisSettings['target'];
    else dropped.push('target');
  }
  if ('cell' in o) {
    if (inRange(o.cell, LIMITS.cell)) out.cell = o.cell as number;
    else dropped.push('cell');
  }
  return { value: out, dropped };
}

export function analysisDroppedNotice(dropped: string[]): Notice {
  const list = dropped.slice(0, 5).join(', ') + (dropped.length > 5 ? ` (+${dropped.length - 5})` : '');
  return {
    code: 'url.an',
    message: {
      zh: `链接中的部分分析设置无效，已改用默认值：${list}`,
      en: `Some analysis settings in the link are invalid and were reset to their defaults: ${list}`,
    },
  };
}

/** The `an=` checker: not an object → dropped with a notice; bad fields → their defaults and a notice. */
export function checkAnalysis(v: unknown): Checked<AnalysisSettings> {
  const r = checkAnalysisParam(v);
  if (!r.value) return { notices: [{ code: 'url.an', message: { zh: '链接参数 an：分析设置无效，已忽略', en: 'Link parameter an: invalid analysis settings; ignored' } }] };
  return { value: r.value, notices: r.dropped.length ? [analysisDroppedNotice(r.dropped)] : [] };
}
