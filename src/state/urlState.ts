// Between the store and the link: which parts of AppState the hash holds, and how a decoded
// hash becomes state. A parameter absent from the link means the default, when written and
// when read alike (no f= → no filters, no lang= → Chinese, no bm= → the embedded basemap).
// JSON parameters (f=, an=, …) are described by a StateParam each; the composition root
// (main.tsx) passes the list, so adding a parameter is one more entry there.
import { defaultVisible, HOME_VIEW, type AppState } from './appState';
import type { Checked, Notice, ParamChecker, UrlState } from './url';

export interface StateParam<T = unknown> {
  /** The hash key, e.g. `f`. */
  key: string;
  /** Checks the decoded JSON: the value to use (none: dropped) and notices for what was wrong. */
  check: (decoded: unknown) => Checked<T>;
  /** The value to write, or undefined when the state holds the default (the key is left out). */
  write: (s: AppState) => T | undefined;
  /** The state holding `value`; undefined means absent or dropped, i.e. the default. */
  read: (s: AppState, value: T | undefined) => AppState;
}

/** Erases a parameter's value type so parameters of different types fit in one list. */
export function defineParam<T>(p: StateParam<T>): StateParam {
  return p as unknown as StateParam;
}

/** The checkers of a parameter list, for decodeHash. */
export function checkersOf(params: readonly StateParam[]): Record<string, ParamChecker> {
  return Object.fromEntries(params.map((p) => [p.key, p.check]));
}

/**
 * The state a link describes. Every shareable part is set: from the link, or its default when
 * the link leaves it out, so that reading what was written gives back the same state.
 */
export function applyUrl(s: AppState, u: UrlState, notices: Notice[], params: readonly StateParam[]): AppState {
  let next: AppState = {
    ...s,
    view: u.view ?? HOME_VIEW,
    visible: u.layers ?? defaultVisible(s.catalog),
    lang: u.lang ?? 'zh',
    basemap: u.basemap ?? 'offline',
    opacity: u.opacity ?? {},
    notices: [...s.notices, ...notices],
  };
  for (const p of params) next = p.read(next, u.params?.[p.key]);
  if (next.selection && !next.visible.includes(next.selection.layerId)) next = { ...next, selection: null };
  return next;
}

export function toUrlState(s: AppState, params: readonly StateParam[]): UrlState {
  const values: Record<string, unknown> = {};
  for (const p of params) {
    const v = p.write(s);
    if (v !== undefined) values[p.key] = v;
  }
  return { view: s.view, layers: s.visible, lang: s.lang, basemap: s.basemap, opacity: s.opacity, params: values };
}
