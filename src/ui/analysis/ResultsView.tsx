// The result of the last run: totals, legend, per-zone table, downloads.
import type { Lang } from '../../i18n/strings';
import { pick } from '../../i18n/strings';
import { useResults } from '../../state/derivedResults';
import { targetById } from '../../analysis/targets';
import { downloadCoverageCsv, downloadCoverageGeoJSON } from './exports';
import { fill, fmtNum, fmtPct, tr } from './strings';
import { ZoneTable } from './ZoneTable';

export function CoverageLegend({ lang, edges }: { lang: Lang; edges: boolean }) {
  return (
    <ul className="an-legend">
      <li><span className="an-sw covered" aria-hidden />{tr('legendCovered', lang)}</li>
      <li><span className="an-sw uncovered" aria-hidden />{tr('legendUncovered', lang)}</li>
      {edges && <li><span className="an-sw edges" aria-hidden />{tr('legendEdges', lang)}</li>}
    </ul>
  );
}

export function ResultsView({ lang }: { lang: Lang }) {
  const s = useResults();
  const r = s.result;
  const m = s.meta;
  if (!r || !m) return null;
  const stale = s.status === 'running';
  const km2 = (v: number) => fmtNum(v / 1e6, lang, 1);
  return (
    <section className={stale ? 'an-results stale' : 'an-results'} aria-busy={stale} data-status={s.status}>
      <p className="an-run-desc">
        {pick(m.facilitiesLabel, lang)} ({m.facilityCount}) · {pick(m.areaLabel, lang)} · {m.minutes} {lang === 'zh' ? '分钟' : 'min'}
        {m.mode === 'network' ? (lang === 'zh' ? ' · 网络模式' : ' · network') : ''}
        {m.target && <><br />{lang === 'zh' ? '对应目标：' : 'Answers: '}{pick(targetById(m.target).indicator, lang)}</>}
      </p>
      {stale && <p className="an-note">{tr('stale', lang)}</p>}
      {m.completeness && !m.completeness.complete && (
        <p className="an-warn" role="note" data-completeness="incomplete">
          {tr('incompleteRun', lang)} {pick(m.completeness.note, lang)}
        </p>
      )}
      <div className="an-totals">
        <div className="an-total" data-total="area">
          <span className="an-total-label">{tr('coveredArea', lang)}</span>
          <strong>{fmtPct(r.coveredPct, lang)}</strong>
          <span className="an-total-sub">{km2(r.coveredAreaM2)} / {km2(r.totalAreaM2)} {lang === 'zh' ? '平方公里' : 'km²'}</span>
        </div>
        <div className="an-total" data-total="residents">
          <span className="an-total-label">{tr('coveredResidents', lang)}</span>
          {r.coveredPopulation !== null && r.population ? (
            <>
              <strong>{fmtPct((100 * r.coveredPopulation) / r.population, lang)}</strong>
              <span className="an-total-sub">{fmtNum(r.coveredPopulation, lang)} / {fmtNum(r.population, lang)}</span>
            </>
          ) : (
            <span className="an-total-sub">{tr('noPopulation', lang)}</span>
          )}
        </div>
      </div>
      {s.network && (
        <p className="an-note">
          {lang === 'zh'
            ? `网络：${s.network.edgeCount} 条路段，${s.network.sourceCount} 个起点（${s.network.unsnapped} 处设施距网络过远未计入），可达 ${fmtNum(s.network.reachedLengthM / 1000, lang, 1)} 公里`
            : `Network: ${s.network.edgeCount} edges, ${s.network.sourceCount} sources (${s.network.unsnapped} facilities too far from it left out), ${fmtNum(s.network.reachedLengthM / 1000, lang, 1)} km reached`}
        </p>
      )}
      <CoverageLegend lang={lang} edges={!!s.edges} />
      <ZoneTable result={r} facilityCount={m.facilityCount} namesEn={m.namesEn} lang={lang} />
      <p className="an-note" data-resolution={r.cellSizeM} data-error-m2={r.errorM2}>
        {fill(tr('resolutionNote', lang), { cell: fmtNum(r.cellSizeM, lang, r.cellSizeM < 10 ? 1 : 0), err: fmtNum(r.errorM2 / 1e6, lang, r.errorM2 < 1e5 ? 3 : 2) })}
        {r.outlineCellM > r.cellSizeM * 1.01 ? `${lang === 'zh' ? '；' : '; '}${fill(tr('outlineNote', lang), { cell: fmtNum(r.outlineCellM, lang, 0) })}` : ''}
        <br />
        {lang === 'zh' ? '人口按面积加权' : 'Residents area-weighted'}
        {m.populationSource === 'districts' ? (lang === 'zh' ? '（各区 2020 年人口按面积分摊）' : ' (district 2020 residents spread by area)') : ''}
      </p>
      {r.zonesOverlap && <p className="an-note" data-note="overlap">{tr('overlapNote', lang)}</p>}
      {r.perZone.some((z) => z.refined) && <p className="an-note" data-note="refined">{tr('refinedNote', lang)}</p>}
      <div className="an-exports">
        <button type="button" data-export="csv" onClick={() => downloadCoverageCsv(useResults.getState(), lang)}>{tr('exportCsv', lang)}</button>
        <button type="button" data-export="geojson" onClick={() => downloadCoverageGeoJSON(useResults.getState())}>{tr('exportGeo', lang)}</button>
      </div>
    </section>
  );
}
