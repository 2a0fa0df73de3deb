// Web Worker: File/ArrayBuffer in → imported layer out, with progress.
// Everything heavy (read, decode, JSON.parse, validate, convert, serialise,
// and building the Blob) happens here. The main thread gets each layer as a
// Blob of UTF-8 GeoJSON (a handle: nothing is copied on the main thread) plus a
// small summary — never the object graph, whose structured clone costs seconds
// for 100 MB (see IMPORT.md). A file mixing geometry kinds comes back as one
// part per kind (splitKinds.ts).

import type { SourceCrs } from './crs/crsGuess.ts';
import { importBytes, type ImportStage, type ImportStats } from './importData.ts';
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
  options: { crs?: SourceCrs; dropInvalid?: boolean; region?: [number, number, number, number] | null };
}

export type WorkerStage = 'reading' | ImportStage;

export interface ImportSummary extends ImportStats {
  name: string;
  sourceBytes: number;
  /** Size of the GeoJSON bytes sent back (all parts). */
  byteLength: number;
  warnings: Issue[];
  fields: FieldSummary[];
}

/** One drawable layer of an import: all features of one geometry kind. */
export interface ImportedPart {
  kind: GeometryKind;
  /** UTF-8 GeoJSON FeatureCollection. */
  blob: Blob;
  featureCount: number;
  bbox?: BBox;
}

export type WorkerMessage =
  | { type: 'progress'; id: number; stage: WorkerStage; fraction?: number }
  | { type: 'done'; id: number; ok: true; parts: ImportedPart[]; summary: ImportSummary }
  | { type: 'done'; id: number; ok: false; errors: Issue[]; warnings: Issue[] };

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
  const fail = (errors: Issue[], warnings: Issue[] = []) => post({ type: 'done', id, ok: false, errors, warnings });
  try {
    const size = req.buffer?.byteLength ?? req.file?.size ?? 0;
    if (size > MAX_IMPORT_BYTES) {
      return fail([makeIssue('file.too_large', { size: Math.round(size / 1048576), limit: MAX_IMPORT_BYTES / 1048576 })]);
    }
    post({ type: 'progress', id, stage: 'reading', fraction: 0 });
    const bytes = req.buffer
      ? new Uint8Array(req.buffer)
      : req.file
        ? await readAll(req.file, (fraction) => post({ type: 'progress', id, stage: 'reading', fraction }))
        : new Uint8Array(0);
    const r = importBytes(req.name, bytes, {
      ...req.options,
      onProgress: (stage, fraction) => post({ type: 'progress', id, stage, fraction }),
    });
    if (!r.ok) return fail(r.errors, r.warnings);
    const split = splitByKind(r.data);
    let parts: ImportedPart[];
    const type = 'application/geo+json';
    if (split.length === 1 && !r.stats.rewritten && r.stats.encoding === 'utf-8') {
      // The source bytes already are this GeoJSON: send them, minus any BOM.
      const out = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
      parts = [{ kind: split[0].kind, blob: new Blob([out as Uint8Array<ArrayBuffer>], { type }), featureCount: r.data.features.length, bbox: split[0].bbox }];
    } else {
      post({ type: 'progress', id, stage: 'serialising' });
      parts = split.map((p) => ({ kind: p.kind, blob: new Blob([JSON.stringify(p.fc)], { type }), featureCount: p.fc.features.length, bbox: p.bbox }));
    }
    const summary: ImportSummary = {
      ...r.stats,
      name: req.name,
      sourceBytes: bytes.byteLength,
      byteLength: parts.reduce((n, p) => n + p.blob.size, 0),
      warnings: r.warnings,
      fields: summariseFields(r.data),
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
