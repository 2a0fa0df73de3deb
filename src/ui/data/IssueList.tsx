// Load reports: what happened to each file, with its errors and warnings
// (bilingual, located by feature index / line), each with data-code.
import { describeLocation, type Issue } from '../../io/messages';
import type { Lang } from '../../i18n/strings';
import { dismissReport, useImport, type LoadReport } from './importStore';
import { dt } from './strings';

const SHOWN = 20;

function Issues({ items, kind, lang }: { items: Issue[]; kind: 'error' | 'warning'; lang: Lang }) {
  if (!items.length) return null;
  return (
    <>
      <h4>{dt(kind === 'error' ? 'errorsTitle' : 'warningsTitle', lang)}</h4>
      <ul className={`issues ${kind}`}>
        {items.slice(0, SHOWN).map((i, n) => {
          const where = describeLocation(i, lang);
          return (
            <li key={n} className="issue" data-code={i.code} data-feature={i.featureIndex} data-line={i.line}>
              {where && <span className="where">{where}{lang === 'zh' ? '：' : ': '}</span>}
              <span className="msg">{i.message[lang]}</span>
            </li>
          );
        })}
        {items.length > SHOWN && <li className="issue more">{dt('more', lang, { n: items.length - SHOWN })}</li>}
      </ul>
    </>
  );
}

function Report({ r, lang }: { r: LoadReport; lang: Lang }) {
  const head = r.status === 'ok' ? dt('loadedOk', lang, { n: r.featureCount }) : dt(r.status === 'failed' ? 'loadFailed' : 'loadCancelled', lang);
  return (
    <section className={`report ${r.status}`} data-status={r.status} data-file={r.name} data-key={r.key} aria-live="polite">
      <header>
        <div>
          <strong className="report-file">{r.name}</strong>
          <div className="report-status">{head}</div>
        </div>
        <button className="icon" onClick={() => dismissReport(r.key)} aria-label={dt('dismiss', lang)} title={dt('dismiss', lang)}>×</button>
      </header>
      <Issues items={r.errors} kind="error" lang={lang} />
      <Issues items={r.warnings} kind="warning" lang={lang} />
    </section>
  );
}

export function Reports({ lang }: { lang: Lang }) {
  const reports = useImport((s) => s.reports);
  if (!reports.length) return null;
  return (
    <div className="reports">
      {reports.map((r) => <Report key={r.key} r={r} lang={lang} />)}
    </div>
  );
}
