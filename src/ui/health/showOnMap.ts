// "Show on the map": the units with every indicator as an attribute become one derived layer
// (replaced on each click), styled by the chosen indicator — by target classes where the plan
// sets one (threshold preselected), else by quantiles.
import type { FeatureCollection } from 'geojson';
import type { HealthTable } from '../../analysis/healthCheck';
import { collectionBBox } from '../../analysis/geo';
import { forgetData, registerData } from '../../data/registry';
import { act, useStore } from '../../state/store';
import { THEMATIC_VERSION, setThematic, type ThematicStyle } from '../../state/thematic';
import { addUserLayers, makeUserLayer, removeUserLayer } from '../../state/userLayers';
import { setLayerVisible } from '../../state/updaters';

export const HEALTH_LAYER_PREFIX = 'u-health-';

/** The units' features with one attribute per indicator (null where missing). */
export function healthFeatures(units: FeatureCollection, t: HealthTable): FeatureCollection {
  const polys = units.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');
  return {
    type: 'FeatureCollection',
    features: polys.map((f, i) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: { name: t.units[i]?.name ?? '', ...Object.fromEntries(t.indicators.map((ind) => [ind.id, ind.cells[i]?.value === null || ind.cells[i]?.value === undefined ? null : Number(ind.cells[i].value!.toFixed(ind.digits + 2))])) },
    })),
  };
}

/** The thematic style for one indicator column. */
export function indicatorStyle(t: HealthTable, indicatorId: string): ThematicStyle {
  const ind = t.indicators.find((i) => i.id === indicatorId);
  const base = { v: THEMATIC_VERSION, kind: 'graduated' as const, field: indicatorId, label: indicatorId };
  if (ind?.target) return { ...base, method: 'target', target: { threshold: ind.target.threshold, close: 0.2, id: ind.target.id, direction: ind.target.direction } };
  return { ...base, method: 'quantile', classes: 5, ramp: 'YlGnBu' };
}

export function showIndicatorOnMap(units: FeatureCollection, t: HealthTable, indicatorId: string, title: string): string {
  const s = useStore.getState();
  for (const l of s.userLayers) if (l.id.startsWith(HEALTH_LAYER_PREFIX)) {
    act(removeUserLayer, l.id);
    forgetData(l.id);
    if (l.dataUrl.startsWith('blob:')) URL.revokeObjectURL(l.dataUrl);
  }
  const fc = healthFeatures(units, t);
  const id = `${HEALTH_LAYER_PREFIX}${Date.now().toString(36)}`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }));
  const bbox = collectionBBox(fc) ?? undefined;
  const layer = makeUserLayer({
    id, name: title, fileName: `${id}.geojson`, source: `${t.unitsSource.zh} · ${t.date}`, sourceCrs: 'WGS84', kind: 'polygon',
    featureCount: fc.features.length, bbox, color: '#555555', fields: ['name', ...t.indicators.map((i) => i.id)],
  }, url);
  registerData(id, fc);
  act(addUserLayers, [layer]);
  act(setLayerVisible, id, true);
  act(setThematic, id, indicatorStyle(t, indicatorId));
  return id;
}
