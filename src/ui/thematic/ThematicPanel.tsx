// The thematic style editor: choose a layer, a style, an attribute, a classification and a ramp;
// the map and the legend follow at once (state/thematic.ts → map/thematicStyle.ts).
import { useMemo, useState } from 'react';
import { targetForField } from '../../analysis/planTargetsAdapter';
import { useAllLayers, useLayerData } from '../../data/hooks';
import { pick, type Lang } from '../../i18n/strings';
import { CLASS_METHODS, type ClassMethod } from '../../lib/thematic/classify';
import { fieldsOf } from '../../lib/thematic/fields';
import { RAMPS } from '../../lib/thematic/ramps';
import { THEMATIC_KINDS, type ThematicKind, type ThematicSpec } from '../../lib/thematic/spec';
import { NumberField } from '../analysis/NumberField';
import { act, useStore } from '../../state/store';
import { patchThematic, setThematic } from '../../state/thematic';
import { setLayerVisible } from '../../state/updaters';
import { JoinForm } from './JoinForm';
import { ThematicLegend } from './ThematicLegend';
import { tx, type ThKey } from './strings';
import './thematic.css';

const NUMERIC_KINDS: ThematicKind[] = ['graduated', 'circles', 'heatmap'];

/** Settings that go with an attribute: a plan target's threshold is preselected. */
export function fieldPatch(field: string, kind: ThematicKind): Partial<ThematicSpec> {
  const t = targetForField(field);
  if (t && kind !== 'categories') return { field, method: 'target', target: { threshold: t.threshold, close: 0.2, id: t.id, direction: t.direction } };
  return { field };
}

export function ThematicPanel({ initialLayer }: { initialLayer?: string }) {
  const lang = useStore((s) => s.lang);
  const layers = useAllLayers();
  const visible = useStore((s) => s.visible);
  const [layerId, setLayerId] = useState(initialLayer ?? (visible.includes('districts') ? 'districts' : layers[0]?.id ?? ''));
  const layer = layers.find((l) => l.id === layerId);
  const style = useStore((s) => s.thematic[layerId]);
  const fc = useLayerData(layer);
  const fields = useMemo(() => (fc ? fieldsOf(fc.features) : []), [fc]);
  const kind = style?.kind ?? 'none';
  const numeric = fields.filter((f) => f.numeric);
  const choices = NUMERIC_KINDS.includes(kind) ? numeric : fields;
  const patch = (p: Partial<ThematicSpec>) => {
    if (!visible.includes(layerId)) act(setLayerVisible, layerId, true);
    act(patchThematic, layerId, p);
  };
  const setKind = (k: ThematicKind) => {
    const needNum = NUMERIC_KINDS.includes(k);
    const keep = style?.field && fields.find((f) => f.name === style.field && (!needNum || f.numeric));
    const field = keep ? style!.field! : k === 'none' || k === 'heatmap' ? undefined : (needNum ? numeric : fields.filter((f) => f.distinct <= 50))[0]?.name ?? fields[0]?.name;
    patch({ kind: k, ...(field ? fieldPatch(field, k) : { field: undefined }), ...(k === 'categories' ? { method: undefined, target: undefined } : {}) });
  };
  const method = style?.method ?? 'quantile';
  const label = (k: ThKey) => tx(k, lang);
  const rampKinds = kind === 'categories' ? ['qualitative'] : ['sequential', 'diverging'];
  const planTarget = style?.target?.id ? targetForField(style.target.id) : targetForField(style?.field);

  return (
    <div className="thematic-panel" data-thematic-panel>
      <label className="row">
        <span>{label('layer')}</span>
        <select name="th-layer" value={layerId} onChange={(e) => setLayerId(e.target.value)}>
          {layers.map((l) => <option key={l.id} value={l.id}>{pick(l.title, lang)}</option>)}
        </select>
      </label>
      {!fc && <p className="status">{label('loadingData')}</p>}
      {fc && !fields.length && <p className="status">{label('noFields')}</p>}
      {fc && fields.length > 0 && layer && (
        <>
          <label className="row">
            <span>{label('kind')}</span>
            <select name="th-kind" value={kind} onChange={(e) => setKind(e.target.value as ThematicKind)}>
              {THEMATIC_KINDS.filter((k) => k !== 'heatmap' || layer.geometry === 'point' || layer.pointsFile).map((k) => (
                <option key={k} value={k}>{label(`kind_${k}` as ThKey)}</option>
              ))}
            </select>
          </label>
          {kind !== 'none' && (
            <label className="row">
              <span>{label('field')}</span>
              <select name="th-field" value={style?.field ?? ''} onChange={(e) => patch(e.target.value ? fieldPatch(e.target.value, kind) : { field: undefined })}>
                {kind === 'heatmap' && <option value="">{label('weightNone')}</option>}
                {choices.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
              </select>
            </label>
          )}
          {(kind === 'graduated' || kind === 'circles') && (
            <>
              <label className="row">
                <span>{label('method')}</span>
                <select name="th-method" value={method} onChange={(e) => {
                  const m = e.target.value as ClassMethod;
                  const t = m === 'target' && !style?.target ? targetForField(style?.field) : null;
                  patch({ method: m, ...(m === 'target' && !style?.target ? { target: t ? { threshold: t.threshold, close: 0.2, id: t.id } : { threshold: 0, close: 0.2 } } : {}) });
                }}>
                  {CLASS_METHODS.map((m) => <option key={m} value={m}>{label(`method_${m}` as ThKey)}</option>)}
                </select>
              </label>
              {method !== 'target' && method !== 'manual' && (
                <label className="row">
                  <span>{label('classes')}</span>
                  <NumberField name="th-classes" value={style?.classes ?? 5} min={2} max={9} step={1} onCommit={(v) => patch({ classes: v })} />
                </label>
              )}
              {method === 'manual' && (
                <label className="row">
                  <span>{label('breaks')}</span>
                  <input name="th-breaks" defaultValue={(style?.breaks ?? []).join(', ')} onBlur={(e) => patch({ breaks: e.target.value.split(/[,，\s]+/).filter(Boolean).map(Number).filter(Number.isFinite) })} />
                </label>
              )}
              {method === 'target' && style?.target && (
                <>
                  {planTarget && <p className="hint" data-plan-target={planTarget.id}>{label('planTarget')}: {pick(planTarget.indicator, lang)} {planTarget.target} {planTarget.unit} ({planTarget.plan_ref})</p>}
                  <label className="row">
                    <span>{label('threshold')}</span>
                    <input type="number" name="th-threshold" step="any" value={style.target.threshold} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && patch({ target: { ...style.target!, threshold: e.target.valueAsNumber } })} />
                  </label>
                  <label className="row">
                    <span>{label('closeBand')}</span>
                    <NumberField name="th-close" value={Math.round((style.target.close ?? 0) * 100)} min={0} max={90} step={5} onCommit={(v) => patch({ target: { ...style.target!, close: v / 100 } })} />
                  </label>
                  <label className="row">
                    <span>{label('direction')}</span>
                    <select name="th-direction" value={style.target.direction ?? 'min'} onChange={(e) => patch({ target: { ...style.target!, direction: e.target.value as 'min' | 'max' } })}>
                      <option value="min">{label('dirMin')}</option>
                      <option value="max">{label('dirMax')}</option>
                    </select>
                  </label>
                </>
              )}
            </>
          )}
          {kind === 'categories' && (
            <label className="row">
              <span>{label('topN')}</span>
              <NumberField name="th-topn" value={style?.topN ?? 0} min={0} max={50} step={1} onCommit={(v) => patch({ topN: v || undefined })} />
            </label>
          )}
          {(kind === 'graduated' || kind === 'circles' || kind === 'categories') && !(method === 'target' && kind !== 'categories') && (
            <label className="row">
              <span>{label('ramp')}</span>
              <select name="th-ramp" value={style?.ramp ?? ''} onChange={(e) => patch({ ramp: e.target.value || undefined })}>
                <option value="">—</option>
                {RAMPS.filter((r) => rampKinds.includes(r.kind)).map((r) => <option key={r.id} value={r.id}>{r.id}</option>)}
              </select>
            </label>
          )}
          {kind !== 'none' && kind !== 'heatmap' && (
            <label className="check">
              <input type="checkbox" name="th-reverse" checked={!!style?.reverse} onChange={(e) => patch({ reverse: e.target.checked || undefined })} />
              {label('reverse')}
            </label>
          )}
          <label className="row">
            <span>{label('label')}</span>
            <select name="th-label" value={style?.label ?? ''} onChange={(e) => patch({ label: e.target.value || undefined, ...(style ? {} : { kind: 'none' }) })}>
              <option value="">{label('labelNone')}</option>
              {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
            </select>
          </label>
          {style && <ThematicLegend layerId={layerId} lang={lang as Lang} geometry={layer.geometry} editable />}
          {style && <button name="th-clear" onClick={() => act(setThematic, layerId, null)}>{label('clear')}</button>}
          {layer.geometry === 'polygon' && <JoinForm layer={layer} fields={fields.map((f) => f.name)} />}
        </>
      )}
    </div>
  );
}
