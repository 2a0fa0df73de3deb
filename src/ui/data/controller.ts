// Loading, removing and exporting the user's layers: the glue between the
// data service (which runs the import and holds the layer), the store and IndexedDB.
// A load changes the store only after the worker succeeded, and only by
// appending new layers, so a failed or cancelled load leaves every layer as it was.
import type { FeatureCollection } from 'geojson';
import { guessFieldMap } from '../../analysis/fieldRoles';
import { dataService } from '../../data/client';
import { forgetData, layerData } from '../../data/registry';
import { startImport } from '../../data/importJob';
import { checkDataUrl, fetchIssue } from '../../io/dataUrl';
import { downloadBlob } from '../../io/download';
import type { ImportedPart, ImportProgress, ImportSource } from '../../io/importClient';
import { groupFileNames } from '../../io/fileGroups';
import { makeIssue, type Issue } from '../../io/messages';
import { toSaved } from '../../io/persist';
import { fitBounds } from '../../map/mapHandle';
import { addPmtilesLayer, isPmtilesUrl } from '../../map/pmtilesLayer';
import { act, useStore } from '../../state/store';
import { type UserLayer } from '../../state/appState';
import { pushNotice, setPanel } from '../../state/updaters';
import { addUserLayers, layerNameFromFile, makeUserLayer, newLayerId, nextColor, removeUserLayer } from '../../state/userLayers';
import { addReport, useImport, type LoadStage } from './importStore';
import { throttleProgress } from './progressThrottle';
import { layerDb } from './db';

let cancelCurrent: (() => void) | null = null;

const setBusy = (name: string, stage: LoadStage, fraction: number) => useImport.setState({ busy: { name, stage, fraction } });

/** Larger loads jump to their extent instead of flying there (see mapHandle.fitBounds). */
const ANIMATE_FIT_MAX_FEATURES = 10_000;

function showPanel(): void {
  if (!useStore.getState().embed) act(setPanel, 'data');
}

function noticeFor(issue: Issue): void {
  act(pushNotice, { code: issue.code, message: issue.message });
}

/** What the user chose after a first attempt: the source CRS or the Excel sheet. */
export interface LoadChoice {
  from?: string;
  sheet?: string;
}

/** Load one file, a downloaded blob, or a Shapefile's parts together. Resolves true when layers were added. */
export async function loadSource(blob: ImportSource, name: string, source: string, choice: LoadChoice = {}): Promise<boolean> {
  if (useImport.getState().busy) {
    // One load at a time (the panel disables its button meanwhile; a drop can still arrive).
    addReport({ name, status: 'failed', featureCount: 0, errors: [makeIssue('import.busy')], warnings: [] });
    return false;
  }
  const crs = useImport.getState().crs;
  showPanel();
  setBusy(name, 'reading', 0);
  const progress = throttleProgress((p: ImportProgress) => setBusy(name, p.stage, p.fraction));
  const handle = startImport(dataService(), blob, { name, crs, ...choice, onProgress: progress });
  cancelCurrent = handle.cancel;
  const r = await handle.promise;
  cancelCurrent = null;
  useImport.setState({ busy: null });
  if (!r.ok) {
    const canRetry = !r.cancelled && (!!r.crsCandidates || (r.sheets?.length ?? 0) > 1);
    const retry = canRetry ? { source: blob, origin: source, crsCandidates: r.crsCandidates, sheets: r.sheets, ...choice } : undefined;
    addReport({ name, status: r.cancelled ? 'cancelled' : 'failed', featureCount: 0, errors: r.cancelled ? [] : r.errors, warnings: r.warnings, retry });
    if (useStore.getState().embed && !r.cancelled && r.errors[0]) noticeFor(r.errors[0]);
    return false;
  }
  const layers = await addParts(r.parts, { name, source, crs, fields: r.summary.fields.map((f) => f.name) });
  addReport({ name, status: 'ok', featureCount: r.summary.featureCount, errors: [], warnings: r.summary.warnings });
  await saveLayers(layers, r.parts);
  return true;
}

const CRS_LABEL = { WGS84: 'WGS84', GCJ02: 'GCJ-02', BD09: 'BD-09' } as const;
const stripFormat = (n: string) => n.replace(/\.(shp\.zip|zip|kmz|kml|gpx|gpkg|fgb|xlsx|topojson|shp)$/i, '');

async function addParts(parts: ImportedPart[], o: { name: string; source: string; crs: 'WGS84' | 'GCJ02' | 'BD09'; fields: string[] }): Promise<UserLayer[]> {
  const s = useStore.getState();
  const taken = new Set([...s.userLayers.map((l) => l.id), ...(s.catalog?.layers.map((l) => l.id) ?? [])]);
  const layers: UserLayer[] = [];
  const perLayer = new Map<string | undefined, number>();
  for (const p of parts) perLayer.set(p.layerName, (perLayer.get(p.layerName) ?? 0) + 1);
  const client = dataService();
  for (const p of parts) {
    const id = newLayerId(taken);
    taken.add(id);
    // The service already holds the part: it becomes this layer there, nothing is sent back.
    // (Requests about the layer queue behind this message, so nothing waits for the answer.)
    void client.adopt(p.key, id);
    const made = makeUserLayer(
      {
        id, name: p.layerName ?? layerNameFromFile(stripFormat(o.name)), splitKind: (perLayer.get(p.layerName) ?? 0) > 1, fileName: o.name, source: o.source, sourceCrs: o.crs,
        kind: p.kind, featureCount: p.featureCount, bbox: p.bbox, color: nextColor([...s.userLayers, ...layers]), fields: p.fields ?? o.fields,
      },
      // The stored GeoJSON: the service already holds the layer, so nothing fetches it now.
      URL.createObjectURL(p.blob),
    );
    // Converted data says from what, and how far off a legacy datum may leave it.
    layers.push({
      ...made,
      source_crs: p.sourceCrs ? `${p.sourceCrs.id} ${p.sourceCrs.name.en}` : CRS_LABEL[o.crs],
      accuracy_m: p.accuracy_m ?? made.accuracy_m,
      // Which columns hold beds, places, area or population: guessed once, from every column the import saw.
      fieldMap: guessFieldMap(p.fields ?? o.fields),
    });
  }
  act(addUserLayers, layers);
  const boxes = parts.map((p) => p.bbox).filter((b): b is [number, number, number, number] => !!b);
  if (boxes.length) {
    fitBounds([
      [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))],
      [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))],
    ], 15, parts.reduce((n, p) => n + p.featureCount, 0) < ANIMATE_FIT_MAX_FEATURES);
  }
  return layers;
}

async function saveLayers(layers: UserLayer[], parts: ImportedPart[]): Promise<void> {
  try {
    const db = await layerDb();
    if (!db) throw new Error('IndexedDB is not available');
    const now = new Date().toISOString();
    for (let i = 0; i < layers.length; i++) {
      const s = useStore.getState();
      const order = s.userLayers.findIndex((l) => l.id === layers[i].id);
      if (order < 0) continue; // removed meanwhile
      await db.putLayer(toSaved(layers[i], s.visible.includes(layers[i].id), order, now), parts[i].blob);
    }
    // A layer removed while it was being saved must not come back on reload.
    const gone = layers.filter((l) => !useStore.getState().userLayers.some((x) => x.id === l.id)).map((l) => l.id);
    if (gone.length) await db.removeLayers(gone);
  } catch (e) {
    noticeFor(makeIssue('persist.failed', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/** Load files one after the other (a drop may hold several); a Shapefile's parts load together. */
export async function loadFiles(files: Iterable<File>): Promise<void> {
  const list = [...files];
  for (const g of groupFileNames(list.map((f) => f.name))) {
    const first = list[g[0]];
    if (g.length === 1) await loadSource(first, first.name, first.name);
    else await loadSource(g.map((i) => ({ name: list[i].name, file: list[i] as Blob })), first.name, first.name);
  }
}

/** Try a failed load again with the user's choice of CRS or sheet. */
export async function retryLoad(reportKey: number, choice: LoadChoice): Promise<boolean> {
  const report = useImport.getState().reports.find((r) => r.key === reportKey);
  if (!report?.retry) return false;
  useImport.setState((s) => ({ reports: s.reports.filter((r) => r.key !== reportKey) }));
  const { source, origin, from, sheet } = report.retry;
  return loadSource(source, report.name, origin, { from, sheet, ...choice });
}

/** `?data=` and the like: refuse non-http(s) addresses, then fetch and load through the worker. */
export async function loadUrl(raw: string): Promise<boolean> {
  const check = checkDataUrl(raw, document.baseURI);
  if (!check.ok) {
    noticeFor(check.issue);
    addReport({ name: raw.slice(0, 80), status: 'failed', featureCount: 0, errors: [check.issue], warnings: [] });
    return false;
  }
  const existing = useStore.getState().userLayers.filter((l) => l.source === check.url);
  if (existing.length) {
    // Already loaded (restored from an earlier visit): show it rather than load a copy.
    act((s) => ({ ...s, visible: [...s.visible, ...existing.map((l) => l.id).filter((id) => !s.visible.includes(id))] }));
    return true;
  }
  if (isPmtilesUrl(check.url)) {
    // A PMTiles archive is read in place, by range requests, not downloaded and imported.
    showPanel();
    try {
      await addPmtilesLayer(check.url, check.name);
      addReport({ name: check.name, status: 'ok', featureCount: 0, errors: [], warnings: [] });
      return true;
    } catch (e) {
      const issue = makeIssue('import.failed', { detail: `${check.name}: ${e instanceof Error ? e.message : String(e)}` });
      noticeFor(issue);
      addReport({ name: check.name, status: 'failed', featureCount: 0, errors: [issue], warnings: [] });
      return false;
    }
  }
  const ac = new AbortController();
  cancelCurrent = () => ac.abort();
  showPanel();
  setBusy(check.name, 'downloading', 0);
  let blob: Blob;
  try {
    const res = await fetch(check.url, { signal: ac.signal, credentials: 'omit', redirect: 'follow' });
    if (!res.ok) throw { status: res.status };
    blob = await res.blob();
  } catch (e) {
    cancelCurrent = null;
    useImport.setState({ busy: null });
    if (ac.signal.aborted) {
      addReport({ name: check.name, status: 'cancelled', featureCount: 0, errors: [], warnings: [] });
      return false;
    }
    const issue = fetchIssue(check.url, e);
    noticeFor(issue);
    addReport({ name: check.name, status: 'failed', featureCount: 0, errors: [issue], warnings: [] });
    return false;
  }
  cancelCurrent = null;
  useImport.setState({ busy: null }); // handed over to loadSource, which sets it again at once
  return loadSource(blob, check.name, check.url);
}

export function cancelLoad(): void {
  cancelCurrent?.();
}

export async function removeLayer(id: string): Promise<void> {
  const layer = useStore.getState().userLayers.find((l) => l.id === id);
  if (!layer) return;
  act(removeUserLayer, id);
  forgetData(id);
  // MapLibre drops the source on the next render; revoke the URL after that.
  setTimeout(() => URL.revokeObjectURL(layer.dataUrl), 2000);
  try {
    await (await layerDb())?.removeLayers([id]);
  } catch {
    /* the record stays; it is harmless and removed again next time */
  }
}

/** The layer's FeatureCollection: registered if small, else parsed now (on request only). */
export function userLayerData(layer: UserLayer): Promise<FeatureCollection> {
  return layerData(layer);
}

const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) || 'layer';

export async function exportLayer(layer: UserLayer): Promise<void> {
  // Written in the data service, which holds the layer; only the bytes come back.
  const w = await dataService().ask(layer, 'write', {
    layerId: layer.id,
    indices: null,
    format: 'geojson',
    meta: { layerId: layer.id, layerTitle: layer.title, source: layer.source, filters: {}, generated: new Date(), app: 'Tianjin Renewal Map' },
  });
  downloadBlob(`${safeFileName(layer.title.en)}${w.ext}`, new Blob([w.bytes], { type: `${w.mime};charset=utf-8` }));
}
