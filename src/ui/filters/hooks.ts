// Shared hooks of the filter panel, the filter bar and the table.
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import type { LocalText } from '../../catalog/types';
import { useAllLayers, type AnyLayer } from '../../data/hooks';
import { describeFilter, type FilterChip, type LayerFilter } from '../../lib/filterModel';
import { useStore } from '../../state/store';
import { categoryLabel, filterFieldLabel } from '../labels';

export { useAllLayers, useLayerData, type AnyLayer } from '../../data/hooks';

/** The layer the filter panel is editing (kept while the panel is closed). */
export const useFilterUi = create<{ layerId: string | null }>(() => ({ layerId: null }));

/** Layers a filter can be set on: the visible ones, plus any that already has a filter. */
export function useFilterableLayers(): AnyLayer[] {
  const layers = useAllLayers();
  const visible = useStore((s) => s.visible);
  const filters = useStore((s) => s.filters);
  return useMemo(() => layers.filter((l) => visible.includes(l.id) || filters[l.id]), [layers, visible, filters]);
}

export function fieldLabelText(prop: string): LocalText {
  return { zh: filterFieldLabel(prop, 'zh'), en: filterFieldLabel(prop, 'en') };
}

export function valueLabelText(prop: string, value: string): LocalText {
  return { zh: categoryLabel(prop, value, 'zh'), en: categoryLabel(prop, value, 'en') };
}

/** The removable chips of a layer filter, with display names for fields and values. */
export function chipsOf(f: LayerFilter | undefined): FilterChip[] {
  if (!f) return [];
  const labels: Record<string, LocalText> = {};
  for (const p of [...Object.keys(f.categories ?? {}), ...Object.keys(f.ranges ?? {})]) labels[p] = fieldLabelText(p);
  return describeFilter(f, labels, valueLabelText);
}

/** Calls `fn` with the latest value once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number, fn: (v: T) => void): void {
  useEffect(() => {
    const t = setTimeout(() => fn(value), ms);
    return () => clearTimeout(t);
    // fn is deliberately not a dependency: only a new value restarts the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, ms]);
}
