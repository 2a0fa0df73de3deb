// Placeholder: the MapLibre filter expression for each layer with an active filter.
import type { ExpressionSpecification } from 'maplibre-gl';

export function useLayerFilters(): Record<string, ExpressionSpecification | undefined> {
  return {};
}
