// Every state change is a pure function: (state, …args) → new state.
import type { Catalog, CatalogLayer } from '../catalog/types';
import type { FilterState } from '../lib/filterModel';
import type { Lang } from '../i18n/strings';
import type { BasemapId, Notice, UrlState, ViewState } from './url';

export interface Selection {
  layerId: string;
  featureId: number;
  properties: Record<string, unknown>;
}

/** A layer the user loaded: a catalog entry whose data lives in the browser. */
export interface UserLayer extends CatalogLayer {
  /** blob: URL MapLibre loads the data from. */
  dataUrl: string;
}

export type PanelId = 'layers' | 'filters' | 'analysis' | 'data' | 'thematic' | 'health';

export interface AppState {
  catalog: Catalog | null;
  catalogError: string | null;
  lang: Lang;
  view: ViewState;
  /** Visible layer ids. */
  visible: string[];
  opacity: Record<string, number>;
  basemap: BasemapId;
  tiandituKey: string;
  selection: Selection | null;
  notices: Notice[];
  /** Per-layer filters (issue 4), shareable. */
  filters: FilterState;
  /** Analysis settings (issue 3), shareable; the analysis module owns their shape. */
  analysis?: import('./analysis').AnalysisSettings;
  /** Layers the user loaded (issue 5). */
  userLayers: UserLayer[];
  /** The sidebar panel shown. */
  panel: PanelId;
  /** The layer shown in the feature table, if open. */
  tableLayer: string | null;
  /** `?embed=1`: the map alone. */
  embed: boolean;
  /** Thematic styles by layer id (issue 9), shareable (`th=`); shape in state/thematic.ts. */
  thematic: Record<string, import('./thematic').ThematicStyle>;
}

/** The whole municipality, framed for a 1280×800 window. */
export const HOME_VIEW: ViewState = { zoom: 7.85, lat: 39.4, lng: 117.42, bearing: 0, pitch: 0 };

export function initialState(): AppState {
  return {
    catalog: null,
    catalogError: null,
    lang: 'zh',
    view: HOME_VIEW,
    visible: [],
    opacity: {},
    basemap: 'offline',
    tiandituKey: '',
    selection: null,
    notices: [],
    filters: {},
    userLayers: [],
    panel: 'layers',
    tableLayer: null,
    embed: false,
    thematic: {},
  };
}

/** Catalog layers and the user's own, in draw order. */
export function allLayers(s: Pick<AppState, 'catalog' | 'userLayers'>): (CatalogLayer | UserLayer)[] {
  return [...(s.catalog?.layers ?? []), ...s.userLayers];
}

export function setPanel(s: AppState, panel: PanelId): AppState {
  return { ...s, panel };
}

export function setTableLayer(s: AppState, tableLayer: string | null): AppState {
  return { ...s, tableLayer };
}

/** The catalog arrived: default visibility unless the link already chose layers. */
export function setCatalog(s: AppState, catalog: Catalog, fromUrl: UrlState | null): AppState {
  const ids = new Set(catalog.layers.map((l) => l.id));
  const visible = fromUrl?.layers
    ? fromUrl.layers.filter((id) => ids.has(id))
    : catalog.layers.filter((l) => l.visible).map((l) => l.id);
  return { ...s, catalog, catalogError: null, visible };
}

export function applyUrl(s: AppState, u: UrlState, notices: Notice[]): AppState {
  return {
    ...s,
    view: u.view ?? s.view,
    visible: u.layers ?? s.visible,
    lang: u.lang ?? s.lang,
    basemap: u.basemap ?? s.basemap,
    opacity: u.opacity ? { ...s.opacity, ...u.opacity } : s.opacity,
    filters: (u.filters as FilterState | undefined) ?? s.filters,
    analysis: (u.analysis as AppState['analysis']) ?? s.analysis,
    thematic: (u.thematic as AppState['thematic'] | undefined) ?? s.thematic,
    notices: [...s.notices, ...notices],
  };
}

export function toUrlState(s: AppState): UrlState {
  return {
    view: s.view,
    layers: s.visible,
    lang: s.lang,
    basemap: s.basemap,
    opacity: s.opacity,
    filters: Object.keys(s.filters).length ? s.filters : undefined,
    analysis: s.analysis,
    thematic: Object.keys(s.thematic ?? {}).length ? s.thematic : undefined,
  };
}

export function setLayerVisible(s: AppState, id: string, on: boolean): AppState {
  const has = s.visible.includes(id);
  if (on === has) return s;
  const visible = on ? [...s.visible, id] : s.visible.filter((v) => v !== id);
  const selection = !on && s.selection?.layerId === id ? null : s.selection;
  return { ...s, visible, selection };
}

export function setOpacity(s: AppState, id: string, value: number): AppState {
  const v = Math.min(1, Math.max(0, value));
  return { ...s, opacity: { ...s.opacity, [id]: v } };
}

export function setView(s: AppState, view: ViewState): AppState {
  return { ...s, view };
}

export function setLang(s: AppState, lang: Lang): AppState {
  return { ...s, lang };
}

export function setBasemap(s: AppState, basemap: BasemapId, tiandituKey?: string): AppState {
  return { ...s, basemap, tiandituKey: tiandituKey ?? s.tiandituKey };
}

export function select(s: AppState, selection: Selection | null): AppState {
  return { ...s, selection };
}

export function pushNotice(s: AppState, n: Notice): AppState {
  return { ...s, notices: [...s.notices, n] };
}

export function dismissNotice(s: AppState, index: number): AppState {
  return { ...s, notices: s.notices.filter((_, i) => i !== index) };
}
