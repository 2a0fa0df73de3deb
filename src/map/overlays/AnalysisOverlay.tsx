// Coverage results on the map: covered (teal) and uncovered (warm red) areas,
// and in network mode the reached streets. Drawn under the point layers.
import { useMemo } from 'react';
import type { FeatureCollection } from 'geojson';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { useResults } from '../../state/derivedResults';

export const ANALYSIS_LAYER_IDS = {
  covered: 'analysis:covered',
  uncovered: 'analysis:uncovered',
  outline: 'analysis:outline',
  edges: 'analysis:edges',
} as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The first point or label layer in the style, so fills go beneath markers and names. */
function firstPointLayer(ids: string[]): string | undefined {
  return ids.find((id) => id.endsWith(':point')) ?? ids.find((id) => id.endsWith(':label'));
}

export function AnalysisOverlay() {
  const { current: map } = useMap();
  const result = useResults((s) => s.result);
  const edges = useResults((s) => s.edges);
  const running = useResults((s) => s.status === 'running');
  const areas = useMemo<FeatureCollection>(
    () => (result ? { type: 'FeatureCollection', features: [...result.uncovered.features, ...result.covered.features] } : EMPTY),
    [result],
  );
  const styleIds = map?.getStyle()?.layers?.map((l) => l.id) ?? [];
  const own = styleIds.filter((id) => !id.startsWith('analysis:'));
  const before = firstPointLayer(own);
  const labels = own.find((id) => id.endsWith(':label'));
  const dim = running ? 0.5 : 1;
  return (
    <>
      <Source id="analysis-areas" type="geojson" data={areas}>
        <Layer id={ANALYSIS_LAYER_IDS.uncovered} type="fill" beforeId={before} filter={['==', ['get', 'status'], 'uncovered']}
          paint={{ 'fill-color': '#d4583b', 'fill-opacity': 0.16 * dim }} />
        <Layer id={ANALYSIS_LAYER_IDS.covered} type="fill" beforeId={before} filter={['==', ['get', 'status'], 'covered']}
          paint={{ 'fill-color': '#1c9a8a', 'fill-opacity': 0.4 * dim }} />
        <Layer id={ANALYSIS_LAYER_IDS.outline} type="line" beforeId={before} filter={['==', ['get', 'status'], 'covered']}
          paint={{ 'line-color': '#0f6f63', 'line-width': 0.8, 'line-opacity': 0.8 * dim }} />
      </Source>
      <Source id="analysis-edges" type="geojson" data={edges ?? EMPTY}>
        <Layer id={ANALYSIS_LAYER_IDS.edges} type="line" beforeId={labels}
          paint={{ 'line-color': '#0b5d8f', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 15, 3], 'line-opacity': 0.85 * dim }} />
      </Source>
    </>
  );
}
