import { useEffect } from 'react';
import { loadCatalog } from './catalog/load';
import { t, type StringKey } from './i18n/strings';
import { MapView } from './map/MapView';
import { act, useStore } from './state/store';
import { setCatalog, setPanel, type PanelId } from './state/updaters';
import { AnalysisPanel } from './ui/analysis/AnalysisPanel';
import { DataPanel } from './ui/data/DataPanel';
import { HealthPanel } from './ui/health/HealthPanel';
import { ThematicPanel } from './ui/thematic/ThematicPanel';
import { FeatureTable } from './ui/filters/FeatureTable';
import { FilterPanel } from './ui/filters/FilterPanel';
import { PlaceSearch } from './ui/filters/PlaceSearch';
import { Toolbar } from './ui/share/Toolbar';
import { startEmbed } from './state/embed';
import { readUrl, startUrlSync } from './state/urlSync';
import { FeatureCard } from './ui/FeatureCard';
import { Header } from './ui/Header';
import { LayerPanel } from './ui/LayerPanel';
import { Notices } from './ui/Notices';
import { DropOverlay } from './ui/data/DropOverlay';
import { loadDataParam, restoreSaved, showRestored, startPersistence } from './ui/data/session';

// `?embed=1`: map-only mode and the postMessage API (before the first render).
startEmbed();

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
    let stop = () => {};
    let cancelled = false;
    // Saved user layers are restored with the catalog, before the link is read, so layers= may name them.
    Promise.all([loadCatalog(document.baseURI), restoreSaved()])
      .then(([c, saved]) => {
        if (cancelled) return;
        // The link is read once the layer ids are known, so unknown ones are reported.
        const fromUrl = readUrl(new Set([...c.layers.map((l) => l.id), ...saved.layers.map((l) => l.id)]));
        act(setCatalog, c, fromUrl);
        showRestored(saved, fromUrl.layers);
        const stopSync = startUrlSync();
        const stopPersist = startPersistence();
        stop = () => (stopSync(), stopPersist());
        loadDataParam();
      })
      .catch((e: unknown) => useStore.setState({ catalogError: String(e instanceof Error ? e.message : e) }));
    return () => {
      cancelled = true;
      stop();
    };
  }, []);

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
