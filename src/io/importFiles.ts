// The one entry point for planners' files: names + bytes in (one file, or
// several chosen together such as a Shapefile's .shp/.dbf/.prj/.cpg, or a .zip
// holding several), one or more WGS84 layers out — or located bilingual
// issues, and then nothing at all (one bad part fails the whole load).
// Pure: no DOM, no worker globals; the data service (importParts), the validate and convert
// CLIs and the tests all call this.

import type { FeatureCollection } from 'geojson';
import type { CrsCandidate } from './crs/candidates.ts';
import { identifyPrj } from './crs/prj.ts';
import { crsByEpsg } from './crs/registry.ts';
import { readFgb, isFgb } from './formats/fgb.ts';
import { readGpkg, isSqlite } from './formats/gpkg.ts';
import { readGpx, readKml } from './formats/kml.ts';
import { readShapefile, type ShapefileSet } from './formats/shapefile.ts';
import { readXlsx } from './formats/xlsx.ts';
import { isZip, MAX_UNCOMPRESSED_BYTES, readZip } from './formats/zip.ts';
import { importBytes, importParsed, type ImportOptions, type ImportResult, type ImportStats, type ParsedSource } from './importData.ts';
import { IMPORT_EXTENSIONS } from './fileGroups.ts';
import { makeIssue, type Issue } from './messages.ts';
import { ImportCancelled } from './cancel.ts';

export { groupFileNames, IMPORT_EXTENSIONS } from './fileGroups.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportFilesOptions extends ImportOptions {
  /** Excel: sheet name or 0-based index; default the first. */
  sheet?: string | number;
  /** Browser: URL of sql.js's .wasm (GeoPackage). Node finds it itself. */
  sqlWasmUrl?: string;
  /** Zip-bomb guard, bytes (default MAX_UNCOMPRESSED_BYTES). */
  maxUncompressed?: number;
}

export interface ImportedLayer {
  name: string;
  data: FeatureCollection;
  warnings: Issue[];
  stats: ImportStats;
}

export type ImportFilesResult =
  | { ok: true; layers: ImportedLayer[]; warnings: Issue[] }
  | { ok: false; errors: Issue[]; warnings: Issue[]; crsCandidates?: CrsCandidate[]; sheets?: string[] };

const SHP_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg', 'sbn', 'sbx', 'qix', 'xml']);
const TEXT = new Set(['geojson', 'json', 'csv', 'txt', 'tsv', 'topojson']);

const extOf = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase() ?? '';
const baseOf = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
const withFile = (file: string) => (i: Issue): Issue => (i.file === undefined ? { ...i, file } : i);

interface Work {
  name: string;
  file: string;
  run: () => ImportResult | Promise<ImportResult | { layers: { name: string; result: ImportResult }[] }>;
}

export async function importFiles(files: InputFile[], opts: ImportFilesOptions = {}): Promise<ImportFilesResult> {
  const warnings: Issue[] = [];
  const errors: Issue[] = [];
  const flat: InputFile[] = [];
  for (const f of files) {
    const ext = extOf(f.name);
    if (ext === 'zip' || (!IMPORT_EXTENSIONS.includes(`.${ext}`) && ext !== 'kmz' && ext !== 'xlsx' && isZip(f.bytes))) {
      const z = readZip(f.bytes, f.name, opts.maxUncompressed ?? MAX_UNCOMPRESSED_BYTES);
      if (!z.ok) return { ok: false, errors: [z.error], warnings };
      // Sidecar metadata (this app's "*.metadata.json" beside an exported Shapefile) is not a layer.
      const usable = z.entries.filter((e) => {
        const x = extOf(e.name);
        return !/\.metadata\.json$/i.test(e.name) && (SHP_PARTS.has(x) || (IMPORT_EXTENSIONS.includes(`.${x}`) && x !== 'zip'));
      });
      if (!usable.length) {
        const list = z.entries.map((e) => e.name).slice(0, 12).join(', ') || '—';
        return { ok: false, errors: [makeIssue('zip.no_data', { list }, { file: f.name })], warnings };
      }
      flat.push(...usable.map((e) => ({ name: `${f.name}/${e.name}`, bytes: e.bytes })));
    } else flat.push(f);
  }

  // Shapefile parts travel together by their path without extension.
  const sets = new Map<string, ShapefileSet & { file: string }>();
  const work: Work[] = [];
  const dec = new TextDecoder();
  for (const f of flat) {
    const ext = extOf(f.name);
    if (SHP_PARTS.has(ext)) {
      if (ext === 'xml' || ext === 'sbn' || ext === 'sbx' || ext === 'qix') continue;
      const key = f.name.slice(0, -(ext.length + 1)).toLowerCase();
      const set = sets.get(key) ?? { base: f.name.slice(0, -(ext.length + 1)).replace(/^.*[\\/]/, ''), file: f.name.slice(0, -(ext.length + 1)) };
      if (ext === 'shp' || ext === 'dbf' || ext === 'shx') set[ext] = f.bytes;
      else if (ext === 'prj' || ext === 'cpg') set[ext] = dec.decode(f.bytes);
      sets.set(key, set);
      continue;
    }
    work.push(formatWork(f, ext, opts));
  }
  for (const set of sets.values()) {
    work.push({
      name: set.base,
      file: `${set.file}.shp`,
      run: () => {
        const r = readShapefile(set);
        if (!r.ok) return { ok: false, errors: r.errors, warnings: r.warnings };
        const declared: ParsedSource['declared'] = r.prj ? (r.prj.ok ? { def: r.prj.def } : { unknown: r.prj.name, file: `${set.base}.prj` }) : undefined;
        return importParsed({ format: 'shapefile', encoding: r.encoding, value: r.data, declared, changed: true }, opts, r.warnings);
      },
    });
  }
  if (!work.length) return { ok: false, errors: [makeIssue('file.empty')], warnings };

  const layers: ImportedLayer[] = [];
  let crsCandidates: CrsCandidate[] | undefined;
  let sheets: string[] | undefined;
  for (const w of work) {
    let out: Awaited<ReturnType<Work['run']>>;
    try {
      out = await w.run();
    } catch (e) {
      if (e instanceof ImportCancelled) throw e;
      out = { ok: false, errors: [makeIssue('import.failed', { detail: e instanceof Error ? e.message : String(e) })], warnings: [] };
    }
    const list = 'layers' in out ? out.layers : [{ name: w.name, result: out }];
    for (const { name, result } of list) {
      const tag = withFile(name === w.name ? w.file : `${w.file} [${name}]`);
      if (result.ok) layers.push({ name, data: result.data, warnings: result.warnings.map(tag), stats: result.stats });
      else {
        errors.push(...result.errors.map(tag));
        warnings.push(...result.warnings.map(tag));
        crsCandidates ??= result.crsCandidates;
        sheets ??= result.sheets;
      }
    }
  }
  if (errors.length) return { ok: false, errors, warnings, ...(crsCandidates ? { crsCandidates } : {}), ...(sheets ? { sheets } : {}) };
  return { ok: true, layers, warnings };
}

function formatWork(f: InputFile, ext: string, opts: ImportFilesOptions): Work {
  const name = baseOf(f.name);
  const file = f.name;
  const fail = (i: Issue): ImportResult => ({ ok: false, errors: [i], warnings: [] });
  const text = () => new TextDecoder().decode(f.bytes).replace(/^\uFEFF/, '');
  const xml = (kind: 'kml' | 'gpx', body: string): ImportResult => {
    const r = kind === 'kml' ? readKml(body, file) : readGpx(body, file);
    if (!r.ok) return fail(r.error);
    return importParsed({ format: kind, encoding: 'utf-8', value: r.data, declared: { def: crsByEpsg(4326)! }, changed: true }, { ...opts, from: undefined, crs: 'WGS84' });
  };
  if (ext === 'kml') return { name, file, run: () => xml('kml', text()) };
  if (ext === 'gpx') return { name, file, run: () => xml('gpx', text()) };
  if (ext === 'kmz') {
    return {
      name,
      file,
      run: () => {
        const z = readZip(f.bytes, file, opts.maxUncompressed ?? MAX_UNCOMPRESSED_BYTES);
        if (!z.ok) return fail(z.error);
        const kmls = z.entries.filter((e) => extOf(e.name) === 'kml');
        const doc = kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0];
        if (!doc) return fail(makeIssue('kmz.no_kml', { list: z.entries.map((e) => e.name).slice(0, 12).join(', ') || '—' }, { file }));
        return xml('kml', new TextDecoder().decode(doc.bytes).replace(/^\uFEFF/, ''));
      },
    };
  }
  if (ext === 'xlsx') {
    return {
      name,
      file,
      run: async () => {
        const r = await readXlsx(f.bytes, file, opts.sheet);
        if (!r.ok) return { ok: false, errors: r.errors, warnings: r.warnings, sheets: r.sheets };
        const lines = r.rowLines;
        return importParsed({ format: 'xlsx', encoding: 'xlsx', value: r.data, lineOf: (i) => lines[i], changed: true, csvColumns: r.columns }, opts, [...r.warnings]);
      },
    };
  }
  if (ext === 'fgb' || (!TEXT.has(ext) && isFgb(f.bytes))) {
    return {
      name,
      file,
      run: async () => {
        const r = await readFgb(f.bytes, file);
        if (!r.ok) return fail(r.error);
        let declared: ParsedSource['declared'];
        if (r.crs && r.crs.code > 0) {
          const def = (r.crs.org ?? 'EPSG').toUpperCase() === 'EPSG' ? crsByEpsg(r.crs.code) : undefined;
          const m = !def && r.crs.wkt ? identifyPrj(r.crs.wkt) : null;
          declared = def ? { def } : m?.ok ? { def: m.def } : { unknown: `${r.crs.org ?? 'EPSG'}:${r.crs.code}`, file };
        }
        return importParsed({ format: 'fgb', encoding: 'utf-8', value: r.data, declared, changed: true }, opts);
      },
    };
  }
  if (ext === 'gpkg' || (!TEXT.has(ext) && isSqlite(f.bytes))) {
    return {
      name,
      file,
      run: async () => {
        const r = await readGpkg(f.bytes, file, opts.sqlWasmUrl);
        if (!r.ok) return fail(r.error);
        return {
          layers: r.layers.map((l) => ({
            name: r.layers.length > 1 ? l.table : name,
            result: importParsed({ format: 'gpkg', encoding: 'utf-8', value: l.data, declared: l.crs ?? undefined, changed: true }, opts),
          })),
        };
      },
    };
  }
  // GeoJSON, CSV, TopoJSON, or anything else: sniffed by content (binary files are named as such).
  return { name, file, run: () => importBytes(f.name, f.bytes, opts) };
}

