// The body of an import, run where the layer will live (the data service
// worker): files in → read, decoded, parsed, validated, converted to WGS84 and
// split into one part per geometry kind, each part's features ready to hold.
// Nothing is parsed again: a part's features go straight to the data engine.
// Each part also comes with its GeoJSON as a Blob, for storage (IndexedDB): a
// handle on the source bytes when they already are that GeoJSON (one UTF-8
// file, nothing rewritten), else the part written out once, here.

import type { Feature, Geometry } from 'geojson';
import type { GeometryKind } from '../catalog/types.ts';
import type { CrsCandidate } from './crs/candidates.ts';
import type { SourceCrs } from './crs/crsGuess.ts';
import type { ImportStage, ImportStats } from './importData.ts';
import { ImportCancelled } from './cancel.ts';
import { importFiles, type InputFile } from './importFiles.ts';

export { ImportCancelled } from './cancel.ts';
import { makeIssue, type Issue } from './messages.ts';
import { splitByKind, type BBox } from './splitKinds.ts';
import { summariseFields, type FieldSummary } from './summary.ts';

/** Largest total input accepted, bytes. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export type WorkerStage = 'reading' | ImportStage;

export interface ImportOptionsWire {
  crs?: SourceCrs;
  /** Source CRS chosen by the user ("EPSG:4548", "GCJ02"…). */
  from?: string;
  sheet?: string;
  dropInvalid?: boolean;
  region?: [number, number, number, number] | null;
}

/** What to import: one file, its bytes, or several files loaded together (a Shapefile's parts). */
export interface ImportSourceWire {
  name: string;
  file?: Blob;
  buffer?: ArrayBuffer;
  files?: { name: string; file: Blob }[];
  options: ImportOptionsWire;
}

export interface ImportSummary extends ImportStats {
  name: string;
  sourceBytes: number;
  warnings: Issue[];
  fields: FieldSummary[];
  /** Number of layers the files held (several Shapefiles in a zip, GeoPackage tables). */
  layerCount: number;
}

/** What the main thread learns of one part (its features stay in the worker). */
export interface PartInfo {
  kind: GeometryKind;
  featureCount: number;
  bbox?: BBox;
  /** The layer of the source this part belongs to, when the source held several. */
  layerName?: string;
  /** Converted from (EPSG code and name), when not WGS84 lon/lat. */
  sourceCrs?: ImportStats['sourceCrs'];
  accuracy_m?: number;
  fields?: string[];
  /** The part as GeoJSON, for storage: the source bytes themselves when they are exactly that. */
  blob: Blob;
  /** True when `blob` is the source file itself (nothing was rewritten). */
  asGiven: boolean;
}

export interface ParsedPart extends PartInfo {
  features: Feature<Geometry | null>[];
}

export type ImportPartsResult =
  | { ok: true; parts: ParsedPart[]; summary: ImportSummary }
  | { ok: false; errors: Issue[]; warnings: Issue[]; crsCandidates?: CrsCandidate[]; sheets?: string[] };

export type ProgressFn = (stage: WorkerStage, fraction?: number) => void;


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

const GEOJSON = 'application/geo+json';
const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * Runs one import. `progress` may throw ImportCancelled to stop it; any other
 * failure comes back as a located message, never as a throw.
 */
export async function importParts(req: ImportSourceWire, progress: ProgressFn, sqlWasmUrl?: string): Promise<ImportPartsResult> {
  const fail = (errors: Issue[], warnings: Issue[] = [], extra: { crsCandidates?: CrsCandidate[]; sheets?: string[] } = {}): ImportPartsResult => ({ ok: false, errors, warnings, ...extra });
  try {
    const sources = req.files ?? [{ name: req.name, file: req.file, buffer: req.buffer }];
    const size = sources.reduce((n, s) => n + ((s as { buffer?: ArrayBuffer }).buffer?.byteLength ?? s.file?.size ?? 0), 0);
    if (size > MAX_IMPORT_BYTES) {
      return fail([makeIssue('file.too_large', { size: Math.round(size / 1048576), limit: MAX_IMPORT_BYTES / 1048576 })]);
    }
    progress('reading', 0);
    const inputs: InputFile[] = [];
    let done = 0;
    for (const s of sources) {
      const buffer = (s as { buffer?: ArrayBuffer }).buffer;
      const bytes = buffer
        ? new Uint8Array(buffer)
        : s.file
          ? await readAll(s.file, (fraction) => progress('reading', (done + fraction * (s.file?.size ?? 0)) / Math.max(1, size)))
          : new Uint8Array(0);
      done += bytes.byteLength;
      inputs.push({ name: s.name, bytes });
    }
    const r = await importFiles(inputs, { ...req.options, sqlWasmUrl, onProgress: (stage, fraction) => progress(stage, fraction) });
    if (!r.ok) return fail(r.errors, r.warnings, { crsCandidates: r.crsCandidates, sheets: r.sheets });
    const parts: ParsedPart[] = [];
    const single = inputs.length === 1 && r.layers.length === 1;
    for (const layer of r.layers) {
      const split = splitByKind(layer.data);
      const fields = summariseFields(layer.data).map((f) => f.name);
      const meta = { layerName: r.layers.length > 1 ? layer.name : undefined, sourceCrs: layer.stats.sourceCrs, accuracy_m: layer.stats.accuracy_m, fields };
      const passThrough = single && split.length === 1 && !layer.stats.rewritten && layer.stats.encoding === 'utf-8';
      for (const p of split) {
        let blob: Blob;
        if (passThrough) {
          // The source bytes already are this GeoJSON: keep a handle on them, minus any BOM.
          const src = sources[0].file;
          const bytes = inputs[0].bytes;
          const skip = hasBom(bytes) ? 3 : 0;
          blob = src ? src.slice(skip, src.size, GEOJSON) : new Blob([bytes.subarray(skip) as Uint8Array<ArrayBuffer>], { type: GEOJSON });
        } else {
          progress('serialising');
          blob = new Blob([JSON.stringify(p.fc)], { type: GEOJSON });
        }
        parts.push({ kind: p.kind, features: p.fc.features, featureCount: p.fc.features.length, bbox: p.bbox, ...meta, blob, asGiven: passThrough });
      }
    }
    const first = r.layers[0];
    const summary: ImportSummary = {
      ...first.stats,
      featureCount: r.layers.reduce((n, l) => n + l.stats.featureCount, 0),
      dropped: r.layers.reduce((n, l) => n + l.stats.dropped, 0),
      name: req.name,
      sourceBytes: size,
      warnings: [...r.warnings, ...r.layers.flatMap((l) => l.warnings)].slice(0, 200),
      fields: summariseFields(first.data),
      layerCount: r.layers.length,
    };
    return { ok: true, parts, summary };
  } catch (e) {
    if (e instanceof ImportCancelled) throw e;
    const detail = e instanceof RangeError ? `${e.message} (file too large or too complex for this browser)` : e instanceof Error ? e.message : String(e);
    return fail([makeIssue('import.failed', { detail })]);
  }
}
