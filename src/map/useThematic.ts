// The thematic expressions for every styled layer, kept in line with the store and the filters.
import { useEffect, useMemo } from 'react';
import { useStore } from '../state/store';
import { allLayers } from '../state/appState';
import { useFilterResults } from '../state/derivedResults';
import { refreshThematic, useThematicResults } from '../state/thematicResults';
import { thematicRender, type ThematicRender } from './thematicStyle';

export function useThematic(): Record<string, ThematicRender | undefined> {
  const thematic = useStore((s) => s.thematic);
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const filters = useStore((s) => s.filters);
  const byFilter = useFilterResults((s) => s.byLayer);
  const results = useThematicResults((s) => s.byLayer);

  useEffect(() => {
    const kept: Parameters<typeof refreshThematic>[2] = {};
    for (const id of Object.keys(thematic)) if (filters[id] && byFilter[id]) kept[id] = byFilter[id];
    refreshThematic(allLayers({ catalog, userLayers }), thematic, kept);
  }, [thematic, catalog, userLayers, byFilter, filters]);

  return useMemo(() => {
    const out: Record<string, ThematicRender | undefined> = {};
    for (const [id, style] of Object.entries(thematic)) {
      const r = results[id];
      if (r && r.key.includes(`|${JSON.stringify(style)}|`)) out[id] = thematicRender(style, r.classes, { max: r.max });
      else if (style.label) out[id] = thematicRender({ kind: 'none', label: style.label }, null);
    }
    return out;
  }, [thematic, results]);
}
