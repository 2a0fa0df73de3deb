import { lazy, Suspense, useEffect, type KeyboardEvent, type MouseEvent } from 'react';
import { t, type StringKey } from './i18n/strings';
import { tabKeyTarget } from './lib/tabKeys';
import { MapView } from './map/MapView';
import type { PanelId } from './state/appState';
import { act, useStore } from './state/store';
import { setPanel } from './state/updaters';
import { DataPanel } from './ui/data/DataPanel';
import { FeatureTable } from './ui/filters/FeatureTable';
import { FilterPanel } from './ui/filters/FilterPanel';
import { PlaceSearch } from './ui/filters/PlaceSearch';
import { Toolbar } from './ui/share/Toolbar';
import { FeatureCard } from './ui/FeatureCard';
import { Header } from './ui/Header';
import { LayerPanel } from './ui/LayerPanel';
import { Notices } from './ui/Notices';
import { DropOverlay } from './ui/data/DropOverlay';

/** Arrow keys, Home and End move between the sidebar tabs (and select them). */
function tabKeys(e: KeyboardEvent<HTMLDivElement>, panel: PanelId): void {
  const next = tabKeyTarget(PANELS.map(([id]) => id), panel, e.key);
  if (!next) return;
  e.preventDefault();
  act(setPanel, next);
  (e.currentTarget.querySelector(`[data-panel="${next}"]`) as HTMLElement | null)?.focus();
}

/** Skip links move focus without touching the URL hash (it holds the map state). */
const skipTo = (id: string) => (e: MouseEvent<HTMLAnchorElement>) => {
  e.preventDefault();
  const el = document.getElementById(id);
  (el?.matches('[role=tablist]') ? (el.querySelector('[aria-selected=true]') as HTMLElement | null) : el)?.focus();
};

const AnalysisPanel = lazy(() => import('./ui/analysis/AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })));
const HealthPanel = lazy(() => import('./ui/health/HealthPanel').then((m) => ({ default: m.HealthPanel })));
const ThematicPanel = lazy(() => import('./ui/thematic/ThematicPanel').then((m) => ({ default: m.ThematicPanel })));
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
    <aside className="sidebar" id="sidebar" aria-label={t('sidebar', lang)}>
      <div className="tabs" role="tablist" id="sidebar-tabs" aria-label={t('sidebar', lang)} onKeyDown={(e) => tabKeys(e, panel)}>
        {PANELS.map(([id, key]) => (
          <button key={id} role="tab" id={`tab-${id}`} aria-controls="sidebar-panel" aria-selected={panel === id} tabIndex={panel === id ? 0 : -1}
            className={panel === id ? 'tab on' : 'tab'} data-panel={id} onClick={() => act(setPanel, id)}>
            {t(key, lang)}
          </button>
        ))}
      </div>
      <div className="panel" role="tabpanel" id="sidebar-panel" aria-labelledby={`tab-${panel}`}>
        {panel === 'layers' && <LayerPanel />}
        {panel === 'filters' && <FilterPanel />}
        <Suspense fallback={<p className="status">…</p>}>
          {panel === 'analysis' && <AnalysisPanel />}
          {panel === 'data' && <DataPanel />}
          {panel === 'thematic' && <ThematicPanel />}
          {panel === 'health' && <HealthPanel />}
        </Suspense>
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
      {!embed && (
        <nav className="skip-links" aria-label={t('skipLinks', lang)}>
          <a href="#psearch" className="skip-link" onClick={skipTo('psearch')}>{t('skipToSearch', lang)}</a>
          <a href="#sidebar" className="skip-link" onClick={skipTo('sidebar-tabs')}>{t('skipToPanels', lang)}</a>
        </nav>
      )}
      {!embed && <Header />}
      <main className="body">
        {/* The map column comes first in the tab order (search is early); the sidebar is drawn on the left by CSS order. */}
        <div className="map-column">
          <div className="map-wrap">
            {embed && status}
            {catalog && !embed && <PlaceSearch />}
            {catalog && <MapView />}
            {catalog && <Toolbar />}
            <FeatureCard />
            <Notices />
          </div>
          {!embed && <DropOverlay />}
          {!embed && catalog && <FeatureTable />}
        </div>
        {!embed && (status ?? <Sidebar />)}
      </main>
    </div>
  );
}
