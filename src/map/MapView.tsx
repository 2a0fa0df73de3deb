// The map: basemap + one vector-tile source per layer (tiles cut by the data
// service, see tiles.ts), all derived from the store.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import Map, { AttributionControl, Layer, NavigationControl, ScaleControl, Source, type MapRef, type MapLayerMouseEvent } from 'react-map-gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import { act, useStore } from '../state/store';
import { allLayers } from '../state/appState';
import { select, setView } from '../state/updaters';
import { ATTRIBUTION, mapStyleFor } from './basemaps';
import { useCustomBasemap } from '../state/customBasemap';
import { mapLocale } from './locale';
import { ensurePmtilesProtocol } from './pmtilesBasemap';
import { isBasemapError, useBasemapFallback } from './useBasemapFallback';
import { dataService } from '../data/client';
import { buildLayerSpecs, styleLayerIds } from './style';
import { registerTileProtocol, tileUrl, TILE_MAXZOOM, TILE_SOURCE_LAYER } from './tiles';
import { archiveUrl, isPmtiles, registerPmtilesProtocol } from './pmtiles';
import { registerMap, type FeatureRef } from './mapHandle';
import { Overlays } from './overlays/Overlays';
import { useLayerFilters } from './overlays/useLayerFilters';
import { useThematic } from './useThematic';
import { hoverGpuPoint, useGpuPoints } from './gpuPoints/useGpuPoints';
import { useSettled } from './gpuPoints/useSettled';

maplibregl.setWorkerUrl(workerUrl);

const BASE = typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
/**
 * `?draw=geojson` hands MapLibre's own worker each layer as a GeoJSON source instead
 * of the service's tiles: kept only so the perf script can measure both designs.
 */
const DRAW_GEOJSON = typeof location !== 'undefined' && new URLSearchParams(location.search).get('draw') === 'geojson';

function attribution(basemap: keyof typeof ATTRIBUTION, hasKey: boolean, lang: 'zh' | 'en', customName?: string): string[] {
  const under = ATTRIBUTION.offline[lang];
  if (basemap === 'offline' || (basemap === 'tianditu' && !hasKey)) return [under];
  if (basemap === 'custom') return [customName || ATTRIBUTION.custom[lang], under];
  return [ATTRIBUTION[basemap][lang], under];
}

export function MapView() {
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const opacity = useStore((s) => s.opacity);
  const lang = useStore((s) => s.lang);
  const basemap = useStore((s) => s.basemap);
  const key = useStore((s) => s.tiandituKey);
  const selection = useStore((s) => s.selection);
  const embed = useStore((s) => s.embed);
  const filters = useLayerFilters();
  const thematic = useThematic();
  const thematicSpecs = useStore((s) => s.thematic);
  const ref = useRef<MapRef>(null);
  const hover = useRef<FeatureRef | null>(null);
  const selected = useRef<FeatureRef | null>(null);

  const custom = useCustomBasemap((s) => s.custom);
  const mapStyle = useMemo(() => {
    if (basemap === 'custom' && custom?.kind === 'pmtiles') ensurePmtilesProtocol();
    return mapStyleFor(basemap, BASE, key, lang, custom);
  }, [basemap, key, lang, custom]);
  useBasemapFallback();
  // Map controls' tooltips follow the language: MapLibre reads them when a control is made, and the
  // controls below are remade on a language change, so the table is switched during render, before
  // their effects run (idempotent).
  useMemo(() => {
    const map = ref.current?.getMap();
    if (map) map._locale = { ...map._locale, ...mapLocale(lang) };
  }, [lang]);
  const layers = useMemo(() => allLayers({ catalog, userLayers }), [catalog, userLayers]);
  // Every layer is opened in the data service (fetched and parsed there once), and tiles are asked of it.
  registerTileProtocol(dataService());
  registerPmtilesProtocol();
  useEffect(() => layers.forEach((l) => dataService().open(l)), [layers]);
  const interactive = useMemo(
    () => layers.flatMap((l) => styleLayerIds(l).filter((id) => !id.endsWith(':label'))),
    [layers],
  );

  const setState = (f: FeatureRef | null, k: 'hover' | 'selected', on: boolean) => {
    const map = ref.current?.getMap();
    if (!f || !map || !map.getSource(f.source)) return;
    map.setFeatureState({ source: f.source, sourceLayer: sourceLayerOf(f.source), id: f.id }, { [k]: on });
  };

  const refOf = (f: MapGeoJSONFeature): FeatureRef | null =>
    f.id === undefined || f.id === null ? null : { source: f.source, id: Number(f.id), layerId: f.source.replace(/:pts$/, '') };

  const sourceLayers = useRef<Record<string, string>>({});
  sourceLayers.current = Object.fromEntries(layers.filter(isPmtiles).map((l) => [l.id, l.sourceLayer ?? '']));
  const sourceLayerOf = (source: string) => sourceLayers.current[source] ?? (DRAW_GEOJSON ? undefined : TILE_SOURCE_LAYER);

  const onMove = useCallback((e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const next = f ? refOf(f) : null;
    if (next?.source === hover.current?.source && next?.id === hover.current?.id) return;
    setState(hover.current, 'hover', false);
    hover.current = next;
    setState(next, 'hover', true);
    hoverGpuPoint(next?.source ?? null, next?.id ?? null);
  }, []);

  const onLeave = useCallback(() => {
    setState(hover.current, 'hover', false);
    hover.current = null;
    hoverGpuPoint(null, null);
  }, []);

  const onClick = useCallback((e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const r = f ? refOf(f) : null;
    act(select, r && f ? { layerId: r.layerId, featureId: r.id, properties: { ...f.properties } } : null);
  }, []);

  // Keep the selected feature highlighted.
  useEffect(() => {
    setState(selected.current, 'selected', false);
    selected.current = selection ? { source: selection.layerId, id: selection.featureId, layerId: selection.layerId } : null;
    setState(selected.current, 'selected', true);
  }, [selection]);

  const onLoad = useCallback(() => {
    const map = ref.current?.getMap();
    if (map) registerMap(map);
  }, []);

  // MapLibre's circles of a GPU-drawn layer take the thematic style a second after restyling
  // pauses: off the user's path, so the style, queries and hit areas catch up.
  const settledThematic = useSettled(thematic, 1000);
  const gpu = useGpuPoints(ref, {
    layers, thematic: thematicSpecs, visible, opacity,
    selected: selection?.featureId ?? null, selectedLayer: selection?.layerId ?? null,
  });

  const view = useStore.getState().view;
  return (
    <Map
      ref={ref}
      mapLib={maplibregl}
      initialViewState={{ longitude: view.lng, latitude: view.lat, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch }}
      mapStyle={mapStyle}
      interactiveLayerIds={interactive}
      onMouseMove={onMove}
      onMouseLeave={onLeave}
      onClick={onClick}
      onLoad={onLoad}
      onMoveEnd={(e) => {
        const c = e.viewState;
        act(setView, { zoom: c.zoom, lat: c.latitude, lng: c.longitude, bearing: c.bearing, pitch: c.pitch });
      }}
      cursor={undefined}
      canvasContextAttributes={{ preserveDrawingBuffer: true }}
      attributionControl={false}
      locale={mapLocale(lang)}
      onError={(e) => {
        if (!isBasemapError(e)) console.error(e.error);
      }}
      maxBounds={[112, 35.5, 123, 43]}
      minZoom={6}
      cooperativeGestures={embed}
      style={{ position: 'absolute', inset: 0 }}
    >
      {layers.map((l) => {
        const rs = {
          visible: visible.includes(l.id), opacity: opacity[l.id] ?? 1, lang, filter: filters[l.id], thematic: thematic[l.id],
          gpu: gpu[l.id] && { ...gpu[l.id], paint: settledThematic[l.id] },
        };
        const specs = buildLayerSpecs(l, rs);
        const main = specs.filter((s) => !('source' in s) || s.source === l.id);
        const pts = specs.filter((s) => 'source' in s && s.source === `${l.id}:pts`);
        if (isPmtiles(l)) {
          return (
            <Source key={l.id} id={l.id} type="vector" url={`pmtiles://${archiveUrl(l, BASE)}`}>
              {main.map((s) => <Layer key={s.id} {...s} source-layer={l.sourceLayer} />)}
            </Source>
          );
        }
        if (DRAW_GEOJSON) {
          return [
            <Source key={l.id} id={l.id} type="geojson" data={dataService().urlOf(l)} generateId>
              {main.map((s) => <Layer key={s.id} {...s} />)}
            </Source>,
            l.pointsFile ? (
              <Source key={`${l.id}:pts`} id={`${l.id}:pts`} type="geojson" data={dataService().urlOf(l, true)} generateId>
                {pts.map((s) => <Layer key={s.id} {...s} />)}
              </Source>
            ) : null,
          ];
        }
        return [
          <Source key={l.id} id={l.id} type="vector" tiles={[tileUrl(l.id)]} maxzoom={TILE_MAXZOOM}>
            {main.map((s) => <Layer key={s.id} {...s} source-layer={TILE_SOURCE_LAYER} />)}
          </Source>,
          l.pointsFile ? (
            <Source key={`${l.id}:pts`} id={`${l.id}:pts`} type="vector" tiles={[tileUrl(`${l.id}:pts`)]} maxzoom={TILE_MAXZOOM}>
              {pts.map((s) => <Layer key={s.id} {...s} source-layer={TILE_SOURCE_LAYER} />)}
            </Source>
          ) : null,
        ];
      })}
      <Overlays />
      <AttributionControl key={`attr-${lang}-${basemap}`} compact={false} customAttribution={attribution(basemap, !!key, lang, custom?.attribution || custom?.name)} />
      <NavigationControl key={`nav-${lang}`} position="top-right" visualizePitch />
      <ScaleControl key={`scale-${lang}`} position="bottom-right" unit="metric" maxWidth={140} />
    </Map>
  );
}
