import { useEffect } from 'react';
import { loadCatalog } from './catalog/load';
import { t } from './i18n/strings';
import { MapView } from './map/MapView';
import { act, useStore } from './state/store';
import { setCatalog } from './state/updaters';
import { readUrl, startUrlSync } from './state/urlSync';
import { FeatureCard } from './ui/FeatureCard';
import { Header } from './ui/Header';
import { LayerPanel } from './ui/LayerPanel';
import { Notices } from './ui/Notices';

export function App() {
  const lang = useStore((s) => s.lang);
  const catalog = useStore((s) => s.catalog);
  const error = useStore((s) => s.catalogError);

  useEffect(() => {
    let stop = () => {};
    let cancelled = false;
    loadCatalog(document.baseURI)
      .then((c) => {
        if (cancelled) return;
        // The link is read once the layer ids are known, so unknown ones are reported.
        const fromUrl = readUrl(new Set(c.layers.map((l) => l.id)));
        act(setCatalog, c, fromUrl);
        stop = startUrlSync();
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

  return (
    <div className="app">
      <Header />
      <main className="body">
        <aside className="sidebar">
          {error ? <p className="error">{t('loadFailed', lang)}: {error}</p> : catalog ? <LayerPanel /> : <p>{t('loading', lang)}</p>}
          <p className="hint">{t('clickHint', lang)}</p>
        </aside>
        <div className="map-wrap">
          {catalog && <MapView />}
          <FeatureCard />
          <Notices />
        </div>
      </main>
    </div>
  );
}
