// The MapLibre filter expression for each layer with an active filter.
// The evaluation lives in src/state/filterResults.ts (shared with the filter
// panel, the table and the export); this hook keeps it in line with the store
// and hands MapView what to draw: native `match`/range expressions for
// category and range clauses, a feature-id `match` when text or spatial
// clauses are present.
import { useEffect, useMemo } from 'react';
import type { ExpressionSpecification } from 'maplibre-gl';
import { useStore } from '../../state/store';
import { allLayers } from '../../state/appState';
import { refreshFilterResults, useFilterResults } from '../../state/derivedResults';

export function useLayerFilters(): Record<string, ExpressionSpecification | undefined> {
  const filters = useStore((s) => s.filters);
  const catalog = useStore((s) => s.catalog);
  const userLayers = useStore((s) => s.userLayers);
  const byLayer = useFilterResults((s) => s.byLayer);

  useEffect(() => {
    refreshFilterResults(allLayers({ catalog, userLayers }), filters);
  }, [filters, catalog, userLayers]);

  return useMemo(() => {
    const out: Record<string, ExpressionSpecification | undefined> = {};
    for (const [id, r] of Object.entries(byLayer)) if (r.expr) out[id] = r.expr;
    return out;
  }, [byLayer]);
}
