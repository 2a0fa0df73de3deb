// Filters in the app state: pure updaters over AppState.filters, and the
// validator for the `f=` link parameter (registered at module load, so any
// module importing this one before App's first readUrl gets links checked).
import type { LocalText } from '../catalog/types';
import {
  clearFilter,
  parseLayerFilter,
  removeClause,
  setLayerFilter,
  type ClauseKey,
  type FilterState,
  type LayerFilter,
} from '../lib/filterModel';
import { act } from './store';
import { pushNotice, type AppState } from './updaters';
import { registerUrlValidator } from './urlSync';

export function setFilterFor(s: AppState, layerId: string, f: LayerFilter): AppState {
  return { ...s, filters: setLayerFilter(s.filters, layerId, f) };
}

/** Applies a LayerFilter updater (e.g. `f => toggleCategoryValue(f, 'kind', 'park')`) to one layer. */
export function updateFilterFor(s: AppState, layerId: string, fn: (f: LayerFilter) => LayerFilter): AppState {
  return setFilterFor(s, layerId, fn(s.filters[layerId] ?? {}));
}

export function removeFilterClause(s: AppState, layerId: string, key: ClauseKey): AppState {
  const f = s.filters[layerId];
  return f ? setFilterFor(s, layerId, removeClause(f, key)) : s;
}

export function clearLayerFilter(s: AppState, layerId: string): AppState {
  return s.filters[layerId] ? { ...s, filters: clearFilter(s.filters, layerId) } : s;
}

export function clearAllFilters(s: AppState): AppState {
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

export function droppedNotice(dropped: string[]): { code: string; message: LocalText } {
  const list = dropped.slice(0, 4).join('; ') + (dropped.length > 4 ? ` (+${dropped.length - 4})` : '');
  return {
    code: 'url.f',
    message: {
      zh: `链接中的部分筛选条件无效，已忽略：${list}`,
      en: `Some filter conditions in the link are invalid and were ignored: ${list}`,
    },
  };
}

/**
 * The `f=` validator: nothing valid → an error (the codec drops `f` with a
 * notice); partly valid → the valid part is kept and a notice lists the rest.
 */
export function validateFilterParam(v: unknown): { value?: unknown; error?: LocalText } {
  const r = checkFilterParam(v);
  if (!r.value) {
    const list = r.dropped.slice(0, 4).join('; ');
    return { error: { zh: `筛选条件无效（${list}）`, en: `invalid filter (${list})` } };
  }
  if (r.dropped.length) {
    // The codec has no channel for warnings on a kept value: report after the URL is applied.
    const n = droppedNotice(r.dropped);
    queueMicrotask(() => act(pushNotice, n));
  }
  return { value: r.value };
}

registerUrlValidator('f', validateFilterParam);
