// The thematic expressions for every styled layer, kept in line with the store and the filters.
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store';
import { allLayers } from '../state/appState';
import { useFilterResults } from '../state/derivedResults';
import { refreshThematic, useThematicResults } from '../state/thematicResults';
import { thematicRenders, type Renders } from './thematicRenders';

export function useThematic(): Renders {
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

  // What was drawn last: a layer whose new classes are still computing keeps it meanwhile.
  const last = useRef<Renders>({});
  const renders = useMemo(() => thematicRenders(thematic, results, last.current), [thematic, results]);
  useEffect(() => {
    last.current = renders;
  }, [renders]);
  return renders;
}
