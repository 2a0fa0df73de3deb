// Large point layers with a thematic style draw their classes through a GPU custom layer
// (GpuPointsLayer): this hook fetches each such layer's positions from the data service once,
// hands the layer every new set of class bytes, and keeps it in the style, above the layer's
// (then invisible) MapLibre circles. Returns an entry for each layer whose current style is
// drawn this way, saying whether the GPU layer draws yet (`drawn`); the style builder reads it.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { MapRef } from 'react-map-gl/maplibre';
import { dataService } from '../../data/client';
import type { PointPositions } from '../../lib/mercatorPoints';
import { classPalette, type ClassPalette } from '../../lib/thematic/featureClasses';
import { disableGpuPoints, gpuPointsEligible } from '../../lib/thematic/gpuPoints';
import type { ThematicSpec } from '../../lib/thematic/spec';
import type { CatalogLayer } from '../../catalog/types';
import { useThematicResults, type ThematicResult } from '../../state/thematicResults';
import { GpuPointsLayer } from './GpuPointsLayer';
import { DENSE_POINTS_MIN_FEATURES, OUTLINE_MIN_ZOOM, pointRadiusStops } from '../style';

export const gpuLayerId = (layerId: string): string => `${layerId}:gpu`;

/** The GPU layers on the map, by layer id (one map in the app). */
const live = new Map<string, GpuPointsLayer>();

/** Shows the hovered feature of a GPU-drawn layer (MapLibre's circles, which show it otherwise, are invisible). */
export function hoverGpuPoint(layerId: string | null, index: number | null): void {
  for (const [id, impl] of live) impl.setHighlight(id === layerId ? index : null, 'hovered');
}

type Layer = CatalogLayer & { dataUrl?: string };

/** Any field-styled kind: which layers could draw on the GPU at all. */
const PROBE: ThematicSpec = { kind: 'graduated', field: '*' };

export interface GpuState {
  /** The GPU layer has positions and classes: MapLibre's circles for it are made invisible. */
  drawn: boolean;
}

interface Args {
  layers: Layer[];
  thematic: Record<string, ThematicSpec>;
  visible: string[];
  opacity: Record<string, number>;
  selected: number | null;
  selectedLayer: string | null;
}

/** Keeps the custom layer right above the layer's circles (or where they would be). */
function place(map: MlMap, impl: GpuPointsLayer, layerId: string): void {
  const ids = map.getLayersOrder();
  const at = ids.indexOf(`${layerId}:point`);
  const before = at >= 0 ? ids[at + 1] : undefined;
  const nextId = before === impl.id ? ids[at + 2] : before;
  if (!map.getLayer(impl.id)) map.addLayer(impl, nextId);
  else if (before !== impl.id && at >= 0) map.moveLayer(impl.id, nextId);
}

export function useGpuPoints(ref: RefObject<MapRef | null>, a: Args): Record<string, GpuState> {
  const [positions, setPositions] = useState<Record<string, { url: string; p: PointPositions | null }>>({});
  const impls = useRef(new Map<string, GpuPointsLayer>());
  const palettes = useRef(new WeakMap<ThematicResult, ClassPalette>());
  const [, bump] = useState(0);

  // Every layer that could draw on the GPU gets its layer (shaders compiled) and positions
  // (uploaded) when it loads, so that its first restyle only sends class bytes.
  const candidates = a.layers.filter((l) => gpuPointsEligible(l, PROBE));
  const active = new Set(a.layers.filter((l) => gpuPointsEligible(l, a.thematic[l.id])).map((l) => l.id));

  // New classes go to the GPU layer as they land in the store, not after React's next commit
  // (its effects wait for the browser to paint, which under a software renderer can be a frame away).
  const now = useRef({ candidates, active, positions });
  now.current = { candidates, active, positions };
  const feed = useCallback((byLayer: Record<string, ThematicResult>) => {
    const { candidates: cs, active: on, positions: ps } = now.current;
    for (const l of cs) {
      const impl = impls.current.get(l.id);
      const pos = ps[l.id]?.p;
      const r = byLayer[l.id];
      if (!impl || !pos) continue;
      impl.setPositions(pos);
      // Classes of an older style keep drawing until the new ones are in (no flash).
      if (!on.has(l.id)) impl.clearClasses();
      else if (r?.perFeature && r.classes && r.perFeature.length === pos.count) {
        let pal = palettes.current.get(r);
        if (!pal) palettes.current.set(r, (pal = classPalette(r.classes)));
        impl.setClasses(r.perFeature, pal, r.key);
      }
    }
  }, []);
  useEffect(() => useThematicResults.subscribe((s) => feed(s.byLayer)), [feed]);

  // Positions, once per layer (and again if the layer's data is replaced).
  const requested = useRef(new Map<string, string>());
  const candidatesKey = candidates.map((l) => `${l.id}@${l.dataUrl ?? l.file}`).join('|');
  useEffect(() => {
    for (const l of now.current.candidates) {
      const url = l.dataUrl ?? l.file;
      if (requested.current.get(l.id) === url) continue;
      requested.current.set(l.id, url);
      void dataService().ask(l, 'points', { layerId: l.id }).then(
        (p) => setPositions((s) => (requested.current.get(l.id) === url ? { ...s, [l.id]: { url, p } } : s)),
        () => undefined,
      );
    }
  }, [candidatesKey]);

  // The custom layers: made, fed and placed; removed when no longer wanted.
  useEffect(() => {
    const map = ref.current?.getMap();
    if (!map) return;
    const want = new Set(candidates.map((l) => l.id));
    for (const [id, impl] of impls.current) {
      if (want.has(id)) continue;
      if (map.getLayer(impl.id)) map.removeLayer(impl.id);
      impls.current.delete(id);
      live.delete(id);
    }
    for (const l of candidates) {
      const spec = a.thematic[l.id];
      const on = active.has(l.id);
      const style = {
        radiusStops: pointRadiusStops(l.style.radius ?? 5, (l.feature_count ?? 0) > DENSE_POINTS_MIN_FEATURES),
        opacity: (a.opacity[l.id] ?? 1) * (spec?.kind === 'circles' ? 0.85 : 1),
        strokeMinZoom: OUTLINE_MIN_ZOOM,
        visible: on && a.visible.includes(l.id),
      };
      let impl = impls.current.get(l.id);
      if (!impl) {
        impl = new GpuPointsLayer(gpuLayerId(l.id), style);
        impl.onDrawable = () => bump((n) => n + 1);
        impl.onFailed = (e) => {
          console.warn('GPU points are off on this device; MapLibre draws the classes instead.', e);
          disableGpuPoints();
          bump((n) => n + 1);
        };
        impls.current.set(l.id, impl);
        live.set(l.id, impl);
      } else impl.setStyle(style);
      impl.setHighlight(a.selectedLayer === l.id ? a.selected : null);
      if (map.getLayer(`${l.id}:point`)) place(map, impl, l.id);
    }
    feed(useThematicResults.getState().byLayer);
  });

  // A new basemap style drops custom layers: put them back.
  useEffect(() => {
    const map = ref.current?.getMap();
    if (!map) return;
    const onStyle = () => {
      for (const [id, impl] of impls.current) if (map.getLayer(`${id}:point`) && !map.getLayer(impl.id)) place(map, impl, id);
    };
    map.on('styledata', onStyle);
    return () => void map.off('styledata', onStyle);
  });

  // Every layer styled for the GPU, its layer made yet or not: its circles must not take each new style.
  const out: Record<string, GpuState> = {};
  for (const id of active) out[id] = { drawn: impls.current.get(id)?.ready ?? false };
  return out;
}
