// Pure updaters for what a planner declares about a loaded layer: whether it is
// complete (so the plan targets may draw a verdict from it) and which column holds
// beds, places, area or population. Both are saved with the layer.
import type { Completeness, FieldRole } from '../catalog/types';
import type { AppState, UserLayer } from './appState';

export const DECLARED_COMPLETE: Completeness = {
  complete: true,
  note: { zh: '规划人员声明此图层为完整名录', en: 'declared a complete list by the planner' },
};

function update(s: AppState, id: string, fn: (l: UserLayer) => UserLayer): AppState {
  const i = s.userLayers.findIndex((l) => l.id === id);
  if (i < 0) return s;
  const next = fn(s.userLayers[i]);
  if (next === s.userLayers[i]) return s;
  const userLayers = s.userLayers.slice();
  userLayers[i] = next;
  return { ...s, userLayers };
}

/** Declare a loaded layer complete (or take the declaration back). */
export function declareComplete(s: AppState, id: string, complete: boolean): AppState {
  return update(s, id, (l) => {
    if (!!l.completeness?.complete === complete) return l;
    if (complete) return { ...l, completeness: DECLARED_COMPLETE };
    const { completeness: _c, ...rest } = l;
    void _c;
    return rest;
  });
}

/** Say which column plays a role; an empty column removes the role. */
export function mapField(s: AppState, id: string, role: FieldRole, column: string): AppState {
  return update(s, id, (l) => {
    const current = l.fieldMap?.[role] ?? '';
    if (current === column) return l;
    const fieldMap = { ...(l.fieldMap ?? {}) };
    if (column) fieldMap[role] = column;
    else delete fieldMap[role];
    return { ...l, fieldMap };
  });
}

/** Set the whole mapping at once (a first guess), only where none is set yet. */
export function initFieldMap(s: AppState, id: string, map: Partial<Record<FieldRole, string>>): AppState {
  return update(s, id, (l) => (l.fieldMap ? l : { ...l, fieldMap: { ...map } }));
}
