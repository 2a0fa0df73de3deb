// Loaded layers and settings kept in IndexedDB across reloads, until removed.
// Three object stores: `blobs` (layer id → the layer's GeoJSON Blob, written
// once), `layers` (layer id → SavedLayer metadata: title, style, visibility,
// order) and `settings` ('app' → AppSettings). A layer is written with its Blob
// in one transaction, so a half-saved layer cannot appear on restore.
// The record (de)serialisation is pure and tested in Node; the IndexedDB
// wrapper is small and tested in the browser (tests/e2e/data.spec.ts).

import type { GeometryKind, LayerStyle, UserLayer } from '../catalog/types.ts';
import type { Lang } from '../i18n/strings.ts';

/** Settings kept across reloads (the link, when it says otherwise, wins). */
export interface AppSettings {
  lang?: Lang;
  basemap?: 'offline' | 'osm' | 'tianditu' | 'custom';
  opacity?: Record<string, number>;
  /** Datum chosen for the next load (kept by the data panel). */
  importCrs?: 'WGS84' | 'GCJ02' | 'BD09';
  /** Thematic styles of loaded layers (issue 9); checked by state/thematic.ts when applied. */
  thematic?: Record<string, unknown>;
}

export const DB_NAME = 'tianjin-renewal-map';
export const DB_VERSION = 1;
const RECORD_VERSION = 1;

/** A loaded layer's metadata as stored: the UserLayer without its (session-only) blob: URL. */
export interface SavedLayer {
  v: typeof RECORD_VERSION;
  layer: Omit<UserLayer, 'dataUrl'>;
  visible: boolean;
  order: number;
  savedAt: string;
}

export function toSaved(layer: UserLayer, visible: boolean, order: number, savedAt: string): SavedLayer {
  const { dataUrl: _u, ...rest } = layer;
  void _u;
  return { v: RECORD_VERSION, layer: rest, visible, order, savedAt };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const KINDS: GeometryKind[] = ['polygon', 'line', 'point'];

/** A stored record back, or null when it is not one this version wrote (it is then dropped). */
export function fromSaved(raw: unknown): SavedLayer | null {
  if (!isObj(raw) || raw.v !== RECORD_VERSION || !isObj(raw.layer)) return null;
  const l = raw.layer;
  const title = l.title;
  const style = l.style;
  const bbox = l.bbox;
  const ok =
    isStr(l.id) && /^u-[0-9a-z-]+$/.test(l.id) &&
    isObj(title) && isStr(title.zh) && isStr(title.en) &&
    l.group === 'user' && KINDS.includes(l.geometry as GeometryKind) &&
    isObj(style) && isStr(style.color) && /^#[0-9a-f]{6}$/i.test(style.color) &&
    isNum(l.feature_count) && isStr(l.file) && isStr(l.source) && isStr(l.source_crs) &&
    Array.isArray(bbox) && bbox.length === 4 && bbox.every(isNum) &&
    (l.fields === undefined || (Array.isArray(l.fields) && l.fields.every(isStr)));
  if (!ok || typeof raw.visible !== 'boolean' || !isNum(raw.order) || !isStr(raw.savedAt)) return null;
  return raw as unknown as SavedLayer;
}

/** Rebuild the layer for this session, with a fresh blob: URL. */
export function layerFromSaved(s: SavedLayer, dataUrl: string): UserLayer {
  return { ...s.layer, style: { ...(s.layer.style as LayerStyle) }, dataUrl };
}

/** Settings from storage, keeping only well-formed values. */
export function readSettings(raw: unknown): AppSettings {
  const out: AppSettings = {};
  if (!isObj(raw)) return out;
  if (raw.lang === 'zh' || raw.lang === 'en') out.lang = raw.lang;
  if (raw.basemap === 'offline' || raw.basemap === 'osm' || raw.basemap === 'tianditu' || raw.basemap === 'custom') out.basemap = raw.basemap;
  if (isObj(raw.opacity)) {
    const op: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw.opacity)) if (isNum(v) && v >= 0 && v <= 1) op[k] = v;
    out.opacity = op;
  }
  // Thematic styles of loaded layers: kept as data here, checked by state/thematic.ts when applied.
  if (isObj(raw.thematic)) out.thematic = raw.thematic;
  if (raw.importCrs === 'WGS84' || raw.importCrs === 'GCJ02' || raw.importCrs === 'BD09') out.importCrs = raw.importCrs;
  return out;
}

// ---- IndexedDB (browser only)

const promised = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });

export interface Restored {
  layers: { saved: SavedLayer; blob: Blob }[];
  settings: AppSettings;
  /** Records that were unreadable or had no data, removed from storage. */
  dropped: number;
}

export class LayerDb {
  private constructor(private db: IDBDatabase) {}

  static open(factory: IDBFactory = indexedDB, name = DB_NAME): Promise<LayerDb> {
    const r = factory.open(name, DB_VERSION);
    r.onupgradeneeded = () => {
      for (const store of ['blobs', 'layers', 'settings']) if (!r.result.objectStoreNames.contains(store)) r.result.createObjectStore(store);
    };
    return promised(r).then((db) => new LayerDb(db));
  }

  async loadAll(): Promise<Restored> {
    const tx = this.db.transaction(['blobs', 'layers', 'settings'], 'readonly');
    const [keys, metas, blobKeys, settings] = await Promise.all([
      promised(tx.objectStore('layers').getAllKeys()),
      promised(tx.objectStore('layers').getAll()),
      promised(tx.objectStore('blobs').getAllKeys()),
      promised(tx.objectStore('settings').get('app')),
    ]);
    const haveBlob = new Set(blobKeys.map(String));
    const good: SavedLayer[] = [];
    const bad: string[] = [];
    metas.forEach((m, i) => {
      const s = fromSaved(m);
      if (s && s.layer.id === String(keys[i]) && haveBlob.has(s.layer.id)) good.push(s);
      else bad.push(String(keys[i]));
    });
    const orphans = [...haveBlob].filter((k) => !good.some((s) => s.layer.id === k));
    good.sort((a, b) => a.order - b.order);
    const rtx = this.db.transaction('blobs', 'readonly');
    const blobs = await Promise.all(good.map((s) => promised(rtx.objectStore('blobs').get(s.layer.id) as IDBRequest<Blob>)));
    if (bad.length || orphans.length) await this.removeLayers([...new Set([...bad, ...orphans])]);
    return { layers: good.map((saved, i) => ({ saved, blob: blobs[i] })), settings: readSettings(settings), dropped: bad.length };
  }

  /** Save a new layer with its data, atomically. */
  putLayer(saved: SavedLayer, blob: Blob): Promise<void> {
    const tx = this.db.transaction(['blobs', 'layers'], 'readwrite');
    tx.objectStore('blobs').put(blob, saved.layer.id);
    tx.objectStore('layers').put(saved, saved.layer.id);
    return committed(tx);
  }

  /** Update metadata (title, style, visibility, order) of layers that are stored; others are ignored. */
  updateLayers(saved: SavedLayer[]): Promise<void> {
    const tx = this.db.transaction(['layers'], 'readwrite');
    const store = tx.objectStore('layers');
    const r = store.getAllKeys();
    r.onsuccess = () => {
      const keys = new Set(r.result.map(String));
      for (const s of saved) if (keys.has(s.layer.id)) store.put(s, s.layer.id);
    };
    return committed(tx);
  }

  removeLayers(ids: string[]): Promise<void> {
    const tx = this.db.transaction(['blobs', 'layers'], 'readwrite');
    for (const id of ids) {
      tx.objectStore('blobs').delete(id);
      tx.objectStore('layers').delete(id);
    }
    return committed(tx);
  }

  putSettings(settings: AppSettings): Promise<void> {
    const tx = this.db.transaction(['settings'], 'readwrite');
    tx.objectStore('settings').put(settings, 'app');
    return committed(tx);
  }
}
