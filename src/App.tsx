import { useEffect } from 'react';
import { t, type StringKey } from './i18n/strings';
import { MapView } from './map/MapView';
import type { PanelId } from './state/appState';
import { act, useStore } from './state/store';
import { setPanel } from './state/updaters';
import { AnalysisPanel } from './ui/analysis/AnalysisPanel';
import { DataPanel } from './ui/data/DataPanel';
import { HealthPanel } from './ui/health/HealthPanel';
import { ThematicPanel } from './ui/thematic/ThematicPanel';
import { FeatureTable } from './ui/filters/FeatureTable';
import { FilterPanel } from './ui/filters/FilterPanel';
import { PlaceSearch } from './ui/filters/PlaceSearch';
import { Toolbar } from './ui/share/Toolbar';
import { FeatureCard } from './ui/FeatureCard';
import { Header } from './ui/Header';
import { LayerPanel } from './ui/LayerPanel';
import { Notices } from './ui/Notices';
import { DropOverlay } from './ui/data/DropOverlay';

const PANELS: [PanelId, StringKey][] = [
  ['layers', 'tabLayers'],
  ['filters', 'tabFilters'],
  ['analysis', 'tabAnalysis'],
  ['data', 'tabData'],
  ['thematic', 'tabThematic'],
  ['health', 'tabHealth'],
];

function Sidebar() {
  const lang = useStore((s) => s.lang);
  const panel = useStore((s) => s.panel);
  return (
    <aside className="sidebar">
      <div className="tabs" role="tablist">
        {PANELS.map(([id, key]) => (
          <button key={id} role="tab" aria-selected={panel === id} className={panel === id ? 'tab on' : 'tab'} data-panel={id} onClick={() => act(setPanel, id)}>
            {t(key, lang)}
          </button>
        ))}
      </div>
      <div className="panel" role="tabpanel">
        {panel === 'layers' && <LayerPanel />}
        {panel === 'filters' && <FilterPanel />}
        {panel === 'analysis' && <AnalysisPanel />}
        {panel === 'data' && <DataPanel />}
        {panel === 'thematic' && <ThematicPanel />}
        {panel === 'health' && <HealthPanel />}
      </div>
    </aside>
  );
}

export function App() {
  const lang = useStore((s) => s.lang);
  const catalog = useStore((s) => s.catalog);
  const error = useStore((s) => s.catalogError);
  const embed = useStore((s) => s.embed);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle', lang);
  }, [lang]);

  const status = error ? <p className="error">{t('loadFailed', lang)}: {error}</p> : !catalog ? <p className="status">{t('loading', lang)}</p> : null;
  return (
    <div className={embed ? 'app embed' : 'app'}>
      {!embed && <Header />}
      <main className="body">
        {!embed && (status ?? <Sidebar />)}
        <div className="map-column">
          <div className="map-wrap">
            {embed && status}
            {catalog && <MapView />}
            {catalog && <Toolbar />}
            {catalog && !embed && <PlaceSearch />}
            <FeatureCard />
            <Notices />
          </div>
          {!embed && <DropOverlay />}
          {!embed && catalog && <FeatureTable />}
        </div>
      </main>
    </div>
  );
}
