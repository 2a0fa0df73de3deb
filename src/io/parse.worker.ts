// Web Worker: File/ArrayBuffer in → imported layer out, with progress.
// Everything heavy (read, decode, JSON.parse, validate, convert, serialise,
// and building the Blob) happens here. The main thread gets each layer as a
// Blob of UTF-8 GeoJSON (a handle: nothing is copied on the main thread) plus a
// small summary — never the object graph, whose structured clone costs seconds
// for 100 MB (see IMPORT.md). A file mixing geometry kinds comes back as one
// part per kind (splitKinds.ts).

import sqlWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { CrsCandidate } from './crs/candidates.ts';
import type { SourceCrs } from './crs/crsGuess.ts';
import type { ImportStage, ImportStats } from './importData.ts';
import { importFiles, type InputFile } from './importFiles.ts';
import { makeIssue, type Issue } from './messages.ts';
import { splitByKind, type BBox } from './splitKinds.ts';
import { summariseFields, type FieldSummary } from './summary.ts';
import type { GeometryKind } from '../catalog/types.ts';

export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export interface ImportRequest {
  type: 'import';
  id: number;
  name: string;
  file?: Blob;
  buffer?: ArrayBuffer;
  /** Several files loaded together (a Shapefile's parts); `file`/`buffer` are then unused. */
  files?: { name: string; file: Blob }[];
  options: { crs?: SourceCrs; from?: string; sheet?: string; dropInvalid?: boolean; region?: [number, number, number, number] | null };
}

export type WorkerStage = 'reading' | ImportStage;

export interface ImportSummary extends ImportStats {
  name: string;
  sourceBytes: number;
  /** Size of the GeoJSON bytes sent back (all parts). */
  byteLength: number;
  warnings: Issue[];
  fields: FieldSummary[];
  /** Number of layers the files held (several Shapefiles in a zip, GeoPackage tables). */
  layerCount: number;
}

/** One drawable layer of an import: all features of one geometry kind. */
export interface ImportedPart {
  kind: GeometryKind;
  /** UTF-8 GeoJSON FeatureCollection. */
  blob: Blob;
  featureCount: number;
  bbox?: BBox;
  /** The layer of the source this part belongs to, when the source held several. */
  layerName?: string;
  /** Converted from (EPSG code and name), when not WGS84 lon/lat. */
  sourceCrs?: ImportStats['sourceCrs'];
  accuracy_m?: number;
  fields?: string[];
}

export type WorkerMessage =
  | { type: 'progress'; id: number; stage: WorkerStage; fraction?: number }
  | { type: 'done'; id: number; ok: true; parts: ImportedPart[]; summary: ImportSummary }
  | { type: 'done'; id: number; ok: false; errors: Issue[]; warnings: Issue[]; crsCandidates?: CrsCandidate[]; sheets?: string[] };

type Post = (m: WorkerMessage, transfer?: Transferable[]) => void;

async function readAll(file: Blob, onChunk: (fraction: number) => void): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let lastReported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, offset);
    offset += value.byteLength;
    if (offset - lastReported > file.size / 50) {
      lastReported = offset;
      onChunk(offset / file.size);
    }
  }
  return offset === out.byteLength ? out : out.subarray(0, offset);
}

export async function handleImport(req: ImportRequest, post: Post): Promise<void> {
  const { id } = req;
  const fail = (errors: Issue[], warnings: Issue[] = [], extra: { crsCandidates?: CrsCandidate[]; sheets?: string[] } = {}) =>
    post({ type: 'done', id, ok: false, errors, warnings, ...extra });
  try {
    const sources = req.files ?? [{ name: req.name, file: req.file, buffer: req.buffer }];
    const size = sources.reduce((n, s) => n + ((s as { buffer?: ArrayBuffer }).buffer?.byteLength ?? s.file?.size ?? 0), 0);
    if (size > MAX_IMPORT_BYTES) {
      return fail([makeIssue('file.too_large', { size: Math.round(size / 1048576), limit: MAX_IMPORT_BYTES / 1048576 })]);
    }
    post({ type: 'progress', id, stage: 'reading', fraction: 0 });
    const inputs: InputFile[] = [];
    let done = 0;
    for (const s of sources) {
      const buffer = (s as { buffer?: ArrayBuffer }).buffer;
      const bytes = buffer
        ? new Uint8Array(buffer)
        : s.file
          ? await readAll(s.file, (fraction) => post({ type: 'progress', id, stage: 'reading', fraction: (done + fraction * (s.file?.size ?? 0)) / Math.max(1, size) }))
          : new Uint8Array(0);
      done += bytes.byteLength;
      inputs.push({ name: s.name, bytes });
    }
    const r = await importFiles(inputs, {
      ...req.options,
      sqlWasmUrl,
      onProgress: (stage, fraction) => post({ type: 'progress', id, stage, fraction }),
    });
    if (!r.ok) return fail(r.errors, r.warnings, { crsCandidates: r.crsCandidates, sheets: r.sheets });
    const type = 'application/geo+json';
    const parts: ImportedPart[] = [];
    const single = inputs.length === 1 && r.layers.length === 1;
    for (const layer of r.layers) {
      const split = splitByKind(layer.data);
      const fields = summariseFields(layer.data).map((f) => f.name);
      const meta = { layerName: r.layers.length > 1 ? layer.name : undefined, sourceCrs: layer.stats.sourceCrs, accuracy_m: layer.stats.accuracy_m, fields };
      if (single && split.length === 1 && !layer.stats.rewritten && layer.stats.encoding === 'utf-8') {
        // The source bytes already are this GeoJSON: send them, minus any BOM.
        const bytes = inputs[0].bytes;
        const out = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
        parts.push({ kind: split[0].kind, blob: new Blob([out as Uint8Array<ArrayBuffer>], { type }), featureCount: layer.data.features.length, bbox: split[0].bbox, ...meta });
      } else {
        post({ type: 'progress', id, stage: 'serialising' });
        for (const p of split) parts.push({ kind: p.kind, blob: new Blob([JSON.stringify(p.fc)], { type }), featureCount: p.fc.features.length, bbox: p.bbox, ...meta });
      }
    }
    const first = r.layers[0];
    const summary: ImportSummary = {
      ...first.stats,
      featureCount: r.layers.reduce((n, l) => n + l.stats.featureCount, 0),
      dropped: r.layers.reduce((n, l) => n + l.stats.dropped, 0),
      name: req.name,
      sourceBytes: size,
      byteLength: parts.reduce((n, p) => n + p.blob.size, 0),
      warnings: [...r.warnings, ...r.layers.flatMap((l) => l.warnings)].slice(0, 200),
      fields: summariseFields(first.data),
      layerCount: r.layers.length,
    };
    post({ type: 'done', id, ok: true, parts, summary });
  } catch (e) {
    const detail = e instanceof RangeError ? `${e.message} (file too large or too complex for this browser)` : e instanceof Error ? e.message : String(e);
    fail([makeIssue('import.failed', { detail })]);
  }
}

// Wire up only when running as a worker (not when imported by tests).
declare const WorkerGlobalScope: unknown;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (ev: MessageEvent<ImportRequest>) => {
    if (ev.data?.type === 'import') void handleImport(ev.data, (m, transfer) => scope.postMessage(m, transfer ?? []));
  };
}
