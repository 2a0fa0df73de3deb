// The page's view of an import: the request sent to the data service (which
// runs the import where the layer will live, see data/importJob.ts), progress
// mapped onto one bar, and the outcome. Pure: no worker, no DOM.

import type { CrsCandidate } from './crs/candidates.ts';
import type { SourceCrs } from './crs/crsGuess.ts';
import type { Issue } from './messages.ts';
import type { ImportSourceWire, ImportSummary, PartInfo, WorkerStage } from './importParts.ts';

export type { ImportSummary, WorkerStage } from './importParts.ts';

export interface ImportProgress {
  stage: WorkerStage;
  /** Overall progress 0…1 across all stages. */
  fraction: number;
}

/** One drawable layer of an import, held by the data service under `key` until adopted. */
export interface ImportedPart extends PartInfo {
  key: string;
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
}

const STAGES: Record<WorkerStage, [number, number]> = {
  reading: [0, 0.15],
  decoding: [0.15, 0.2],
  parsing: [0.2, 0.45],
  validating: [0.45, 0.9],
  converting: [0.9, 0.97],
  serialising: [0.97, 1],
};

/** Map a stage and its own fraction onto one 0…1 bar. */
export function overallProgress(stage: WorkerStage, fraction = 0): number {
  const [a, b] = STAGES[stage];
  return a + (b - a) * Math.min(1, Math.max(0, fraction));
}

/** Files loaded together (a Shapefile's .shp/.dbf/.prj/.cpg). */
export type ImportSource = Blob | ArrayBuffer | { name: string; file: Blob }[];

/** The request for the worker: the file(s) as handles (Blobs) or the bytes (transferred), and the options. */
export function importRequest(source: ImportSource, opts: StartImportOptions): { wire: ImportSourceWire; transfer: Transferable[] } {
  const name = opts.name ?? (Array.isArray(source) ? source[0]?.name : (source as File).name) ?? 'data';
  const options = { crs: opts.crs, from: opts.from, sheet: opts.sheet, dropInvalid: opts.dropInvalid, region: opts.region };
  if (Array.isArray(source)) return { wire: { name, files: source, options }, transfer: [] };
  if (source instanceof ArrayBuffer) return { wire: { name, buffer: source, options }, transfer: [source] };
  return { wire: { name, file: source, options }, transfer: [] };
}
