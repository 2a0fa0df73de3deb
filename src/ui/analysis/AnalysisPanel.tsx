// The 分析 tab: coverage analysis (inputs, run/cancel, progress, results) and the plan's targets.
import { useEffect, useState } from 'react';
import { pick, type Lang } from '../../i18n/strings';
import { analysisOf, resetAnalysis, updateAnalysis, type AnalysisSettings } from '../../state/analysisSettings';
import { useResults } from '../../state/derivedResults';
import { act, useStore } from '../../state/store';
import { useAllLayers } from './hooks';
import { ResultsView } from './ResultsView';
import { cancelAnalysis, runAnalysis } from './runner';
import { SettingsForm } from './SettingsForm';
import { tr } from './strings';
import { TargetsPanel } from './TargetsPanel';
import './analysis.css';

const STAGES: Record<string, { zh: string; en: string }> = {
  load: { zh: '读取图层', en: 'loading layers' },
  zones: { zh: '栅格化评估范围', en: 'rasterising the area' },
  stamp: { zh: '计算服务范围', en: 'stamping reaches' },
  polygons: { zh: '生成覆盖范围', en: 'tracing polygons' },
  graph: { zh: '构建路网', en: 'building the network' },
  search: { zh: '最短路径', en: 'shortest paths' },
  edges: { zh: '可达路段', en: 'reached streets' },
};

function RunBar({ lang, onRun }: { lang: Lang; onRun: () => void }) {
  const status = useResults((s) => s.status);
  const progress = useResults((s) => s.progress);
  const error = useResults((s) => s.error);
  const running = status === 'running';
  const frac = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  const stage = progress ? STAGES[progress.stage] : undefined;
  return (
    <div className="an-run" data-status={status}>
      {running ? (
        <button type="button" className="an-btn cancel" data-action="cancel" onClick={cancelAnalysis}>{tr('cancel', lang)}</button>
      ) : (
        <button type="button" className="an-btn primary" data-action="run" onClick={onRun}>{tr('run', lang)}</button>
      )}
      <div className="an-status" role="status" aria-live="polite">
        {running && (
          <>
            <progress max={1} value={frac ?? undefined} aria-label={tr('running', lang)} />
            <span>{stage ? pick(stage, lang) : tr('running', lang)}</span>
          </>
        )}
        {status === 'cancelled' && <span className="an-cancelled">{tr('cancelled', lang)}</span>}
        {status === 'error' && error && <span className="error">{pick(error, lang)}</span>}
      </div>
    </div>
  );
}

function CoverageTab({ lang }: { lang: Lang }) {
  const stored = useStore((s) => s.analysis);
  const settings = analysisOf({ analysis: stored });
  const layers = useAllLayers();
  const finished = useResults((s) => s.finished);
  const key = JSON.stringify(settings);

  const run = () => {
    // the run's settings go into the link (an=), so a shared link reproduces it
    if (!stored) act(updateAnalysis, {});
    void runAnalysis(settings, layers);
  };

  // After a first run, a parameter change recomputes (debounced); the new run cancels a stale one.
  useEffect(() => {
    if (!finished && useResults.getState().status !== 'running') return;
    const ran = useResults.getState().settings;
    if (ran && JSON.stringify(ran) === key) return;
    const t = setTimeout(() => {
      void runAnalysis(JSON.parse(key) as AnalysisSettings, layers);
    }, 350);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <>
      <SettingsForm s={settings} layers={layers} lang={lang} />
      <RunBar lang={lang} onRun={run} />
      <p className="an-note an-auto">
        {finished > 0 ? tr('autoNote', lang) : ''}
        {stored && (
          <button type="button" className="an-link" onClick={() => act(resetAnalysis)}>{tr('reset', lang)}</button>
        )}
      </p>
      <ResultsView lang={lang} />
    </>
  );
}

export function AnalysisPanel() {
  const lang = useStore((s) => s.lang);
  const [tab, setTab] = useState<'coverage' | 'targets'>('coverage');
  return (
    <div className="an-panel">
      <div className="an-subtabs" role="tablist">
        {(['coverage', 'targets'] as const).map((id) => (
          <button key={id} type="button" role="tab" data-subtab={id} aria-selected={tab === id} className={tab === id ? 'on' : ''} onClick={() => setTab(id)}>
            {tr(id === 'coverage' ? 'tabCoverage' : 'tabTargets', lang)}
          </button>
        ))}
      </div>
      {tab === 'coverage' ? <CoverageTab lang={lang} /> : <TargetsPanel lang={lang} />}
    </div>
  );
}
