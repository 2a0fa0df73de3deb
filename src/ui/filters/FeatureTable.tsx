// The attribute table under the map: the filtered rows of one layer, sortable,
// virtualised (only the rows in view are in the DOM: fixed row height, one
// spacer, a scroll handler), and in step with the map selection both ways.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import { pick } from '../../i18n/strings';
import { useFilterResults } from '../../state/derivedResults';
import { act, useStore } from '../../state/store';
import { setTableLayer } from '../../state/updaters';
import { displayValue, fieldLabel } from '../labels';
import { focusFeature } from './focus';
import { useAllLayers, useLayerData } from './hooks';
import { rowWindow, sortedOrder, tableColumns, visibleRows, type SortDir } from './tableModel';
import { num, tf } from './strings';
import './filters.css';

export const ROW_HEIGHT = 26;
const EMPTY: Feature<Geometry | null>[] = [];
const WIDE: Record<string, number> = { name: 180, name_en: 200, source: 320, note: 260, plan_ref: 120 };

function useViewportHeight(ref: React.RefObject<HTMLDivElement | null>): number {
  const [h, setH] = useState(240);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setH(el.clientHeight));
    ro.observe(el);
    setH(el.clientHeight);
    return () => ro.disconnect();
  }, [ref]);
  return h;
}

export function FeatureTable() {
  const layerId = useStore((s) => s.tableLayer);
  const lang = useStore((s) => s.lang);
  const selection = useStore((s) => s.selection);
  const layers = useAllLayers();
  const layer = layers.find((l) => l.id === layerId);
  const fc = useLayerData(layer);
  const result = useFilterResults((s) => (layerId ? s.byLayer[layerId] : undefined));
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const height = useViewportHeight(body);

  useEffect(() => setSort(null), [layerId]);
  const features = (fc?.features ?? EMPTY) as Feature<Geometry | null>[];
  const columns = useMemo(() => tableColumns(features, layer?.fields), [features, layer]);
  const order = useMemo(() => (sort && features.length ? sortedOrder(features, sort.key, sort.dir) : null), [features, sort]);
  const kept = result?.ids ?? null;
  // Kept ids index this layer's features: without them (still loading) there is nothing to show.
  const rows = useMemo(() => (features.length ? visibleRows(features.length, kept, order) : new Uint32Array(0)), [features.length, kept, order]);
  const widths = columns.map((c) => WIDE[c] ?? 130);
  const template = widths.map((w) => `${w}px`).join(' ');
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const selected = selection && selection.layerId === layerId ? selection.featureId : -1;

  // A selection made elsewhere (map click, search) scrolls its row into view.
  useEffect(() => {
    const el = body.current;
    if (!el || selected < 0) return;
    const pos = rows.indexOf(selected);
    if (pos < 0) return;
    const top = pos * ROW_HEIGHT;
    const head = ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight - head) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [selected, rows]);

  if (!layer) return null;
  const [first, last] = rowWindow(scrollTop, height, ROW_HEIGHT, rows.length);
  const pending = !fc || (result && result.ids === null);
  const onSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null));
  const step = (delta: number) => {
    const pos = rows.indexOf(selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, pos < 0 ? 0 : pos + delta))];
    if (next !== undefined) focusFeature(layer.id, next, features[next]);
  };

  return (
    <section className="ftable" data-layer={layer.id} aria-label={tf('tableTitle', lang)}>
      <header className="ftable-head">
        <strong>{pick(layer.title, lang)}</strong>
        <span className="count ftable-count" data-rows={pending ? '' : rows.length}>
          {pending ? tf('computing', lang) : kept ? tf('tableOf', lang, { n: num(rows.length, lang), m: num(features.length, lang) }) : tf('tableRows', lang, { n: num(rows.length, lang) })}
        </span>
        <button type="button" className="icon" aria-label={tf('close', lang)} title={tf('close', lang)} onClick={() => act(setTableLayer, null)}>×</button>
      </header>
      <div
        className="ftable-body" ref={body} role="grid" aria-rowcount={rows.length + 1} tabIndex={0}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            step(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        <div className="ftable-row ftable-header" role="row" style={{ gridTemplateColumns: template, width: totalWidth }}>
          {columns.map((c) => (
            <button key={c} type="button" role="columnheader" className="ftable-cell" data-col={c} title={tf('sortBy', lang)}
              aria-sort={sort?.key === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} onClick={() => onSort(c)}>
              {fieldLabel(c, lang)}
              <span className="ftable-sort">{sort?.key === c ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
            </button>
          ))}
        </div>
        <div className="ftable-spacer" style={{ height: rows.length * ROW_HEIGHT, width: totalWidth }}>
          {Array.from({ length: last - first }, (_, k) => {
            const pos = first + k;
            const i = rows[pos];
            const p = features[i].properties ?? {};
            return (
              <div key={i} role="row" aria-rowindex={pos + 2} aria-selected={i === selected} data-index={i}
                className={i === selected ? 'ftable-row on' : 'ftable-row'}
                style={{ gridTemplateColumns: template, transform: `translateY(${pos * ROW_HEIGHT}px)` }}
                onClick={() => focusFeature(layer.id, i, features[i])}>
                {columns.map((c) => (
                  <span key={c} role="gridcell" className="ftable-cell">{displayValue(c, p[c], lang)}</span>
                ))}
              </div>
            );
          })}
        </div>
        {!pending && rows.length === 0 && <p className="fnote ftable-empty">{tf('noRows', lang)}</p>}
      </div>
    </section>
  );
}
