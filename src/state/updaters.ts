// Every state change is a pure function: (state, …args) → new state.
import type { Catalog } from '../catalog/types';
import type { Lang } from '../i18n/strings';
import { defaultVisible, type AppState, type PanelId, type Selection } from './appState';
import type { BasemapId, Notice, UrlState, ViewState } from './url';

export function setPanel(s: AppState, panel: PanelId): AppState {
  return { ...s, panel };
}

export function setTableLayer(s: AppState, tableLayer: string | null): AppState {
  return { ...s, tableLayer };
}

/** The catalog arrived: default visibility unless the link already chose layers. */
export function setCatalog(s: AppState, catalog: Catalog, fromUrl: UrlState | null): AppState {
  const ids = new Set(catalog.layers.map((l) => l.id));
  const visible = fromUrl?.layers ? fromUrl.layers.filter((id) => ids.has(id)) : defaultVisible(catalog);
  return { ...s, catalog, catalogError: null, visible };
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
