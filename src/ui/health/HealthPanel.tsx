// The city health check (城市体检) panel: indicators per unit against the plan's targets,
// a sortable table, CSV export, one click to a thematic map, drill-down into a district.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { HealthTable } from '../../analysis/healthCheck';
import { dataService } from '../../data/client';
import { healthCsv } from '../../analysis/healthCsv';
import { useAllLayers, type AnyLayer } from '../../data/hooks';
import { layerData } from '../../data/registry';
import { pick } from '../../i18n/strings';
import { downloadText } from '../../io/download';
import { useStore } from '../../state/store';
import { HEALTH_LAYER_PREFIX, showIndicatorOnMap } from './showOnMap';
import { hs } from './strings';
import '../thematic/thematic.css';

const SHIPPED = { shelters: 'shelters', parks: 'parks', historicBlocks: 'historic-blocks', projects: 'plan-projects', districts: 'districts' } as const;

type SortKey = 'unit' | 'value';

async function dataOf(layers: AnyLayer[], id: string): Promise<FeatureCollection | undefined> {
  const l = layers.find((x) => x.id === id);
  return l ? layerData(l).catch(() => undefined) : undefined;
}

export function HealthPanel() {
  const lang = useStore((s) => s.lang);
  const layers = useAllLayers();
  const polygons = layers.filter((l) => l.geometry === 'polygon' && !l.id.startsWith(HEALTH_LAYER_PREFIX));
  const [unitsId, setUnitsId] = useState('districts');
  const [district, setDistrict] = useState('');
  const [finerId, setFinerId] = useState('');
  const [minutes, setMinutes] = useState(15);
  const [facilityId, setFacilityId] = useState('');
  const [indicatorId, setIndicatorId] = useState('shelter_per_capita');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'unit', desc: false });
  const [result, setResult] = useState<{ table: HealthTable; units: FeatureCollection } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [districtNames, setDistrictNames] = useState<string[]>([]);
  const finerChoices = polygons.filter((l) => l.id !== 'districts' && l.id !== 'outer-districts' && l.id !== 'ring-districts' && l.id !== 'central-city');

  useEffect(() => {
    void dataOf(layers, 'districts').then((fc) => setDistrictNames(fc ? fc.features.map((f) => String(f.properties?.name ?? '')) : []));
  }, [layers]);

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError(null);
    const drilling = district && finerId;
    (async () => {
      // Computed in the data service, which holds the layers: only the table (and the units) come back.
      const svc = dataService();
      const unitsOf = drilling ? finerId : unitsId;
      const fac = facilityId ? layers.find((l) => l.id === facilityId) : undefined;
      for (const id of [SHIPPED.districts, SHIPPED.shelters, SHIPPED.parks, SHIPPED.historicBlocks, SHIPPED.projects, unitsOf, fac?.id]) {
        const l = id ? layers.find((x) => x.id === id) : undefined;
        if (l) svc.open(l);
      }
      const unitsLayer = layers.find((l) => l.id === unitsOf);
      if (!unitsLayer) throw new Error(`layer ${unitsOf} has no data`);
      const label = unitsLayer.title;
      return svc.call('health', {
        units: unitsOf, ...SHIPPED,
        drill: drilling ? { district } : undefined,
        facility: fac ? { id: fac.id, label: fac.title } : undefined,
        unitsLabel: drilling ? { zh: `${label.zh}（${district}内）`, en: `${label.en} (inside ${district})` } : label,
        censusFallback: !drilling && unitsId === 'districts',
        minutes,
      });
    })()
      .then((r) => live && (setResult(r), setBusy(false)))
      .catch((e: unknown) => live && (setError(e instanceof Error ? e.message : String(e)), setBusy(false)));
    return () => {
      live = false;
    };
  }, [layers, unitsId, district, finerId, minutes, facilityId]);

  const table = result?.table;
  const ind = table?.indicators.find((i) => i.id === indicatorId) ?? table?.indicators[0];
  const rows = useMemo(() => {
    if (!table || !ind) return [];
    const r = table.units.map((u, i) => ({ u, c: ind.cells[i] }));
    const dir = sort.desc ? -1 : 1;
    return r.sort((a, b) => {
      if (sort.key === 'unit') return dir * a.u.name.localeCompare(b.u.name, 'zh');
      // Missing values always last.
      if (a.c.value === null || b.c.value === null) return a.c.value === null ? (b.c.value === null ? 0 : 1) : -1;
      return dir * (a.c.value - b.c.value);
    });
  }, [table, ind, sort]);
  const fmt = (v: number, d: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: d, minimumFractionDigits: Math.min(d, 1) });
  const sortBy = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'value' }));
  const met = ind?.target ? ind.cells.filter((c) => c.meets === true).length : 0;

  return (
    <div className="health-panel" data-health-panel>
      <h2>{hs('title', lang)}</h2>
      <p className="hint">{hs('intro', lang)}</p>
      <label className="row">
        <span>{hs('units', lang)}</span>
        <select name="hc-units" value={unitsId} onChange={(e) => setUnitsId(e.target.value)}>
          {polygons.map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
        </select>
      </label>
      <label className="row">
        <span>{hs('drill', lang)}</span>
        <select name="hc-district" value={district} onChange={(e) => setDistrict(e.target.value)}>
          <option value="">{hs('drillNone', lang)}</option>
          {districtNames.map((n) => <option key={n}>{n}</option>)}
        </select>
      </label>
      {district && (
        <label className="row">
          <span>{hs('finer', lang)}</span>
          {finerChoices.length ? (
            <select name="hc-finer" value={finerId} onChange={(e) => setFinerId(e.target.value)}>
              <option value="">—</option>
              {finerChoices.map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
            </select>
          ) : <em>{hs('finerNone', lang)}</em>}
        </label>
      )}
      <label className="row">
        <span>{hs('minutes', lang)}</span>
        <select name="hc-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[5, 10, 15].map((m) => <option key={m} value={m}>{hs('min', lang, { n: m })}</option>)}
        </select>
      </label>
      <label className="row">
        <span>{hs('facility', lang)}</span>
        <select name="hc-facility" value={facilityId} onChange={(e) => setFacilityId(e.target.value)}>
          <option value="">{hs('facilityNone', lang)}</option>
          {layers.filter((l) => l.geometry !== 'line' && !l.id.startsWith(HEALTH_LAYER_PREFIX)).map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
        </select>
      </label>
      {busy && <p className="status" role="status">{hs('computing', lang)}</p>}
      {error && <p className="error" role="alert">{hs('failed', lang)}: {error}</p>}
      {table && ind && (
        <>
          <label className="row">
            <span>{hs('indicator', lang)}</span>
            <select name="hc-indicator" value={ind.id} onChange={(e) => setIndicatorId(e.target.value)}>
              {table.indicators.map((i) => <option key={i.id} value={i.id}>{i.name[lang]}</option>)}
            </select>
          </label>
          <dl className="hc-meta" data-indicator={ind.id}>
            <dt>{hs('measure', lang)}</dt><dd>{ind.unit[lang]}</dd>
            <dt>{hs('formula', lang)}</dt><dd>{ind.formula[lang]}</dd>
            <dt>{hs('sources', lang)}</dt><dd>{ind.sources[lang]}</dd>
            <dt>{hs('target', lang)}</dt>
            <dd data-target>{ind.target ? `${ind.target.target} ${ind.target.unit} (${ind.target.plan_ref}) · ${hs('summary', lang, { m: met, n: table.units.length })}` : hs('noTarget', lang)}</dd>
          </dl>
          <div className="hc-actions">
            <button name="hc-map" onClick={() => result && showIndicatorOnMap(result.units, table, ind.id, hs('layerTitle', lang, { u: ind.name[lang] }))}>{hs('showMap', lang)}</button>
            <button name="hc-csv" onClick={() => downloadText(`health-check-${table.date}.csv`, healthCsv(table, lang), 'text/csv;charset=utf-8')}>{hs('exportCsv', lang)}</button>
          </div>
          <table className="hc-table" data-hc-table>
            <thead>
              <tr>
                <th aria-sort={sort.key === 'unit' ? (sort.desc ? 'descending' : 'ascending') : 'none'}><button onClick={() => sortBy('unit')}>{hs('unit', lang)}</button></th>
                <th aria-sort={sort.key === 'value' ? (sort.desc ? 'descending' : 'ascending') : 'none'}><button name="hc-sort-value" onClick={() => sortBy('value')}>{hs('value', lang)} ({ind.unit[lang]})</button></th>
                {ind.target && <th>{hs('verdict', lang)}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ u, c }) => (
                <tr key={u.id + u.name} data-unit={u.name}>
                  <td>{u.name}</td>
                  <td className={c.value === null ? 'missing' : 'num'} title={c.note?.[lang]} data-value={c.value ?? ''}>
                    {c.value === null ? `${hs('noData', lang)}：${c.note?.[lang] ?? ''}` : fmt(c.value, ind.digits)}
                  </td>
                  {ind.target && <td className={c.meets === null ? '' : c.meets ? 'meets' : 'misses'}>{c.meets === null ? '—' : hs(c.meets ? 'meets' : 'misses', lang)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
