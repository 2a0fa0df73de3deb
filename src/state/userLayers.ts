// Pure updaters for the layers the user loaded (issue 5). A loaded file becomes
// one UserLayer per geometry kind (see src/io/splitKinds.ts); visibility lives in
// AppState.visible like every other layer.
import { checkThematic } from './thematic';
import type { GeometryKind, LocalText } from '../catalog/types';
import { nameField } from '../lib/featureName';
import type { AppSettings } from '../io/persist';
import type { AppState, UserLayer } from './appState';

/** Colours for loaded layers: hues no shipped layer or coverage class uses (checked in src/lib/colour.test.ts). */
export const USER_COLORS = ['#e6007e', '#6a00f4', '#b5e61d', '#00e6a8', '#0033cc', '#1b1b1b', '#00ffff', '#ff4fd8'];

const KIND_NAMES: Record<GeometryKind, LocalText> = {
  polygon: { zh: '面', en: 'polygons' },
  line: { zh: '线', en: 'lines' },
  point: { zh: '点', en: 'points' },
};

export interface NewUserLayer {
  id: string;
  /** Display name, e.g. the file name without extension. */
  name: string;
  /** Set when the file was split by geometry kind: the kind goes into the title. */
  splitKind?: boolean;
  fileName: string;
  /** Where it came from, in words (file name or URL). */
  source: string;
  sourceCrs: 'WGS84' | 'GCJ02' | 'BD09';
  kind: GeometryKind;
  featureCount: number;
  bbox?: [number, number, number, number];
  color: string;
  /** Property names, most useful first; a `name` field turns labels on. */
  fields: string[];
}

/** Broad Tianjin box, used to zoom when a layer has no coordinates at all. */
export const FALLBACK_BBOX: [number, number, number, number] = [116.7, 38.55, 118.07, 40.25];

const CRS_NAMES = { WGS84: 'WGS84', GCJ02: 'GCJ-02', BD09: 'BD-09' } as const;

/** A layer name from a file name: no extension, no control characters, bounded. */
export function layerNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.(geo)?json$|\.csv$|\.txt$/i, '');
  return cleanTitle(base) || 'data';
}

export function cleanTitle(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}

export function makeUserLayer(n: NewUserLayer, dataUrl: string): UserLayer {
  const k = KIND_NAMES[n.kind];
  const title = n.splitKind ? { zh: `${n.name}（${k.zh}）`, en: `${n.name} (${k.en})` } : { zh: n.name, en: n.name };
  const nameCol = nameField(n.fields);
  const hasName = nameCol !== undefined;
  return {
    id: n.id,
    file: n.fileName,
    title,
    group: 'user',
    geometry: n.kind,
    source: n.source,
    source_crs: CRS_NAMES[n.sourceCrs],
    accuracy_m: 0,
    visible: true,
    style: {
      color: n.color,
      outline: n.kind === 'point' ? '#ffffff' : undefined,
      fillOpacity: 0.35,
      lineWidth: n.kind === 'line' ? 2 : 1.2,
      radius: 5,
      label: hasName ? nameCol : false,
      labelMinZoom: 13,
    },
    fields: hasName ? [nameCol, ...n.fields.filter((f) => f !== nameCol).slice(0, 7)] : n.fields.slice(0, 8),
    feature_count: n.featureCount,
    bbox: n.bbox ?? FALLBACK_BBOX,
    dataUrl,
  };
}

/** The first palette colour not used by a loaded layer (cycling when all are). */
export function nextColor(layers: Pick<UserLayer, 'style'>[]): string {
  const used = new Set(layers.map((l) => l.style.color.toLowerCase()));
  return USER_COLORS.find((c) => !used.has(c)) ?? USER_COLORS[layers.length % USER_COLORS.length];
}

/** A fresh id like `u-lx2k9f-3a`: URL-safe, never a catalog id (those have no `u-` prefix). */
export function newLayerId(taken: ReadonlySet<string>, random: () => number = Math.random, now = Date.now()): string {
  for (;;) {
    const id = `u-${now.toString(36)}-${Math.floor(random() * 36 ** 3).toString(36)}`;
    if (!taken.has(id)) return id;
    now++;
  }
}

export const isUserLayerId = (s: Pick<AppState, 'userLayers'>, id: string) => s.userLayers.some((l) => l.id === id);

/** Append loaded layers and show them. Layers whose id is already present are ignored. */
export function addUserLayers(s: AppState, layers: UserLayer[], show: string[] = layers.map((l) => l.id)): AppState {
  const have = new Set([...s.userLayers.map((l) => l.id), ...(s.catalog?.layers.map((l) => l.id) ?? [])]);
  const fresh = layers.filter((l) => !have.has(l.id));
  if (!fresh.length) return s;
  const ids = new Set(fresh.map((l) => l.id));
  const visible = [...s.visible, ...show.filter((id) => ids.has(id) && !s.visible.includes(id))];
  return { ...s, userLayers: [...s.userLayers, ...fresh], visible };
}

/** Drop a loaded layer and everything that referred to it. Catalog layers are never removed. */
export function removeUserLayer(s: AppState, id: string): AppState {
  if (!isUserLayerId(s, id)) return s;
  const { [id]: _o, ...opacity } = s.opacity;
  const { [id]: _f, ...filters } = s.filters;
  const { [id]: _t, ...thematic } = s.thematic ?? {};
  void _o;
  void _f;
  void _t;
  return {
    ...s,
    userLayers: s.userLayers.filter((l) => l.id !== id),
    visible: s.visible.filter((v) => v !== id),
    opacity,
    filters,
    thematic,
    selection: s.selection?.layerId === id ? null : s.selection,
    tableLayer: s.tableLayer === id ? null : s.tableLayer,
  };
}

function update(s: AppState, id: string, fn: (l: UserLayer) => UserLayer): AppState {
  let changed = false;
  const userLayers = s.userLayers.map((l) => {
    if (l.id !== id) return l;
    const n = fn(l);
    changed ||= n !== l;
    return n;
  });
  return changed ? { ...s, userLayers } : s;
}

/** Rename (both languages get the new name). Blank names are refused. */
export function renameUserLayer(s: AppState, id: string, name: string): AppState {
  const t = cleanTitle(name);
  if (!t) return s;
  return update(s, id, (l) => (l.title.zh === t && l.title.en === t ? l : { ...l, title: { zh: t, en: t } }));
}

/** Change the main colour; only #rrggbb values are accepted. */
export function restyleUserLayer(s: AppState, id: string, color: string): AppState {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return s;
  const c = color.toLowerCase();
  return update(s, id, (l) => (l.style.color === c ? l : { ...l, style: { ...l.style, color: c } }));
}

export type { AppSettings };

export function settingsOf(s: AppState): AppSettings {
  const thematic = Object.fromEntries(Object.entries(s.thematic ?? {}).filter(([id]) => s.userLayers.some((l) => l.id === id)));
  return { lang: s.lang, basemap: s.basemap, opacity: s.opacity, ...(Object.keys(thematic).length ? { thematic } : {}) };
}

export function applySettings(s: AppState, x: AppSettings): AppState {
  return {
    ...s,
    lang: x.lang ?? s.lang,
    basemap: x.basemap && x.basemap !== 'tianditu' ? x.basemap : s.basemap,
    opacity: x.opacity ? { ...s.opacity, ...x.opacity } : s.opacity,
    // Saved styles are checked like a link's; only loaded layers' ids (u-…) are kept.
    thematic: x.thematic ? { ...s.thematic, ...(checkThematic(Object.fromEntries(Object.entries(x.thematic).filter(([id]) => id.startsWith('u-')))).value ?? {}) } : s.thematic,
  };
}
