// npm run validate -- [--json] [--crs GCJ02|BD09] [--from EPSG:n] [--sheet NAME] FILE...
// Runs the app's importer (importFiles: every format the data panel reads) on
// each file and prints one line per problem. A Shapefile's parts given
// together (a.shp a.dbf a.prj) are checked as one:
//   FILE: feature N: reason (中文)
//   FILE: warning: feature N: reason (中文)
// Exit code 0 when every file is valid (warnings allowed), 1 otherwise.
// Never prints a stack trace: every failure becomes a message line.

import { readFile } from 'node:fs/promises';
import { groupFileNames, importFiles, type ImportFilesResult, type InputFile } from '../src/io/importFiles.ts';
import { describeIssue, makeIssue, type Issue } from '../src/io/messages.ts';
import type { SourceCrs } from '../src/io/crs/crsGuess.ts';
import { internalError, runIfMain } from './cli/runMain.ts';

const USAGE = 'usage: npm run validate -- [--json] [--crs WGS84|GCJ02|BD09] [--from EPSG:n] [--sheet NAME] FILE...';

interface FileReport {
  file: string;
  ok: boolean;
  featureCount?: number;
  layers?: number;
  errors: Issue[];
  warnings: Issue[];
}

export async function readInputs(paths: string[]): Promise<{ ok: true; files: InputFile[] } | { ok: false; issue: Issue }> {
  const files: InputFile[] = [];
  for (const file of paths) {
    try {
      files.push({ name: file, bytes: new Uint8Array(await readFile(file)) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      const detail = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
      return { ok: false, issue: makeIssue('file.unreadable', { detail }) };
    }
  }
  return { ok: true, files };
}

async function checkFile(paths: string[], opts: { crs: SourceCrs; from?: string; sheet?: string }): Promise<FileReport> {
  const file = paths[0];
  const read = await readInputs(paths);
  if (!read.ok) return { file, ok: false, errors: [read.issue], warnings: [] };
  let r: ImportFilesResult;
  try {
    r = await importFiles(read.files, opts);
  } catch (e) {
    const detail = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { file, ok: false, errors: [makeIssue('geojson.invalid', { detail })], warnings: [] };
  }
  return r.ok
    ? { file, ok: true, featureCount: r.layers.reduce((n, l) => n + l.stats.featureCount, 0), layers: r.layers.length, errors: [], warnings: [...r.warnings, ...r.layers.flatMap((l) => l.warnings)] }
    : { file, ok: false, errors: r.errors, warnings: r.warnings };
}

/** Arguments → checks: a Shapefile's parts with the same base path go together. */
export const groupPaths = (paths: string[]): string[][] => groupFileNames(paths).map((g) => g.map((i) => paths[i]));

export function formatReport(rep: FileReport): string[] {
  // The file is named at the start of the line; repeat only a part of it (zip member, .dbf…).
  const d = (i: Issue) => describeIssue(i.file === rep.file ? { ...i, file: undefined } : i);
  const lines = rep.errors.map((i) => `${rep.file}: ${d(i)}`);
  lines.push(...rep.warnings.map((i) => `${rep.file}: warning: ${d(i)}`));
  const layers = rep.layers && rep.layers > 1 ? ` in ${rep.layers} layers` : '';
  const layersZh = rep.layers && rep.layers > 1 ? `，共 ${rep.layers} 个图层` : '';
  if (rep.ok) lines.push(`${rep.file}: valid, ${rep.featureCount} feature${rep.featureCount === 1 ? '' : 's'}${layers} (有效，${rep.featureCount} 个要素${layersZh})`);
  return lines;
}

/** Run the CLI with `args` (no node/script prefix); returns the exit code. */
export async function main(args: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  try {
    let json = false;
    let crs: SourceCrs = 'WGS84';
    let from: string | undefined;
    let sheet: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--json') json = true;
      else if (a === '--crs') {
        const v = (args[++i] ?? '').toUpperCase();
        if (v !== 'WGS84' && v !== 'GCJ02' && v !== 'BD09') {
          out(`--crs must be WGS84, GCJ02 or BD09 (--crs 须为 WGS84、GCJ02 或 BD09)`);
          return 1;
        }
        crs = v;
      } else if (a === '--from') from = args[++i] ?? '';
      else if (a === '--sheet') sheet = args[++i] ?? '';
      else if (a === '--help' || a === '-h') {
        out(USAGE);
        return 0;
      } else files.push(a);
    }
    if (files.length === 0) {
      out(`${USAGE} (请给出要检查的文件)`);
      return 1;
    }
    const reports: FileReport[] = [];
    for (const g of groupPaths(files)) reports.push(await checkFile(g, { crs, from, sheet }));
    if (json) out(JSON.stringify(reports, null, 2));
    else for (const r of reports) formatReport(r).forEach((l) => out(l));
    return reports.every((r) => r.ok) ? 0 : 1;
  } catch (e) {
    out(internalError('validate', e));
    return 1;
  }
}

runIfMain(import.meta.url, 'validate', main);
