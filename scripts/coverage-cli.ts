// npm run coverage -- --facilities FILE --zones FILE --minutes 15 [--speed 4] [--detour 1.3]
//                     [--network FILE] [--level ATTR] [--population ATTR]
// The app's coverage engine from the command line. Files are read through the
// app's import pipeline (importFiles: GeoJSON, CSV, zipped Shapefile, KML/KMZ,
// GeoPackage, … with their coordinate systems). Prints the per-zone table as
// CSV (UTF-8, no BOM) on stdout, then a total row over the union of the zones.
// Exit code 1 with a located message, in English and Chinese, on bad input;
// never a stack trace.
import { readFile } from 'node:fs/promises';
import type { FeatureCollection } from 'geojson';
import { computeCoverage, type CoverageResult, type CoverageZoneRow } from '../src/analysis/coverage.ts';
import { toCsv } from '../src/analysis/coverageCsv.ts';
import { computeNetwork } from '../src/analysis/network.ts';
import { DEFAULT_DETOUR, DEFAULT_SPEED_KMH, reachMeters, walkMeters } from '../src/analysis/presets.ts';
import { importFiles } from '../src/io/importFiles.ts';
import { describeIssue } from '../src/io/messages.ts';
import { internalError, runIfMain } from './cli/runMain.ts';

const USAGE =
  'usage: npm run coverage -- --facilities FILE --zones FILE --minutes N [--speed KMH] [--detour F] [--network FILE] [--level ATTR] [--population ATTR]';

export const HEADER = ['zone', 'area_km2', 'covered_km2', 'covered_pct', 'residents', 'covered_residents', 'facilities', 'resolution_m', 'error_bound_km2'];

/** A bad-input stop: the message is already located and bilingual. */
class InputError extends Error {}

interface Args {
  facilities: string;
  zones: string;
  minutes: number;
  speed: number;
  detour: number;
  network?: string;
  level?: string;
  population?: string;
}

const NUMERIC: Record<string, [number, number]> = { '--minutes': [1, 120], '--speed': [1, 8], '--detour': [1, 3] };
const FLAGS = new Set(['--facilities', '--zones', '--minutes', '--speed', '--detour', '--network', '--level', '--population']);

export function parseArgs(argv: string[]): Args {
  const v: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!FLAGS.has(a)) throw new InputError(`argument ${i + 1}: unknown option ${JSON.stringify(a)} (第 ${i + 1} 个参数：未知选项)\n${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || FLAGS.has(value)) throw new InputError(`${a}: a value is missing (${a} 缺少取值)`);
    v[a] = value;
    i++;
  }
  for (const need of ['--facilities', '--zones', '--minutes']) {
    if (v[need] === undefined) throw new InputError(`${need} is required (必须给出 ${need})\n${USAGE}`);
  }
  const num = (flag: string, dflt: number) => {
    if (v[flag] === undefined) return dflt;
    const n = Number(v[flag]);
    const [lo, hi] = NUMERIC[flag];
    if (!Number.isFinite(n) || n < lo || n > hi) {
      throw new InputError(`${flag} ${JSON.stringify(v[flag])}: must be a number from ${lo} to ${hi} (${flag} 须为 ${lo}–${hi} 之间的数)`);
    }
    return n;
  };
  return {
    facilities: v['--facilities'],
    zones: v['--zones'],
    minutes: num('--minutes', 15),
    speed: num('--speed', DEFAULT_SPEED_KMH),
    detour: num('--detour', DEFAULT_DETOUR),
    network: v['--network'],
    level: v['--level'],
    population: v['--population'],
  };
}

/** A file through the app's import pipeline (importFiles: every format it reads, zips, CRS from .prj); all its layers' features. */
async function load(role: string, file: string): Promise<FeatureCollection> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === 'ENOENT' ? 'no such file (文件不存在)' : code === 'EISDIR' ? 'is a directory (是目录)' : code === 'EACCES' ? 'permission denied (无权读取)' : `cannot be read: ${String(code ?? e)} (无法读取)`;
    throw new InputError(`${role} ${file}: ${why}`);
  }
  const r = await importFiles([{ name: file, bytes }], {});
  if (!r.ok) {
    const lines = r.errors.slice(0, 10).map((i) => (i.file ? `${role}: ${describeIssue(i)}` : `${role} ${file}: ${describeIssue(i)}`));
    if (r.crsCandidates?.length) lines.push(`${role} ${file}: no coordinate system is named; convert it first, e.g. npm run convert -- ${file} --from ${r.crsCandidates[0].id} -o out.geojson (未指明坐标系，请先转换)`);
    throw new InputError(lines.join('\n'));
  }
  return { type: 'FeatureCollection', features: r.layers.flatMap((l) => l.data.features) };
}

const kinds = (fc: FeatureCollection, re: RegExp) => fc.features.filter((f) => f.geometry && re.test(f.geometry.type)).length;
const round = (v: number | null, d: number) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

function row(name: string, r: Pick<CoverageZoneRow, 'areaM2' | 'coveredM2' | 'coveredPct' | 'population' | 'coveredPopulation' | 'facilities' | 'cellSizeM' | 'errorM2'>) {
  return [name, round(r.areaM2 / 1e6, 4), round(r.coveredM2 / 1e6, 4), round(r.coveredPct, 2), round(r.population, 0), round(r.coveredPopulation, 0), r.facilities, round(r.cellSizeM, 2), round(r.errorM2 / 1e6, 4)];
}

/** Run with `argv` (no node/script prefix); returns the exit code. */
export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t), err: (line: string) => void = (l) => console.error(l)): Promise<number> {
  try {
    const a = parseArgs(argv);
    const [facilities, zones, network] = await Promise.all([load('--facilities', a.facilities), load('--zones', a.zones), a.network ? load('--network', a.network) : undefined]);
    if (!kinds(zones, /Polygon$/)) throw new InputError(`--zones ${a.zones}: no Polygon or MultiPolygon features (没有面要素)`);
    if (!kinds(facilities, /./)) throw new InputError(`--facilities ${a.facilities}: no features with a geometry (没有带几何的要素)`);
    if (network && !kinds(network, /LineString$/)) throw new InputError(`--network ${a.network}: no LineString features (没有线要素)`);
    if (a.population && !zones.features.some((f) => f.properties && a.population! in f.properties)) {
      throw new InputError(`--population ${JSON.stringify(a.population)}: no zone in ${a.zones} has this attribute (分区中没有该属性)`);
    }
    const options = { skipPolygons: true, ...(a.population ? { populationProperty: a.population } : {}) };
    let res: CoverageResult;
    const notes: string[] = [];
    if (network) {
      const n = computeNetwork({ network, facilities, reachM: walkMeters(a.minutes, a.speed), area: zones, levelAttribute: a.level, coverageOptions: options });
      res = n.coverage!;
      if (n.unsnapped) notes.push(`${n.unsnapped} facilities farther than 300 m from the network left out: features ${n.unsnappedFacilities.slice(0, 20).join(', ')} (${n.unsnapped} 处设施距路网超过 300 米，未计入)`);
    } else {
      res = computeCoverage({ facilities, radiusM: reachMeters(a.minutes, a.speed, a.detour), area: zones, options });
    }
    const rows = res.perZone.map((z) => row(z.name, z));
    rows.push(row('total (合计，分区并集)', { ...res, areaM2: res.totalAreaM2, coveredM2: res.coveredAreaM2, facilities: res.facilityCount }));
    out(toCsv(HEADER, rows, { bom: false }).replace(/\r\n/g, '\n'));
    for (const z of res.perZone.filter((r) => r.refined)) notes.push(`zone ${z.name}: smaller than the grid, recomputed on ${z.cellSizeM.toFixed(2)} m cells (分区小于栅格，已用更细栅格计算)`);
    if (res.zonesOverlap) notes.push('zones overlap: the total counts shared area once (分区有重叠，合计按并集计算)');
    notes.forEach((l) => err(`coverage: ${l}`));
    return 0;
  } catch (e) {
    if (e instanceof InputError) err(`coverage: ${e.message}`);
    else err(internalError('coverage', e));
    return 1;
  }
}

runIfMain(import.meta.url, 'coverage', main, (l) => console.error(l));
