// Bringing one feature into view and selecting it (table rows, place search).
import type { Feature, Geometry } from 'geojson';
import { flyZoom, maxZoomForAccuracy } from '../../lib/accuracyZoom';
import { geometryBbox } from '../../lib/geomPrep';
import { fitBounds, getMap } from '../../map/mapHandle';
import { act } from '../../state/store';
import { select, setLayerVisible } from '../../state/updaters';

/** Flies to a point (zooming in to at least 14) or fits a line's or polygon's extent,
 *  never deeper than the feature's `accuracy_m` supports. */
export function flyToGeometry(g: Geometry | null, accuracyM?: unknown): void {
  const b = geometryBbox(g);
  const map = getMap();
  if (!b || !map) return;
  if (b[0] === b[2] && b[1] === b[3]) map.flyTo({ center: [b[0], b[1]], zoom: flyZoom(map.getZoom(), 14, accuracyM), duration: 600 });
  else fitBounds([[b[0], b[1]], [b[2], b[3]]], Math.min(15, maxZoomForAccuracy(accuracyM)));
}

/** Selects feature `index` of a layer (its map id), showing the layer if it was hidden, and flies to it. */
export function focusFeature(layerId: string, index: number, feature: Feature<Geometry | null>, fly = true): void {
  act(setLayerVisible, layerId, true);
  act(select, { layerId, featureId: index, properties: { ...(feature.properties ?? {}) } });
  if (fly) flyToGeometry(feature.geometry, feature.properties?.accuracy_m);
}
