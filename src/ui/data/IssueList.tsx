// Load reports: what happened to each file, with its errors and warnings
// (bilingual, located by feature index / line), each with data-code.
import { useState } from 'react';
import { CRS_LIST } from '../../io/crs/registry';
import { describeLocation, type Issue } from '../../io/messages';
import type { Lang } from '../../i18n/strings';
import { retryLoad } from './controller';
import { dismissReport, useImport, type LoadReport, type RetryInfo } from './importStore';
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

/** After a load failed for want of a coordinate system or a sheet: choose, and load again. */
function RetryChoice({ reportKey, retry, lang }: { reportKey: number; retry: RetryInfo; lang: Lang }) {
  const busy = useImport((s) => s.busy);
  const fits = retry.crsCandidates ?? [];
  const [crs, setCrs] = useState(fits[0]?.id ?? 'EPSG:4548');
  const sheets = retry.sheets ?? [];
  // Offer the next sheet after the one that failed (the first, when none was named).
  const [sheet, setSheet] = useState(sheets.find((x) => x !== (retry.sheet ?? sheets[0])) ?? sheets[0] ?? '');
  if (retry.crsCandidates) {
    return (
      <div className="retry crs-choice">
        <label>
          <span>{dt('chooseCrs', lang)}</span>
          <select value={crs} onChange={(e) => setCrs(e.target.value)} data-testid="crs-choice">
            {fits.length > 0 && (
              <optgroup label={dt('crsFits', lang)}>
                {fits.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.id.startsWith('EPSG:') ? `${c.id} · ` : ''}{c.name[lang]} — {dt('landsAt', lang)} {c.centre[0].toFixed(3)}, {c.centre[1].toFixed(3)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={dt('crsAll', lang)}>
              {CRS_LIST.filter((d) => !d.aliasOf && !fits.some((c) => c.id === `EPSG:${d.epsg}`)).map((d) => (
                <option key={d.epsg} value={`EPSG:${d.epsg}`}>EPSG:{d.epsg} · {d.name[lang]}</option>
              ))}
            </optgroup>
          </select>
        </label>
        <button className="primary" disabled={!!busy} onClick={() => void retryLoad(reportKey, { from: crs })} data-action="load-with-crs">
          {dt('loadWithCrs', lang)}
        </button>
      </div>
    );
  }
  return (
    <div className="retry sheet-choice">
      <label>
        <span>{dt('chooseSheet', lang)}</span>
        <select value={sheet} onChange={(e) => setSheet(e.target.value)} data-testid="sheet-choice">
          {sheets.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
      <button className="primary" disabled={!!busy} onClick={() => void retryLoad(reportKey, { sheet })} data-action="load-sheet">
        {dt('loadSheet', lang)}
      </button>
    </div>
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
      {r.retry && <RetryChoice reportKey={r.key} retry={r.retry} lang={lang} />}
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
