// The legend of a layer's thematic style: each class with its range (or category) and count,
// following the active filter. Categories can be renamed and reordered when `editable`.
import { useState } from 'react';
import type { Lang } from '../../i18n/strings';
import { moveCategory } from '../../lib/thematic/categories';
import { act, useStore } from '../../state/store';
import { patchThematic } from '../../state/thematic';
import { useThematicResults } from '../../state/thematicResults';
import { thematicLegendItems } from './legendItems';
import { tx } from './strings';
import './thematic.css';

export function ThematicLegend({ layerId, lang, geometry, editable = false }: { layerId: string; lang: Lang; geometry: string; editable?: boolean }) {
  const style = useStore((s) => s.thematic[layerId]);
  const r = useThematicResults((s) => s.byLayer[layerId]);
  const [editing, setEditing] = useState<string | null>(null);
  if (!style || !r || !r.legend.entries.length) return null;
  const items = thematicLegendItems(r.legend, lang);
  const cats = r.classes?.type === 'categories' ? r.classes.values : null;
  const move = (value: string, d: number) => act(patchThematic, layerId, { order: moveCategory(cats!, value, d) });
  const rename = (value: string, name: string) => {
    const next = { ...(style.rename ?? {}) };
    if (name.trim() && name.trim() !== value) next[value] = name.trim();
    else delete next[value];
    act(patchThematic, layerId, { rename: next });
  };
  const sw = geometry === 'point' ? 'sw sw-point' : geometry === 'line' ? 'sw sw-line' : 'sw sw-fill';
  return (
    <div className="th-legend" data-th-legend={layerId}>
      <div className="th-legend-head">{style.field ?? ''} · {tx('kept', lang)} {r.legend.total.toLocaleString('en')}</div>
      <ul className="legend">
        {r.legend.entries.map((e, i) => {
          const it = items[i];
          const isCat = cats && !e.other && !e.missing;
          return (
            <li key={e.key} data-class={e.key} data-color={e.color} data-count={e.count}>
              <span className={sw} style={{ background: geometry === 'line' ? undefined : e.color, borderColor: e.color, ...(e.radius ? { width: e.radius, height: e.radius } : {}) }} aria-hidden />
              {editable && isCat && editing === e.key ? (
                <input
                  autoFocus defaultValue={it.label} aria-label={`${tx('rename', lang)}: ${e.key}`}
                  onBlur={(ev) => (rename(e.key, ev.target.value), setEditing(null))}
                  onKeyDown={(ev) => ev.key === 'Enter' && (ev.target as HTMLInputElement).blur()}
                />
              ) : (
                <span className="th-label">{it.label}</span>
              )}
              <span className="count">{e.count.toLocaleString('en')}</span>
              {editable && isCat && (
                <span className="th-cat-tools">
                  <button className="icon" title={tx('rename', lang)} aria-label={`${tx('rename', lang)}: ${it.label}`} onClick={() => setEditing(e.key)}>✎</button>
                  <button className="icon" title={tx('up', lang)} aria-label={`${tx('up', lang)}: ${it.label}`} disabled={i === 0} onClick={() => move(e.key, -1)}>↑</button>
                  <button className="icon" title={tx('down', lang)} aria-label={`${tx('down', lang)}: ${it.label}`} disabled={i === cats.length - 1} onClick={() => move(e.key, 1)}>↓</button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
