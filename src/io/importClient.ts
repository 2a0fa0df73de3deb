// Main-thread side of the import worker. One worker per import: cancelling
// terminates it at once, whatever it is doing, and nothing is returned, so a
// cancelled or failed load cannot touch existing layers.

import type { CrsCandidate } from './crs/candidates.ts';
import type { SourceCrs } from './crs/crsGuess.ts';
import { makeIssue, type Issue } from './messages.ts';
import type { ImportedPart, ImportRequest, ImportSummary, WorkerMessage, WorkerStage } from './parse.worker.ts';

export type { ImportedPart, ImportSummary, WorkerStage } from './parse.worker.ts';

export interface ImportProgress {
  stage: WorkerStage;
  /** Overall progress 0…1 across all stages. */
  fraction: number;
}

export type ImportOutcome =
  | { ok: true; parts: ImportedPart[]; summary: ImportSummary }
  | { ok: false; cancelled: boolean; errors: Issue[]; warnings: Issue[]; crsCandidates?: CrsCandidate[]; sheets?: string[] };

export interface ImportHandle {
  promise: Promise<ImportOutcome>;
  cancel(): void;
}

export interface StartImportOptions {
  name?: string;
  crs?: SourceCrs;
  /** Source CRS chosen by the user ("EPSG:4548", "GCJ02"…), for data with none or an unknown one. */
  from?: string;
  /** Excel sheet name. */
  sheet?: string;
  dropInvalid?: boolean;
  region?: [number, number, number, number] | null;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** For tests and custom bundling. */
  createWorker?: () => Worker;
}

const STAGES: Record<WorkerStage, [number, number]> = {
  reading: [0, 0.15],
  decoding: [0.15, 0.2],
  parsing: [0.2, 0.45],
  validating: [0.45, 0.8],
  converting: [0.8, 0.9],
  serialising: [0.9, 1],
};

/** Map a stage and its own fraction onto one 0…1 bar. */
export function overallProgress(stage: WorkerStage, fraction = 0): number {
  const [a, b] = STAGES[stage];
  return a + (b - a) * Math.min(1, Math.max(0, fraction));
}

const defaultWorker = () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'import' });

let nextId = 1;

/** Files loaded together (a Shapefile's .shp/.dbf/.prj/.cpg). */
export type ImportSource = Blob | ArrayBuffer | { name: string; file: Blob }[];

export function startImport(source: ImportSource, opts: StartImportOptions = {}): ImportHandle {
  const id = nextId++;
  const worker = (opts.createWorker ?? defaultWorker)();
  let settle!: (o: ImportOutcome) => void;
  let settled = false;
  const promise = new Promise<ImportOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      opts.signal?.removeEventListener('abort', cancel);
      resolve(o);
    };
  });
  const cancel = () => settle({ ok: false, cancelled: true, errors: [makeIssue('import.cancelled')], warnings: [] });
  if (opts.signal?.aborted) cancel();
  opts.signal?.addEventListener('abort', cancel);

  let lastFraction = 0;
  worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
    const m = ev.data;
    if (!m || m.id !== id || settled) return;
    if (m.type === 'progress') {
      lastFraction = Math.max(lastFraction, overallProgress(m.stage, m.fraction));
      opts.onProgress?.({ stage: m.stage, fraction: lastFraction });
    } else if (m.ok) {
      opts.onProgress?.({ stage: 'serialising', fraction: 1 });
      settle({ ok: true, parts: m.parts, summary: m.summary });
    } else settle({ ok: false, cancelled: false, errors: m.errors, warnings: m.warnings, crsCandidates: m.crsCandidates, sheets: m.sheets });
  };
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault?.();
    settle({ ok: false, cancelled: false, errors: [makeIssue('import.failed', { detail: ev.message || 'worker error' })], warnings: [] });
  };

  if (!settled) {
    const name = opts.name ?? (Array.isArray(source) ? source[0]?.name : (source as File).name) ?? 'data';
    const options = { crs: opts.crs, from: opts.from, sheet: opts.sheet, dropInvalid: opts.dropInvalid, region: opts.region };
    const req: ImportRequest = Array.isArray(source)
      ? { type: 'import', id, name, files: source, options }
      : source instanceof ArrayBuffer
        ? { type: 'import', id, name, buffer: source, options }
        : { type: 'import', id, name, file: source, options: options };
    worker.postMessage(req, source instanceof ArrayBuffer ? [source] : []);
  }
  return { promise, cancel };
}

/** Parse a part on the calling thread only when small (≤ 2 MB ≈ tens of ms); null otherwise. */
export async function parseIfSmall<T = unknown>(blob: Blob, maxBytes = 2_000_000): Promise<T | null> {
  if (blob.size > maxBytes) return null;
  return JSON.parse(await blob.text()) as T;
}
