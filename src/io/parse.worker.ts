// Web Worker: File/ArrayBuffer in → imported layer out, with progress.
// Everything heavy (read, decode, JSON.parse, validate, convert, serialise)
// happens here. The main thread gets the layer as one transferred ArrayBuffer
// of UTF-8 GeoJSON (zero-copy) plus a small summary — never the object graph,
// whose structured clone costs seconds for 100 MB (see IMPORT.md).

import type { SourceCrs } from './crs.ts';
import { importBytes, type ImportStage, type ImportStats } from './importData.ts';
import { makeIssue, type Issue } from './messages.ts';
import { summariseFields, type FieldSummary } from './summary.ts';

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
  /** Size of the GeoJSON bytes sent back. */
  byteLength: number;
  warnings: Issue[];
  fields: FieldSummary[];
}

export type WorkerMessage =
  | { type: 'progress'; id: number; stage: WorkerStage; fraction?: number }
  | { type: 'done'; id: number; ok: true; bytes: ArrayBuffer; summary: ImportSummary }
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

/** Exact-size buffer for a view (transferable without exposing other bytes). */
const ownBuffer = (v: Uint8Array): ArrayBuffer =>
  (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v.buffer : v.slice().buffer) as ArrayBuffer;

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
    let out: Uint8Array;
    if (!r.stats.rewritten && r.stats.encoding === 'utf-8') {
      // The source bytes already are this GeoJSON: send them, minus any BOM.
      out = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    } else {
      post({ type: 'progress', id, stage: 'serialising' });
      out = new TextEncoder().encode(JSON.stringify(r.data));
    }
    const buffer = ownBuffer(out);
    const summary: ImportSummary = {
      ...r.stats,
      name: req.name,
      sourceBytes: bytes.byteLength,
      byteLength: buffer.byteLength,
      warnings: r.warnings,
      fields: summariseFields(r.data),
    };
    post({ type: 'done', id, ok: true, bytes: buffer, summary }, [buffer]);
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
