// Layers in groups: toggle, opacity, legend, zoom to layer.
import { useState } from 'react';
import type { CatalogLayer, LayerGroup } from '../catalog/types';
import { pick, t, type Lang, type StringKey } from '../i18n/strings';
import { fitBounds } from '../map/mapHandle';
import { act, useStore } from '../state/store';
import { setLayerVisible, setOpacity } from '../state/updaters';
import { Legend, Swatch } from './Legend';

const GROUPS: [LayerGroup, StringKey][] = [
  ['framework', 'groupFramework'],
  ['heritage', 'groupHeritage'],
  ['safety', 'groupSafety'],
  ['green', 'groupGreen'],
  ['projects', 'groupProjects'],
  ['context', 'groupContext'],
  ['user', 'groupUser'],
];

function LayerRow({ layer, lang, on, opacity }: { layer: CatalogLayer; lang: Lang; on: boolean; opacity: number }) {
  const title = pick(layer.title, lang);
  const [open, setOpen] = useState(false);
  return (
    <li className={`layer ${on ? 'on' : ''}`} data-layer={layer.id}>
      <div className="layer-head">
        <label>
          <input type="checkbox" checked={on} onChange={(e) => act(setLayerVisible, layer.id, e.target.checked)} aria-label={title} />
          {!layer.style.categories && <Swatch layer={layer} color={layer.style.color} />}
          <span className="layer-title">{title}</span>
        </label>
        <span className="count" title={`${layer.feature_count} ${t('features', lang)}`}>{layer.feature_count}</span>
        <button className="icon" title={t('about', lang)} aria-expanded={open} aria-label={`${t('about', lang)}: ${title}`} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        <button
          className="icon"
          title={t('zoomTo', lang)}
          aria-label={`${t('zoomTo', lang)}: ${title}`}
          onClick={() => {
            const [w, s, e, n] = layer.bbox;
            if (!on) act(setLayerVisible, layer.id, true);
            fitBounds([[w, s], [e, n]]);
          }}
        >
          ⤢
        </button>
      </div>
      {(on || open) && (
        <div className="layer-body">
          {on && <Legend layer={layer} lang={lang} />}
          {open && (
            <>
          <label className="opacity">
            <span>{t('opacity', lang)}</span>
            <input
              type="range" min={0} max={1} step={0.05} value={opacity}
              aria-label={`${t('opacity', lang)}: ${title}`}
              onChange={(e) => act(setOpacity, layer.id, Number(e.target.value))}
            />
          </label>
          <p className="provenance">
            {t('source', lang)}: {layer.source}
            <br />
            {t('sourceCrs', lang)}: {layer.source_crs} · {t('accuracy', lang)} ±{layer.accuracy_m} {t('metres', lang)}
          </p>
            </>
          )}
        </div>
      )}
    </li>
  );
}

export function LayerPanel() {
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const opacity = useStore((s) => s.opacity);
  const lang = useStore((s) => s.lang);
  if (!catalog) return null;
  return (
    <nav className="layer-panel" aria-label={t('layers', lang)}>
      {GROUPS.map(([g, key]) => {
        const layers = [...catalog.layers, ...userLayers].filter((l) => l.group === g).reverse();
        if (!layers.length) return null;
        return (
          <section key={g} className="group" data-group={g}>
            <h3>{t(key, lang)}</h3>
            <ul>
              {layers.map((l) => (
                <LayerRow key={l.id} layer={l} lang={lang} on={visible.includes(l.id)} opacity={opacity[l.id] ?? 1} />
              ))}
            </ul>
          </section>
        );
      })}
      <p className="hint">{t('clickHint', lang)}</p>
    </nav>
  );
}
