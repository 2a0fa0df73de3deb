// The controls of one layer's filter: text, categories, numeric ranges,
// districts and a drawn area. Each edits the store through pure updaters.
import { useEffect, useMemo, useState } from 'react';
import type { FieldStats } from '../../lib/fieldStats';
import { setDistricts, setPolygon, setRange, setText, toggleCategoryValue, type LayerFilter } from '../../lib/filterModel';
import type { Lang } from '../../i18n/strings';
import { startDrawing, stopDrawing, useDraw, type DrawMode } from '../../map/overlays/DrawTool';
import { updateFilterFor } from '../../state/filters';
import { act } from '../../state/store';
import { categoryLabel, fieldLabel, filterFieldLabel } from '../labels';
import { useDebounced } from './hooks';
import { num, tf } from './strings';

interface Props {
  layerId: string;
  filter: LayerFilter;
  lang: Lang;
}

const edit = (layerId: string, fn: (f: LayerFilter) => LayerFilter) => act(updateFilterFor, layerId, fn);

/** Free text, debounced so typing never waits for the filter. */
export function TextField({ layerId, filter, lang }: Props) {
  const stored = filter.text ?? '';
  const [value, setValue] = useState(stored);
  useEffect(() => {
    setValue((v) => (v.trim() === stored ? v : stored));
  }, [stored, layerId]);
  useDebounced(value, 150, (v) => {
    if (v.trim() !== stored) edit(layerId, (f) => setText(f, v));
  });
  return (
    <label className="ffield">
      <span className="ffield-label">{tf('text', lang)}</span>
      <input type="search" className="ftext" value={value} placeholder={tf('textHint', lang)} onChange={(e) => setValue(e.target.value)} />
    </label>
  );
}

export function CategoryField({ layerId, filter, lang, stats, facet }: Props & { stats: FieldStats; facet?: Map<string, number> }) {
  const chosen = filter.categories?.[stats.name] ?? [];
  const hidden = stats.distinct - stats.values.length;
  return (
    <fieldset className="ffield fcat" data-field={stats.name}>
      <legend className="ffield-label">{filterFieldLabel(stats.name, lang)}</legend>
      {stats.values.map((v) => (
        <label key={v.value} className="fcheck">
          <input type="checkbox" value={v.value} checked={chosen.includes(v.value)} onChange={() => edit(layerId, (f) => toggleCategoryValue(f, stats.name, v.value))} />
          <span className="fcheck-name">{v.value === '' ? tf('blank', lang) : categoryLabel(stats.name, v.value, lang)}</span>
          <span className="count" data-count={facet ? facet.get(v.value) ?? 0 : v.count}>{num(facet ? facet.get(v.value) ?? 0 : v.count, lang)}</span>
        </label>
      ))}
      {hidden > 0 && <p className="fnote">{tf('more', lang, { n: hidden })}</p>}
    </fieldset>
  );
}

const parseNum = (s: string): number | null => (s.trim() === '' || !Number.isFinite(Number(s)) ? null : Number(s));

export function RangeField({ layerId, filter, lang, stats }: Props & { stats: FieldStats }) {
  const [lo, hi] = filter.ranges?.[stats.name] ?? [null, null];
  const [text, setTextValue] = useState<[string, string]>([lo === null ? '' : String(lo), hi === null ? '' : String(hi)]);
  useEffect(() => {
    setTextValue((t) => (parseNum(t[0]) === lo && parseNum(t[1]) === hi ? t : [lo === null ? '' : String(lo), hi === null ? '' : String(hi)]));
  }, [lo, hi]);
  useDebounced(text, 300, ([a, b]) => {
    const [x, y] = [parseNum(a), parseNum(b)];
    if (x !== lo || y !== hi) edit(layerId, (f) => setRange(f, stats.name, x, y));
  });
  const label = fieldLabel(stats.name, lang);
  return (
    <fieldset className="ffield frange" data-field={stats.name}>
      <legend className="ffield-label">{label}</legend>
      <input type="number" step="any" inputMode="decimal" aria-label={`${label} ${tf('min', lang)}`} placeholder={`${tf('min', lang)} ${num(stats.min ?? 0, lang)}`}
        value={text[0]} onChange={(e) => setTextValue([e.target.value, text[1]])} />
      <span>–</span>
      <input type="number" step="any" inputMode="decimal" aria-label={`${label} ${tf('max', lang)}`} placeholder={`${tf('max', lang)} ${num(stats.max ?? 0, lang)}`}
        value={text[1]} onChange={(e) => setTextValue([text[0], e.target.value])} />
    </fieldset>
  );
}

export interface DistrictOption {
  name: string;
  name_en: string;
}

export function DistrictField({ layerId, filter, lang, options }: Props & { options: DistrictOption[] }) {
  const chosen = useMemo(() => new Set(filter.district ?? []), [filter.district]);
  const toggle = (name: string) => {
    const next = chosen.has(name) ? [...chosen].filter((n) => n !== name) : [...chosen, name];
    edit(layerId, (f) => setDistricts(f, next));
  };
  return (
    <fieldset className="ffield fdistricts">
      <legend className="ffield-label">{tf('byDistrict', lang)}</legend>
      <div className="fgrid">
        {options.map((d) => (
          <label key={d.name} className="fcheck" data-district={d.name}>
            <input type="checkbox" value={d.name} checked={chosen.has(d.name)} onChange={() => toggle(d.name)} />
            <span className="fcheck-name">{lang === 'en' && d.name_en ? d.name_en : d.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function DrawField({ layerId, filter, lang }: Props) {
  const { mode, layerId: drawingFor } = useDraw();
  const active = drawingFor === layerId ? mode : null;
  const button = (m: DrawMode, key: 'drawPolygon' | 'drawRect') => (
    <button type="button" className={active === m ? 'fbtn on' : 'fbtn'} data-draw={m} aria-pressed={active === m}
      onClick={() => (active === m ? stopDrawing() : startDrawing(layerId, m))}>
      {tf(key, lang)}
    </button>
  );
  return (
    <fieldset className="ffield fdraw">
      <legend className="ffield-label">{tf('drawn', lang)}</legend>
      <div className="frow">
        {button('polygon', 'drawPolygon')}
        {button('rectangle', 'drawRect')}
        {filter.polygon && (
          <button type="button" className="fbtn" onClick={() => edit(layerId, (f) => setPolygon(f, null))}>{tf('drawClear', lang)}</button>
        )}
      </div>
      {active && <p className="fnote">{tf(active === 'polygon' ? 'drawHintPolygon' : 'drawHintRect', lang)}</p>}
      {!active && filter.polygon && <p className="fnote">{tf('drawnActive', lang)}</p>}
    </fieldset>
  );
}
