// The attribute table under the map: the filtered rows of one layer, sortable,
// virtualised (only the rows in view are in the DOM: fixed row height, one
// spacer, a scroll handler), and in step with the map selection both ways.
// The data service sorts and hands over the row order and, page by page, the
// properties of the rows in view: the layer itself never comes to this thread.
import { useEffect, useRef, useState } from 'react';
import { dataService } from '../../data/client';
import { pick } from '../../i18n/strings';
import { useFilterResults } from '../../state/derivedResults';
import { act, useStore } from '../../state/store';
import { setTableLayer } from '../../state/updaters';
import { displayValue, fieldLabel } from '../labels';
import { focusFeature } from './focus';
import { useAllLayers, type AnyLayer } from './hooks';
import { rowWindow, type SortDir } from './tableModel';
import { num, tf } from './strings';
import './filters.css';

export const ROW_HEIGHT = 26;
const EMPTY = new Uint32Array(0);
/** Rows fetched beyond the window on each side, so a scroll rarely shows blanks. */
const PAGE_MARGIN = 40;

type Props = Record<string, unknown>;

/** The row order (kept rows in sort order) and columns, from the data service. */
function useRows(layer: AnyLayer | undefined, kept: Uint32Array | null, pending: boolean, sort: { key: string; dir: SortDir } | null) {
  const [state, setState] = useState<{ layer: AnyLayer; kept: Uint32Array | null; sort: typeof sort; order: Uint32Array; columns: string[]; total: number } | null>(null);
  useEffect(() => {
    if (!layer || pending) return;
    let live = true;
    dataService()
      .ask(layer, 'rows', { layerId: layer.id, kept, sort, preferred: layer.fields })
      .then((a) => live && setState({ layer, kept, sort, ...a }))
      .catch(() => live && setState(null));
    return () => {
      live = false;
    };
  }, [layer, kept, pending, sort]);
  return state && state.layer === layer ? state : null;
}

/** Properties of the rows in [first, last) of `order`, fetched a page at a time and kept per layer. */
function useRowProps(layer: AnyLayer | undefined, order: Uint32Array, first: number, last: number): Map<number, Props> {
  const cache = useRef<{ id: string | undefined; rows: Map<number, Props> }>({ id: undefined, rows: new Map() });
  const [, setTick] = useState(0);
  if (cache.current.id !== layer?.id) cache.current = { id: layer?.id, rows: new Map() };
  const rows = cache.current.rows;
  const a = Math.max(0, first - PAGE_MARGIN);
  const b = Math.min(order.length, last + PAGE_MARGIN);
  useEffect(() => {
    if (!layer) return;
    let missing = false;
    for (let p = first; p < last && !missing; p++) missing = !rows.has(order[p]);
    if (!missing) return;
    const indices = order.slice(a, b);
    let live = true;
    dataService()
      .ask(layer, 'page', { layerId: layer.id, indices })
      .then((props) => {
        props.forEach((p, k) => rows.set(indices[k], p));
        if (live) setTick((t) => t + 1);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [layer, order, first, last, a, b, rows]);
  return rows;
}

/** Selects row `i` and flies to its feature (fetched from the service for its geometry). */
function focusRow(layer: AnyLayer, i: number): void {
  dataService()
    .ask(layer, 'features', { layerId: layer.id, indices: Uint32Array.of(i) })
    .then(([f]) => f && focusFeature(layer.id, i, f))
    .catch(() => undefined);
}
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
  const result = useFilterResults((s) => (layerId ? s.byLayer[layerId] : undefined));
  const [sort, setSort] = useState<{ key: string; dir: SortDir } | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const body = useRef<HTMLDivElement>(null);
  const height = useViewportHeight(body);

  useEffect(() => setSort(null), [layerId]);
  const kept = result?.ids ?? null;
  // While a filter is being evaluated its kept ids are not in yet: wait rather than show every row.
  const data = useRows(layer, kept, !!result && result.ids === null, sort);
  const rows = data?.order ?? EMPTY;
  const columns = data?.columns ?? [];
  const [first, last] = rowWindow(scrollTop, height, ROW_HEIGHT, rows.length);
  const props = useRowProps(layer, rows, first, last);
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
  const pending = !data || data.kept !== kept || data.sort !== sort;
  const onSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 'asc' } : s.dir === 'asc' ? { key, dir: 'desc' } : null));
  const step = (delta: number) => {
    const pos = rows.indexOf(selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, pos < 0 ? 0 : pos + delta))];
    if (next !== undefined) focusRow(layer, next);
  };

  return (
    <section className="ftable" data-layer={layer.id} aria-label={tf('tableTitle', lang)}>
      <header className="ftable-head">
        <strong>{pick(layer.title, lang)}</strong>
        <span className="count ftable-count" data-rows={pending ? '' : rows.length}>
          {pending ? tf('computing', lang) : kept ? tf('tableOf', lang, { n: num(rows.length, lang), m: num(data.total, lang) }) : tf('tableRows', lang, { n: num(rows.length, lang) })}
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
            const p = props.get(i);
            return (
              <div key={i} role="row" aria-rowindex={pos + 2} aria-selected={i === selected} data-index={i}
                className={i === selected ? 'ftable-row on' : 'ftable-row'}
                style={{ gridTemplateColumns: template, transform: `translateY(${pos * ROW_HEIGHT}px)` }}
                onClick={() => focusRow(layer, i)}>
                {columns.map((c) => (
                  <span key={c} role="gridcell" className="ftable-cell">{p ? displayValue(c, p[c], lang) : ''}</span>
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
