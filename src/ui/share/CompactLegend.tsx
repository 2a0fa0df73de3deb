// The embedded map's legend: visible layers with their swatches, collapsible.
import { pick } from '../../i18n/strings';
import { useStore } from '../../state/store';
import { allLayers } from '../../state/appState';
import { categoryLabel } from '../labels';
import { Swatch } from '../Legend';
import { st } from './strings';

export function CompactLegend() {
  const lang = useStore((s) => s.lang);
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const visible = useStore((s) => s.visible);
  const layers = allLayers({ catalog, userLayers }).filter((l) => visible.includes(l.id));
  if (!layers.length) return null;
  return (
    <details className="compact-legend" open>
      <summary>{st('legend', lang)}</summary>
      <ul>
        {layers.map((l) => {
          const cats = l.style.categories;
          return (
            <li key={l.id} data-layer={l.id}>
              <div className="cl-title">
                {!cats && <Swatch layer={l} color={l.style.color} />}
                <span>{pick(l.title, lang)}</span>
              </div>
              {cats && (
                <ul className="cl-cats">
                  {Object.entries(cats.values).map(([v, color]) => (
                    <li key={v}><Swatch layer={l} color={color} /><span>{categoryLabel(cats.property, v, lang)}</span></li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
