// Filters in the app state: pure updaters over AppState.filters, and the checker of the `f=`
// link parameter (the parameter itself is in linkParams.ts).
import {
  clearFilter,
  parseLayerFilter,
  removeClause,
  setLayerFilter,
  type ClauseKey,
  type FilterState,
  type LayerFilter,
} from '../lib/filterModel';
import type { AppState } from './appState';
import type { Checked, Notice } from './url';

export function setFilterFor<S extends Pick<AppState, 'filters'>>(s: S, layerId: string, f: LayerFilter): S {
  return { ...s, filters: setLayerFilter(s.filters, layerId, f) };
}

/** Applies a LayerFilter updater (e.g. `f => toggleCategoryValue(f, 'kind', 'park')`) to one layer. */
export function updateFilterFor<S extends Pick<AppState, 'filters'>>(s: S, layerId: string, fn: (f: LayerFilter) => LayerFilter): S {
  return setFilterFor(s, layerId, fn(s.filters[layerId] ?? {}));
}

export function removeFilterClause<S extends Pick<AppState, 'filters'>>(s: S, layerId: string, key: ClauseKey): S {
  const f = s.filters[layerId];
  return f ? setFilterFor(s, layerId, removeClause(f, key)) : s;
}

export function clearLayerFilter<S extends Pick<AppState, 'filters'>>(s: S, layerId: string): S {
  return s.filters[layerId] ? { ...s, filters: clearFilter(s.filters, layerId) } : s;
}

export function clearAllFilters<S extends Pick<AppState, 'filters'>>(s: S): S {
  return Object.keys(s.filters).length ? { ...s, filters: {} } : s;
}

const LAYER_ID = /^[\w.:-]{1,120}$/;
const MAX_LAYERS = 100;

export interface FilterParamCheck {
  /** The valid part (absent when nothing valid remains). */
  value?: FilterState;
  /** What was dropped, in words (technical, the same in both languages). */
  dropped: string[];
}

/** Validates the decoded `f=` JSON: keeps the valid clauses of valid layer ids. Never throws. */
export function checkFilterParam(v: unknown): FilterParamCheck {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { dropped: ['not an object of layer filters'] };
  const dropped: string[] = [];
  const value: FilterState = {};
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > MAX_LAYERS) dropped.push(`more than ${MAX_LAYERS} layers`);
  for (const [id, raw] of entries.slice(0, MAX_LAYERS)) {
    if (!LAYER_ID.test(id)) {
      dropped.push(`layer id "${id.slice(0, 40)}"`);
      continue;
    }
    const { filter, errors } = parseLayerFilter(raw);
    dropped.push(...errors.map((e) => `${id}.${e}`));
    if (Object.keys(filter).length) value[id] = filter;
  }
  return Object.keys(value).length || !dropped.length ? { value, dropped } : { dropped };
}

export function droppedNotice(dropped: string[]): Notice {
  const list = dropped.slice(0, 4).join('; ') + (dropped.length > 4 ? ` (+${dropped.length - 4})` : '');
  return {
    code: 'url.f',
    message: {
      zh: `链接中的部分筛选条件无效，已忽略：${list}`,
      en: `Some filter conditions in the link are invalid and were ignored: ${list}`,
    },
  };
}

/** The `f=` checker: the valid clauses of valid layer ids, and a notice naming what was dropped. */
export function checkFilters(v: unknown): Checked<FilterState> {
  const r = checkFilterParam(v);
  return { value: r.value, notices: r.dropped.length ? [droppedNotice(r.dropped)] : [] };
}
