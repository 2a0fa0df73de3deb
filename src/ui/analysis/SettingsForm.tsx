// The coverage inputs: facility layers, walking time, speed, detour, area, residents, network.
import { useMemo } from 'react';
import type { CatalogLayer } from '../../catalog/types';
import { WALK_PRESETS, reachMeters, walkMeters } from '../../analysis/presets';
import type { CoverageTargetId } from '../../analysis/indicators';
import { pick, type Lang } from '../../i18n/strings';
import { COVERAGE_TARGETS, LIMITS, toggleFacilityLayer, updateAnalysis, type AnalysisSettings, type WalkMinutes } from '../../state/analysisSettings';
import { act } from '../../state/store';
import { targetById } from '../../analysis/targets';
import { categoryLabel } from '../labels';
import { useLayerData } from './hooks';
import { NumberField } from './NumberField';
import { featureKey, inferTarget } from './request';
import { fmtNum, tr } from './strings';

const set = (patch: Partial<AnalysisSettings>) => act(updateAnalysis, patch);
const CELLS = [100, 50, 25, 10];

function Tip({ text }: { text: string }) {
  return (
    <span className="an-tip" tabIndex={0} title={text} aria-label={text} role="note">
      ?
    </span>
  );
}

export function SettingsForm({ s, layers, lang }: { s: AnalysisSettings; layers: CatalogLayer[]; lang: Lang }) {
  const facilityChoices = layers.filter((l) => l.geometry === 'point' || (l.geometry === 'polygon' && l.group !== 'framework') || (l.group === 'user' && l.geometry !== 'line'));
  const areaChoices = layers.filter((l) => l.geometry === 'polygon');
  const lineChoices = layers.filter((l) => l.geometry === 'line');
  const areaLayer = layers.find((l) => l.id === s.area);
  const areaFC = useLayerData(areaLayer);
  const networkFC = useLayerData(s.network ? layers.find((l) => l.id === s.network) : undefined);
  const levelFields = useMemo(() => {
    const keys = new Set<string>();
    for (const f of networkFC?.features.slice(0, 200) ?? []) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
    return [...keys].filter((k) => !/^(name|name_en|source|accuracy_m|plan_ref)$/.test(k)).sort();
  }, [networkFC]);
  const projects = layers.find((l) => l.id === 'plan-projects');
  const projectsFC = useLayerData(s.facilities.includes('plan-projects') ? projects : undefined);

  const areaNames = useMemo(() => (areaFC ? areaFC.features.map((f, i) => featureKey(f, i)) : []), [areaFC]);
  const numericFields = useMemo(() => {
    const f = areaFC?.features[0]?.properties ?? {};
    return Object.keys(f).filter((k) => typeof f[k] === 'number' && !/area|adcode|accuracy|^id$|chapter/i.test(k));
  }, [areaFC]);
  const types = useMemo(() => {
    const v = new Set<string>();
    projectsFC?.features.forEach((f) => f.properties?.renewal_type && v.add(String(f.properties.renewal_type)));
    return [...v].sort();
  }, [projectsFC]);

  const chosen = s.facilities.map((id) => layers.find((l) => l.id === id)).filter((l): l is CatalogLayer => !!l);
  const inferred = inferTarget({ minutes: s.minutes }, chosen);
  const walk = walkMeters(s.minutes, s.speed);
  const radius = reachMeters(s.minutes, s.speed, s.detour);

  return (
    <div className="an-form">
      <fieldset className="an-field">
        <legend>
          {tr('facilities', lang)} <Tip text={tr('facilitiesHint', lang)} />
        </legend>
        <ul className="an-checks">
          {facilityChoices.map((l) => (
            <li key={l.id}>
              <label>
                <input type="checkbox" data-facility={l.id} checked={s.facilities.includes(l.id)} onChange={(e) => act(toggleFacilityLayer, l.id, e.target.checked)} />
                <span>{pick(l.title, lang)}</span>
                <span className="count">{l.feature_count}</span>
              </label>
            </li>
          ))}
        </ul>
        {s.facilities.includes('plan-projects') && types.length > 0 && (
          <label className="an-row">
            <span>{tr('types', lang)}</span>
            <select
              aria-label={tr('types', lang)}
              value={s.types?.length === 1 ? s.types[0] : ''}
              onChange={(e) => set({ types: e.target.value ? [e.target.value] : undefined })}
            >
              <option value="">{tr('allTypes', lang)}</option>
              {types.map((t) => (
                <option key={t} value={t}>{categoryLabel('renewal_type', t, lang)}</option>
              ))}
            </select>
          </label>
        )}
      </fieldset>

      <div className="an-field">
        <span className="an-label">{tr('minutes', lang)}</span>
        <div className="an-seg" role="radiogroup" aria-label={tr('minutes', lang)}>
          {WALK_PRESETS.map((p) => (
            <button
              key={p.minutes} type="button" role="radio" aria-checked={s.minutes === p.minutes} data-minutes={p.minutes}
              className={s.minutes === p.minutes ? 'on' : ''} title={pick(p.label, lang)}
              onClick={() => set({ minutes: p.minutes as WalkMinutes })}
            >
              {p.minutes} {lang === 'zh' ? '分钟' : 'min'}
            </button>
          ))}
        </div>
        <p className="an-note">
          {pick(WALK_PRESETS.find((p) => p.minutes === s.minutes)!.label, lang)} ·{' '}
          {s.network
            ? lang === 'zh' ? `沿网络步行 ${fmtNum(walk, lang)} 米` : `${fmtNum(walk, lang)} m along the network`
            : lang === 'zh' ? `步行 ${fmtNum(walk, lang)} 米 → 直线半径 ${fmtNum(radius, lang)} 米` : `walk ${fmtNum(walk, lang)} m → radius ${fmtNum(radius, lang)} m`}
        </p>
      </div>

      <div className="an-grid">
        <label>
          <span>{tr('speed', lang)} <Tip text={tr('speedTip', lang)} /></span>
          <NumberField name="speed" min={LIMITS.speed[0]} max={LIMITS.speed[1]} step={0.1} value={s.speed} onCommit={(v) => set({ speed: v })} />
        </label>
        <label>
          <span>{tr('detour', lang)} <Tip text={tr('detourTip', lang)} /></span>
          <NumberField name="detour" min={LIMITS.detour[0]} max={LIMITS.detour[1]} step={0.05} value={s.detour} disabled={!!s.network} onCommit={(v) => set({ detour: v })} />
        </label>
      </div>

      <label className="an-row">
        <span>{tr('area', lang)}</span>
        <select name="area" value={s.area} onChange={(e) => set({ area: e.target.value })}>
          {areaChoices.map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
        </select>
      </label>
      {areaNames.length > 1 && (
        <label className="an-row">
          <span />
          <select name="areaFeature" aria-label={tr('area', lang)} value={s.areaFeature ?? ''} onChange={(e) => set({ areaFeature: e.target.value || undefined })}>
            <option value="">{tr('areaAll', lang)}</option>
            {areaNames.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      )}
      <label className="an-row">
        <span>{tr('network', lang)} <Tip text={tr('networkHint', lang)} /></span>
        <select name="network" value={s.network ?? ''} onChange={(e) => set({ network: e.target.value || undefined })}>
          <option value="">{tr('networkNone', lang)}</option>
          {lineChoices.map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
        </select>
      </label>
      {s.network && (
        <label className="an-row">
          <span>{tr('level', lang)} <Tip text={tr('levelTip', lang)} /></span>
          <select name="levelAttr" value={s.levelAttr ?? ''} onChange={(e) => set({ levelAttr: e.target.value || undefined })}>
            <option value="">{tr('levelAuto', lang)}</option>
            {levelFields.map((k) => <option key={k} value={k}>{k}</option>)}
          </select>
        </label>
      )}
      <details className="an-more" open={!!(s.popAttr || s.target || s.cell)}>
        <summary>{tr('more', lang)}</summary>
      <label className="an-row">
        <span>{tr('population', lang)} <Tip text={tr('popTip', lang)} /></span>
        <select name="popAttr" value={s.popAttr ?? ''} onChange={(e) => set({ popAttr: e.target.value || undefined })}>
          <option value="">{tr('popAuto', lang)}</option>
          {numericFields.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <label className="an-row">
        <span>{tr('target', lang)}</span>
        <select name="target" value={s.target ?? ''} onChange={(e) => set({ target: (e.target.value || undefined) as CoverageTargetId | 'none' | undefined })}>
          <option value="">
            {tr('targetAuto', lang)}
            {inferred ? `: ${pick(targetById(inferred).indicator, lang)}` : ''}
          </option>
          {COVERAGE_TARGETS.map((id) => <option key={id} value={id}>{pick(targetById(id).indicator, lang)}</option>)}
          <option value="none">{tr('targetNone', lang)}</option>
        </select>
      </label>
      <label className="an-row">
        <span>{tr('cell', lang)}</span>
        <select name="cell" value={s.cell ?? ''} onChange={(e) => set({ cell: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{tr('cellAuto', lang)}</option>
          {CELLS.map((c) => <option key={c} value={c}>{c} {lang === 'zh' ? '米' : 'm'}</option>)}
        </select>
      </label>
      </details>
    </div>
  );
}
