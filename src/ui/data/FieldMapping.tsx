// What the planner declares about a loaded layer: complete or not (the plan targets
// draw a verdict only from complete layers) and which column holds beds, places,
// area or population. Saved with the layer.
import { useEffect, useState } from 'react';
import { FIELD_ROLES, guessFieldMap } from '../../analysis/fieldRoles';
import type { FieldRole } from '../../catalog/types';
import { dataService } from '../../data/client';
import { whenIdle } from '../../map/mapHandle';
import { t, type Lang } from '../../i18n/strings';
import { act } from '../../state/store';
import { declareComplete, initFieldMap, mapField } from '../../state/layerDeclarations';
import type { UserLayer } from '../../state/appState';

const ROLE_KEY: Record<FieldRole, 'roleBeds' | 'rolePlaces' | 'roleArea' | 'rolePopulation'> = {
  beds: 'roleBeds',
  places: 'rolePlaces',
  area: 'roleArea',
  population: 'rolePopulation',
};

/**
 * Column names, from the data service's field statistics (the features stay in the
 * service), asked for once the map has drawn: a layer just loaded draws first.
 */
function useColumns(layer: UserLayer): string[] {
  const [state, setState] = useState<{ id: string; columns: string[] } | null>(null);
  useEffect(() => {
    let live = true;
    void whenIdle()
      .then(() => (live ? dataService().ask(layer, 'stats', { layerId: layer.id }) : null))
      .then((stats) => live && stats && setState({ id: layer.id, columns: stats.map((f) => f.name) }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the layer's id and data URL identify its columns
  }, [layer.id, layer.dataUrl]);
  return state?.id === layer.id ? state.columns : [];
}

export function FieldMapping({ layer, lang }: { layer: UserLayer; lang: Lang }) {
  const columns = useColumns(layer);
  useEffect(() => {
    if (!layer.fieldMap && columns.length) act(initFieldMap, layer.id, guessFieldMap(columns));
  }, [layer.id, layer.fieldMap, columns]);
  const complete = !!layer.completeness?.complete;
  return (
    <details className="ul-fields" data-field-mapping={layer.id}>
      <summary>{t('fieldsTitle', lang)}{complete ? ` · ${t('declaredComplete', lang)}` : ''}</summary>
      <label className="ul-complete">
        <input type="checkbox" checked={complete} onChange={(e) => act(declareComplete, layer.id, e.target.checked)} data-action="declare-complete" />
        {t('declareComplete', lang)}
      </label>
      <p className="ul-hint">{t('declareCompleteHint', lang)}</p>
      {FIELD_ROLES.map((role) => (
        <label key={role} className="ul-role">
          <span>{t(ROLE_KEY[role], lang)}</span>
          <select value={layer.fieldMap?.[role] ?? ''} onChange={(e) => act(mapField, layer.id, role, e.target.value)} data-role={role}>
            <option value="">—</option>
            {columns.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
      ))}
    </details>
  );
}
