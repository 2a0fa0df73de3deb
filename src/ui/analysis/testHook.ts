// Test hook for browser tests and host pages: `window.renewalAnalysis`.
// - addTestLayer(fc, opts): adds a FeatureCollection as a loaded layer through
//   the user-layers updater (e.g. a small street grid for network mode; there is
//   no street layer shipped), registered for the analysis and drawn by MapLibre.
// - status(): the results store's status and totals.
import type { FeatureCollection } from 'geojson';
import type { GeometryKind } from '../../catalog/types';
import { registerData } from '../../data/registry';
import { useResults } from '../../state/analysisResults';
import { act } from '../../state/store';
import { addUserLayers, makeUserLayer } from '../../state/userLayers';

interface TestLayerOptions {
  id?: string;
  name?: string;
  kind?: GeometryKind;
  visible?: boolean;
  /** false: MapLibre gets an empty collection (the analysis still sees the data); spares big test layers the tiling. */
  draw?: boolean;
}

function addTestLayer(fc: FeatureCollection, o: TestLayerOptions = {}): string {
  const kind: GeometryKind = o.kind ?? (/Line/.test(fc.features[0]?.geometry?.type ?? '') ? 'line' : /Polygon/.test(fc.features[0]?.geometry?.type ?? '') ? 'polygon' : 'point');
  const id = o.id ?? `u-test-${Date.now().toString(36)}`;
  const props = fc.features[0]?.properties ?? {};
  const drawn = o.draw === false ? { type: 'FeatureCollection', features: [] } : fc;
  const url = URL.createObjectURL(new Blob([JSON.stringify(drawn)], { type: 'application/geo+json' }));
  const layer = makeUserLayer(
    { id, name: o.name ?? id, fileName: `${id}.geojson`, source: 'test hook', sourceCrs: 'WGS84', kind, featureCount: fc.features.length, color: '#7f7f7f', fields: Object.keys(props) },
    url,
  );
  registerData(id, fc);
  act(addUserLayers, [layer], o.visible === false ? [] : [id]);
  return id;
}

function status() {
  const s = useResults.getState();
  return { status: s.status, runId: s.runId, coveredPct: s.result?.coveredPct ?? null, rows: s.result?.perZone.length ?? 0, edges: s.edges?.features.length ?? 0 };
}

if (typeof window !== 'undefined') {
  (window as unknown as { renewalAnalysis: unknown }).renewalAnalysis = { addTestLayer, status };
}
