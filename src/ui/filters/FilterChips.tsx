// Active filter clauses as removable chips, and the "showing N of M" count.
import type { Lang } from '../../i18n/strings';
import { removeFilterClause } from '../../state/filters';
import { useFilterResults } from '../../state/derivedResults';
import { act, useStore } from '../../state/store';
import { chipsOf, type AnyLayer } from './hooks';
import { num, tf } from './strings';

export function FilterChips({ layerId, lang }: { layerId: string; lang: Lang }) {
  const filter = useStore((s) => s.filters[layerId]);
  const chips = chipsOf(filter);
  if (!chips.length) return null;
  return (
    <ul className="fchips" aria-label={tf('activeFilters', lang)}>
      {chips.map((c) => (
        <li key={c.key} className="fchip" data-clause={c.key}>
          <span className="fchip-text" title={c.label[lang]}>{c.label[lang]}</span>
          <button
            type="button"
            className="fchip-x"
            aria-label={`${tf('remove', lang)}: ${c.label[lang]}`}
            title={tf('remove', lang)}
            onClick={() => act(removeFilterClause, layerId, c.key)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "显示 N / 共 M" for a layer: the filter result's counts, or the whole layer. */
export function FilterCount({ layer, lang }: { layer: AnyLayer; lang: Lang }) {
  const r = useFilterResults((s) => s.byLayer[layer.id]);
  const total = r?.total ?? layer.feature_count;
  const shown = r ? r.count : total;
  return (
    <span className="fcount" data-layer={layer.id} data-count={shown ?? ''} data-total={total} aria-live="polite">
      {shown === null ? tf('computing', lang) : tf('shown', lang, { n: num(shown, lang), m: num(total, lang) })}
    </span>
  );
}
