// The selected feature's properties, as text (React escapes; no HTML is ever injected).
import { pick, t } from '../i18n/strings';
import { act, useStore } from '../state/store';
import { select } from '../state/updaters';
import { displayValue, fieldLabel, planRefText } from './labels';

const META = ['plan_ref', 'source', 'accuracy_m'];

export function FeatureCard() {
  const sel = useStore((s) => s.selection);
  const catalog = useStore((s) => s.catalog);
  const lang = useStore((s) => s.lang);
  if (!sel) return null;
  const layer = catalog?.layers.find((l) => l.id === sel.layerId);
  const p = sel.properties;
  const first = (layer?.fields ?? ['name', 'name_en']).filter((k) => k in p);
  const rest = Object.keys(p).filter((k) => !first.includes(k) && !META.includes(k) && !k.startsWith('__'));
  const title = displayValue('name', lang === 'en' ? p.name_en ?? p.name : p.name, lang);
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
