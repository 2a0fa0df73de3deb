// The selected feature's properties, as text (React escapes; no HTML is ever injected).
import { featureName } from '../lib/featureName';
import { pick, t } from '../i18n/strings';
import { act, useStore } from '../state/store';
import { allLayers } from '../state/appState';
import { select } from '../state/updaters';
import { displayValue, fieldLabel, planRefText } from './labels';

const META = ['plan_ref', 'source', 'accuracy_m'];

export function FeatureCard() {
  const sel = useStore((s) => s.selection);
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const lang = useStore((s) => s.lang);
  if (!sel) return null;
  const layer = allLayers({ catalog, userLayers }).find((l) => l.id === sel.layerId);
  const p = sel.properties;
  const first = (layer?.fields ?? ['name', 'name_en']).filter((k) => k in p);
  // A coded value and its Chinese label (renewal_type / renewal_type_zh) are shown once.
  const shown = (k: string) => first.includes(k) || first.includes(`${k}_zh`) || (k.endsWith('_zh') && first.includes(k.slice(0, -3)));
  // A note in two languages (district_note / district_note_en) is shown once, in the interface language.
  const otherLang = (k: string) => (lang === 'zh' ? k.endsWith('_en') && k !== 'name_en' && k.slice(0, -3) in p : `${k}_en` in p && k !== 'name');
  const rest = Object.keys(p).filter((k) => !shown(k) && !META.includes(k) && !k.startsWith('__') && !(k.endsWith('_zh') && k.slice(0, -3) in p) && !otherLang(k));
  const title = displayValue('name', featureName(p, lang), lang);
  return (
    <aside className="feature-card" role="dialog" aria-label={title}>
      <header>
        <div>
          <div className="card-layer">{layer ? pick(layer.title, lang) : sel.layerId}</div>
          <h2 className="card-title">{title}</h2>
        </div>
        <button className="icon" onClick={() => act(select, null)} aria-label={t('close', lang)}>×</button>
      </header>
      {typeof p.plan_ref === 'string' && (
        <p className="card-ref">
          {t('planRef', lang)}：{planRefText(p.plan_ref, lang)} <code>{p.plan_ref}</code>
        </p>
      )}
      <table>
        <tbody>
          {[...first, ...rest].map((k) => (
            <tr key={k}>
              <th>{fieldLabel(k, lang)}</th>
              <td>{displayValue(k, p[k], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="card-meta">
        {t('source', lang)}：{displayValue('source', p.source, lang)}
        <br />
        {t('accuracy', lang)}：±{displayValue('accuracy_m', p.accuracy_m, lang)} {t('metres', lang)}
      </p>
    </aside>
  );
}
