// The filter panel: pick a layer, see "showing N of M" and the active clauses
// as chips, and edit text, category, range, district and drawn-area clauses.
// Importing this module registers the `f=` link validator (state/filters).
import { useEffect, useMemo } from 'react';
import type { Feature, Geometry } from 'geojson';
import { pick } from '../../i18n/strings';
import { facetCounts } from '../../lib/facetCounts';
import { computeFieldStats, type FieldStats } from '../../lib/fieldStats';
import { isEmptyFilter } from '../../lib/filterModel';
import { clearLayerFilter } from '../../state/filters';
import { DISTRICTS_LAYER, textIndexFor } from '../../state/filterResults';
import { act, useStore } from '../../state/store';
import { setTableLayer } from '../../state/updaters';
import { FilterChips, FilterCount } from './FilterChips';
import { CategoryField, DistrictField, DrawField, RangeField, TextField, type DistrictOption } from './FilterControls';
import { useAllLayers, useFilterableLayers, useFilterUi, useLayerData, type AnyLayer } from './hooks';
import { tf } from './strings';
import './filters.css';

/** Provenance and identifiers: no filter controls for these. */
const SKIP = new Set(['name', 'name_en', 'source', 'plan_ref', 'accuracy_m', 'note', 'adcode', 'order']);
const MAX_CATEGORY_VALUES = 30;

/** The fields worth a control, the styled category first, then the catalog's field order. */
export function controlFields(stats: FieldStats[], layer: AnyLayer): FieldStats[] {
  const names = new Set(stats.map((s) => s.name));
  const useful = stats.filter((s) => {
    if (SKIP.has(s.name) || s.name.startsWith('__')) return false;
    if (s.name.endsWith('_zh') && names.has(s.name.slice(0, -3))) return false;
    if (s.type === 'category') return s.distinct >= 2 && s.distinct <= MAX_CATEGORY_VALUES;
    if (s.type === 'number') return s.min !== undefined && s.max !== undefined && s.min < s.max;
    return false;
  });
  const order = [layer.style.categories?.property, ...(layer.fields ?? [])].map((n) => n?.replace(/_zh$/, ''));
  const rank = (n: string) => {
    const i = order.indexOf(n);
    return i < 0 ? order.length : i;
  };
  return useful.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s.name) - rank(b.s.name) || a.i - b.i).map((x) => x.s);
}

function useDistrictOptions(): DistrictOption[] {
  const layers = useAllLayers();
  const fc = useLayerData(layers.find((l) => l.id === DISTRICTS_LAYER));
  return useMemo(
    () => (fc?.features ?? []).map((f) => ({ name: String(f.properties?.name ?? ''), name_en: String(f.properties?.name_en ?? '') })).filter((d) => d.name),
    [fc],
  );
}

export function FilterPanel() {
  const lang = useStore((s) => s.lang);
  const filters = useStore((s) => s.filters);
  const tableLayer = useStore((s) => s.tableLayer);
  const candidates = useFilterableLayers();
  const chosen = useFilterUi((s) => s.layerId);
  const layer = candidates.find((l) => l.id === chosen) ?? candidates.find((l) => filters[l.id]) ?? candidates.find((l) => l.id === 'plan-projects') ?? candidates[0];
  useEffect(() => {
    if (layer && layer.id !== chosen) useFilterUi.setState({ layerId: layer.id });
  }, [layer, chosen]);
  const fc = useLayerData(layer);
  const stats = useMemo(() => (fc && layer ? controlFields(computeFieldStats(fc.features as Feature<Geometry | null>[]), layer) : []), [fc, layer]);
  const districts = useDistrictOptions();
  // Build the layer's text index while the user is still choosing, so the first keystroke is fast.
  useEffect(() => {
    if (!fc) return;
    const t = setTimeout(() => textIndexFor(fc), 300);
    return () => clearTimeout(t);
  }, [fc]);

  // Category counts follow the other active clauses (each field's own clause left out).
  const layerFilter = layer ? filters[layer.id] : undefined;
  const districtLayer = useAllLayers().find((l) => l.id === DISTRICTS_LAYER);
  const districtFc = useLayerData(layerFilter?.district ? districtLayer : undefined);
  const facets = useMemo(() => {
    if (!fc || !layerFilter || isEmptyFilter(layerFilter)) return null;
    const ctx = { textIndex: layerFilter.text ? textIndexFor(fc) : undefined, districtPolygons: districtFc?.features as Feature<Geometry | null>[] | undefined };
    if (layerFilter.district && !districtFc) return null;
    return Object.fromEntries(stats.filter((s) => s.type === 'category').map((s) => [s.name, facetCounts(fc.features as Feature<Geometry | null>[], layerFilter, s.name, ctx)]));
  }, [fc, layerFilter, stats, districtFc]);

  if (!layer) return <p className="hint">{tf('noLayers', lang)}</p>;
  const filter = filters[layer.id] ?? {};
  const props = { layerId: layer.id, filter, lang };
  return (
    <div className="fpanel" data-layer={layer.id}>
      <label className="ffield">
        <span className="ffield-label">{tf('layer', lang)}</span>
        <select className="flayer" value={layer.id} onChange={(e) => useFilterUi.setState({ layerId: e.target.value })}>
          {candidates.map((l) => (
            <option key={l.id} value={l.id}>
              {pick(l.title, lang)}{filters[l.id] ? ' •' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="fsummary">
        <FilterCount layer={layer} lang={lang} />
        <span className="fsummary-actions">
          <button type="button" className="fbtn" data-action="table" aria-pressed={tableLayer === layer.id} onClick={() => act(setTableLayer, tableLayer === layer.id ? null : layer.id)}>
            {tf('table', lang)}
          </button>
          {filters[layer.id] && (
            <button type="button" className="fbtn" data-action="clear" onClick={() => act(clearLayerFilter, layer.id)}>{tf('clear', lang)}</button>
          )}
        </span>
      </div>
      <FilterChips layerId={layer.id} lang={lang} />
      <div key={layer.id} className="fcontrols">
        <TextField {...props} />
        <h3 className="fhead">{tf('spatial', lang)}</h3>
        {districts.length > 0 && <DistrictField {...props} options={districts} />}
        <DrawField {...props} />
        <h3 className="fhead">{tf('attributes', lang)}</h3>
        {!fc && <p className="fnote">{tf('loadingData', lang)}</p>}
        {stats.map((s) =>
          s.type === 'category' ? <CategoryField key={s.name} {...props} stats={s} facet={facets?.[s.name]} /> : <RangeField key={s.name} {...props} stats={s} />,
        )}
      </div>
    </div>
  );
}
