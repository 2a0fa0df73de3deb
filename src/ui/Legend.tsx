// Legend swatches for one layer: a single swatch, or one per category.
import type { CatalogLayer } from '../catalog/types';
import type { Lang } from '../i18n/strings';
import { categoryLabel } from './labels';
import { useStore } from '../state/store';
import { ThematicLegend } from './thematic/ThematicLegend';

export function Swatch({ layer, color }: { layer: CatalogLayer; color: string }) {
  const g = layer.geometry;
  const cls = g === 'line' ? 'sw sw-line' : g === 'point' ? 'sw sw-point' : 'sw sw-fill';
  const border = layer.style.outline ?? color;
  return <span className={cls} style={{ background: g === 'line' ? undefined : color, borderColor: g === 'line' ? color : border }} aria-hidden />;
}

export function Legend({ layer, lang }: { layer: CatalogLayer; lang: Lang }) {
  const themed = useStore((s) => !!s.thematic[layer.id]);
  if (themed) return <ThematicLegend layerId={layer.id} lang={lang} geometry={layer.geometry} />;
  const cats = layer.style.categories;
  if (!cats) return null;
  return (
    <ul className="legend">
      {Object.entries(cats.values).map(([value, color]) => (
        <li key={value}>
          <Swatch layer={layer} color={color} />
          <span>{categoryLabel(cats.property, value, lang)}</span>
        </li>
      ))}
    </ul>
  );
}
