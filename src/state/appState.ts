// The shape of the one application store (store.ts) and its initial value. Shareable parts go
// into the link (urlState.ts, linkParams.ts), persisted parts into IndexedDB (ui/data/session.ts);
// derived results are slices of it too (derivedResults.ts). Transient UI state (an open
// dialog, the draw tool's mode, a load in progress) lives beside its component.
import type { Catalog, CatalogLayer, UserLayer } from '../catalog/types';
import type { FilterState } from '../lib/filterModel';
import type { ThematicStyle } from '../lib/thematic/spec';
import type { Lang } from '../i18n/strings';
import type { AnalysisSettings } from './analysisSettings';
import { initialResults, type ResultsState } from './analysisResults';
import type { FilterResults } from './filterResults';
import type { BasemapId, Notice, ViewState } from './url';

export interface Selection {
  layerId: string;
  featureId: number;
  properties: Record<string, unknown>;
}

export type { UserLayer };

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
  /** Per-layer filters, shareable (f=). */
  filters: FilterState;
  /** Analysis settings, shareable (an=); absent: the defaults. */
  analysis?: AnalysisSettings;
  /** Layers the user loaded. */
  userLayers: UserLayer[];
  /** The sidebar panel shown. */
  panel: PanelId;
  /** The layer shown in the feature table, if open. */
  tableLayer: string | null;
  /** `?embed=1`: the map alone. */
  embed: boolean;
  /** Thematic styles by layer id, shareable (th=); shape and checker in state/thematic.ts. */
  thematic: Record<string, ThematicStyle>;
  /** Derived, never written anywhere: each filtered layer's kept features and counts. */
  filterResults: FilterResults;
  /** Derived, never written anywhere: the coverage analysis runs. */
  results: ResultsState;
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
    filterResults: { byLayer: {} },
    results: initialResults(),
  };
}

/** Catalog layers and the user's own, in draw order. */
export function allLayers(s: Pick<AppState, 'catalog' | 'userLayers'>): (CatalogLayer | UserLayer)[] {
  return [...(s.catalog?.layers ?? []), ...s.userLayers];
}

/** The catalog layers shown when a link names none. */
export function defaultVisible(catalog: Catalog | null): string[] {
  return (catalog?.layers ?? []).filter((l) => l.visible).map((l) => l.id);
}
