// Drawing an area for a spatial filter, and showing the drawn areas in use.
// Polygon: click to add vertices, double-click or Enter to finish, Backspace
// removes the last vertex, Esc cancels. Rectangle: drag. The sketch and every
// active drawn-area filter are one GeoJSON source drawn above the layers.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import { create } from 'zustand';
import { setPolygon } from '../../lib/filterModel';
import { rectangleOf, ringOf } from '../../lib/sketch';
import { updateFilterFor } from '../../state/filters';
import { act, useStore } from '../../state/store';
import { select } from '../../state/updaters';

export type DrawMode = 'polygon' | 'rectangle';

export const useDraw = create<{ mode: DrawMode | null; layerId: string | null }>(() => ({ mode: null, layerId: null }));

export function startDrawing(layerId: string, mode: DrawMode): void {
  useDraw.setState({ mode, layerId });
}

export function stopDrawing(): void {
  useDraw.setState({ mode: null, layerId: null });
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const pos = (e: MapMouseEvent): Position => [r6(e.lngLat.lng), r6(e.lngLat.lat)];

function commit(layerId: string, ring: Position[] | null): void {
  if (ring) {
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
    act(updateFilterFor, layerId, (f) => setPolygon(f, polygon));
  }
  stopDrawing();
}

export function DrawTool() {
  const { current } = useMap();
  const { mode, layerId } = useDraw();
  const filters = useStore((s) => s.filters);
  const [vertices, setVertices] = useState<Position[]>([]);
  const [cursor, setCursor] = useState<Position | null>(null);
  const start = useRef<Position | null>(null);
  const verts = useRef<Position[]>([]);
  verts.current = vertices;

  useEffect(() => {
    const map = current?.getMap();
    if (!map || !mode || !layerId) return;
    const canvas = map.getCanvas();
    const cursorBefore = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    map.doubleClickZoom.disable();
    if (mode === 'rectangle') map.dragPan.disable();
    setVertices([]);
    setCursor(null);
    start.current = null;
    // A drawing click must not select the feature under it (MapView hears the click too,
    // and first): whatever was selected when drawing began stays selected.
    const selectedBefore = useStore.getState().selection;
    const keepSelection = () => {
      setTimeout(() => {
        if (useStore.getState().selection !== selectedBefore) act(select, selectedBefore);
      }, 0);
    };
    const onClick = (e: MapMouseEvent) => {
      keepSelection();
      if (mode !== 'polygon' || e.originalEvent.detail > 1) return;
      setVertices((v) => [...v, pos(e)]);
    };
    const onDbl = (e: MapMouseEvent) => {
      if (mode !== 'polygon') return;
      e.preventDefault();
      commit(layerId, ringOf([...verts.current, pos(e)]));
    };
    const onMove = (e: MapMouseEvent) => setCursor(pos(e));
    const onDown = (e: MapMouseEvent) => {
      if (mode === 'rectangle') start.current = pos(e);
    };
    const onUp = (e: MapMouseEvent) => {
      if (mode !== 'rectangle' || !start.current) return;
      const ring = rectangleOf(start.current, pos(e));
      start.current = null;
      if (ring) commit(layerId, ring);
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (e.key === 'Escape') stopDrawing();
      else if (e.key === 'Enter' && mode === 'polygon') commit(layerId, ringOf(verts.current));
      else if (e.key === 'Backspace' && mode === 'polygon') setVertices((v) => v.slice(0, -1));
    };
    map.on('click', onClick);
    map.on('dblclick', onDbl);
    map.on('mousemove', onMove);
    map.on('mousedown', onDown);
    map.on('mouseup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDbl);
      map.off('mousemove', onMove);
      map.off('mousedown', onDown);
      map.off('mouseup', onUp);
      window.removeEventListener('keydown', onKey);
      canvas.style.cursor = cursorBefore;
      // Re-enabled after the double-click that finished the polygon has been handled.
      setTimeout(() => map.doubleClickZoom.enable(), 0);
      map.dragPan.enable();
      setVertices([]);
      setCursor(null);
    };
  }, [current, mode, layerId]);

  const data = useMemo<FeatureCollection>(() => {
    const features: Feature[] = [];
    const seen = new Set<string>();
    for (const f of Object.values(filters)) {
      if (!f.polygon) continue;
      const k = JSON.stringify(f.polygon.coordinates);
      if (seen.has(k)) continue;
      seen.add(k);
      features.push({ type: 'Feature', properties: { kind: 'area' }, geometry: f.polygon });
    }
    if (mode === 'polygon' && vertices.length) {
      const line = cursor ? [...vertices, cursor] : vertices;
      const ring = ringOf(line);
      if (ring) features.push({ type: 'Feature', properties: { kind: 'sketch' }, geometry: { type: 'Polygon', coordinates: [ring] } });
      else features.push({ type: 'Feature', properties: { kind: 'sketch' }, geometry: { type: 'LineString', coordinates: line } });
      for (const v of vertices) features.push({ type: 'Feature', properties: { kind: 'vertex' }, geometry: { type: 'Point', coordinates: v } });
    }
    if (mode === 'rectangle' && start.current && cursor) {
      const ring = rectangleOf(start.current, cursor);
      if (ring) features.push({ type: 'Feature', properties: { kind: 'sketch' }, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
    return { type: 'FeatureCollection', features };
  }, [filters, mode, vertices, cursor]);

  return (
    <Source id="filter-draw" type="geojson" data={data}>
      <Layer id="filter-draw:fill" type="fill" filter={['==', ['geometry-type'], 'Polygon']}
        paint={{ 'fill-color': '#a8412f', 'fill-opacity': ['match', ['get', 'kind'], 'sketch', 0.12, 0.04] }} />
      <Layer id="filter-draw:line" type="line" filter={['!=', ['geometry-type'], 'Point']}
        paint={{ 'line-color': '#a8412f', 'line-width': 2, 'line-dasharray': [2, 1.5] }} />
      <Layer id="filter-draw:vertex" type="circle" filter={['==', ['get', 'kind'], 'vertex']}
        paint={{ 'circle-radius': 4, 'circle-color': '#fff', 'circle-stroke-color': '#a8412f', 'circle-stroke-width': 2 }} />
    </Source>
  );
}
