// Legend entries of a thematic style as text + colour, for the panel, the PNG and the print legend.
import type { Lang } from '../../i18n/strings';
import type { LegendModel } from '../../lib/thematic/resolve';
import { tx } from './strings';

export interface ThematicLegendItem {
  label: string;
  color: string;
  count: number;
  radius?: number;
}

/** One item per class: range (and verdict), category (renamed), "other", "no data"; each with its count. */
export function thematicLegendItems(legend: LegendModel, lang: Lang): ThematicLegendItem[] {
  return legend.entries.map((e) => {
    let label = e.label;
    if (e.other) label = tx('other', lang);
    else if (e.missing) label = tx('missing', lang);
    else if (e.verdict) label = `${tx(e.verdict, lang)} (${e.label})`;
    const item: ThematicLegendItem = { label, color: e.color, count: e.count };
    if (e.radius !== undefined) item.radius = e.radius;
    return item;
  });
}

/** "label · count" for legends that show text only (PNG, print). */
export function legendLine(i: ThematicLegendItem): string {
  return `${i.label} · ${i.count.toLocaleString('en')}`;
}

/** The PNG/print legend groups with each thematically styled layer's classes (label · count) as its items. */
export function withThematicLegend<G extends { layerId: string; items: { label: string; color: string }[] }>(
  groups: G[], legends: Record<string, LegendModel | undefined>, lang: Lang,
): G[] {
  return groups.map((g) => {
    const m = legends[g.layerId];
    if (!m || !m.entries.length) return g;
    const title = m.field ? ` · ${m.field}` : '';
    return { ...g, ...('title' in g ? { title: `${(g as unknown as { title: string }).title}${title}` } : {}), items: thematicLegendItems(m, lang).map((i) => ({ label: legendLine(i), color: i.color })) };
  });
}
