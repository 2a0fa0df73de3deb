// npm run validate -- [--json] [--crs GCJ02|BD09] FILE...
// Runs the app's importer on each file and prints one line per problem:
//   FILE: feature N: reason (中文)
//   FILE: warning: feature N: reason (中文)
// Exit code 0 when every file is valid (warnings allowed), 1 otherwise.
// Never prints a stack trace: every failure becomes a message line.

import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { importBytes, type ImportResult } from '../src/io/importData.ts';
import { describeIssue, makeIssue, type Issue } from '../src/io/messages.ts';
import type { SourceCrs } from '../src/io/crs/crsGuess.ts';

const USAGE = 'usage: npm run validate -- [--json] [--crs WGS84|GCJ02|BD09] FILE...';

interface FileReport {
  file: string;
  ok: boolean;
  featureCount?: number;
  errors: Issue[];
  warnings: Issue[];
}

async function checkFile(file: string, crs: SourceCrs): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const detail = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(code ?? e);
    return { file, ok: false, errors: [makeIssue('file.unreadable', { detail })], warnings: [] };
  }
  let r: ImportResult;
  try {
    r = importBytes(file, bytes, { crs });
  } catch (e) {
    const detail = `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { file, ok: false, errors: [makeIssue('geojson.invalid', { detail })], warnings: [] };
  }
  return r.ok
    ? { file, ok: true, featureCount: r.stats.featureCount, errors: [], warnings: r.warnings }
    : { file, ok: false, errors: r.errors, warnings: r.warnings };
}

export function formatReport(rep: FileReport): string[] {
  const lines = rep.errors.map((i) => `${rep.file}: ${describeIssue(i)}`);
  lines.push(...rep.warnings.map((i) => `${rep.file}: warning: ${describeIssue(i)}`));
  if (rep.ok) lines.push(`${rep.file}: valid, ${rep.featureCount} feature${rep.featureCount === 1 ? '' : 's'} (有效，${rep.featureCount} 个要素)`);
  return lines;
}

/** Run the CLI with `args` (no node/script prefix); returns the exit code. */
export async function main(args: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  try {
    let json = false;
    let crs: SourceCrs = 'WGS84';
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
      } else if (a === '--help' || a === '-h') {
        out(USAGE);
        return 0;
      } else files.push(a);
    }
    if (files.length === 0) {
      out(`${USAGE} (请给出要检查的文件)`);
      return 1;
    }
    const reports: FileReport[] = [];
    for (const f of files) reports.push(await checkFile(f, crs));
    if (json) out(JSON.stringify(reports, null, 2));
    else for (const r of reports) formatReport(r).forEach((l) => out(l));
    return reports.every((r) => r.ok) ? 0 : 1;
  } catch (e) {
    out(`validate: internal error: ${e instanceof Error ? e.message : String(e)} (内部错误)`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const fatal = (e: unknown) => {
    console.log(`validate: internal error: ${e instanceof Error ? e.message : String(e)} (内部错误)`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, fatal);
}
