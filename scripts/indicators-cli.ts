// npm run indicators -- [--units FILE] [--layer ID=FILE …] [--minutes 5|10|15] [--lang zh|en] [--population PROP]
// Prints the city health-check table (src/analysis/healthCheck.ts, the code the 体检 panel
// runs) as CSV on stdout, one row per unit and indicator with unit of measure, target,
// verdict, note, formula, sources and date. Units default to the 16 districts of public/geo
// (run `npm run data` first); layer ids: districts, shelters, parks, historic-blocks,
// plan-projects, and facilities (the layer for the third access indicator).
// Files go through the app's importer (GeoJSON or CSV with lon/lat). Problems are printed in
// English and Chinese on stderr with exit code 1; nothing is printed on stdout then.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { healthCheck } from '../src/analysis/healthCheck.ts';
import { healthCsv } from '../src/analysis/healthCsv.ts';
import { importBytes } from '../src/io/importData.ts';
import { describeIssue } from '../src/io/messages.ts';

const USAGE = 'usage: npm run indicators -- [--units FILE] [--layer ID=FILE …] [--minutes 5|10|15] [--lang zh|en] [--population PROP]';
const LAYER_IDS = ['districts', 'shelters', 'parks', 'historic-blocks', 'plan-projects', 'facilities'] as const;
type LayerId = (typeof LAYER_IDS)[number];
const root = join(fileURLToPath(import.meta.url), '..', '..');

class CliError extends Error {}
const fail = (en: string, zh: string): never => {
  throw new CliError(`${en} (${zh})`);
};

async function readLayerFile(file: string): Promise<FeatureCollection> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return fail(`${file}: cannot read (${code ?? 'error'})`, `${file}：无法读取（${code ?? '错误'}）`);
  }
  const r = importBytes(basename(file), bytes);
  if (!r.ok) return fail(r.errors.map((i) => `${file}: ${describeIssue(i)}`).join('\n'), `${file}：文件无效`);
  for (const w of r.warnings) process.stderr.write(`${file}: warning: ${describeIssue(w)}\n`);
  return r.data;
}

async function shipped(id: string): Promise<FeatureCollection | undefined> {
  try {
    return JSON.parse(await readFile(join(root, 'public', 'geo', `${id}.geojson`), 'utf8')) as FeatureCollection;
  } catch {
    return undefined;
  }
}

export function parseArgs(argv: string[]) {
  const out: { units?: string; layers: Partial<Record<LayerId, string>>; minutes: number; lang: 'zh' | 'en'; population?: string } = { layers: {}, minutes: 15, lang: 'zh' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i] ?? fail(`${a} needs a value; ${USAGE}`, `${a} 缺少取值`);
    if (a === '--units') out.units = next();
    else if (a === '--layer') {
      const v = next();
      const eq = v.indexOf('=');
      const id = v.slice(0, eq) as LayerId;
      if (eq < 1 || !LAYER_IDS.includes(id)) fail(`--layer ${v}: expected ID=FILE with ID one of ${LAYER_IDS.join(', ')}`, `--layer ${v}：应为 图层=文件，图层为 ${LAYER_IDS.join('、')} 之一`);
      out.layers[id] = v.slice(eq + 1);
    } else if (a === '--minutes') {
      const m = Number(next());
      if (![5, 10, 15].includes(m)) fail(`--minutes must be 5, 10 or 15`, `--minutes 只能是 5、10 或 15`);
      out.minutes = m;
    } else if (a === '--lang') {
      const l = next();
      if (l !== 'zh' && l !== 'en') fail(`--lang must be zh or en`, `--lang 只能是 zh 或 en`);
      out.lang = l as 'zh' | 'en';
    } else if (a === '--population') out.population = next();
    else if (a === '--help' || a === '-h') fail(USAGE, '用法见上');
    else fail(`unknown argument ${a}; ${USAGE}`, `未知参数 ${a}`);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const load = async (id: LayerId) => (args.layers[id] ? readLayerFile(args.layers[id]!) : id === 'facilities' ? undefined : shipped(id));
  const [districts, shelters, parks, historicBlocks, projects, facilities] = await Promise.all(LAYER_IDS.map(load));
  const units = args.units ? await readLayerFile(args.units) : districts;
  if (!units) fail('no units: run `npm run data` first or pass --units FILE', '没有体检单元：请先运行 npm run data，或用 --units 指定文件');
  const unitsName = args.units ? basename(args.units) : null;
  const table = healthCheck({
    units: units!,
    unitsLabel: unitsName ? { zh: unitsName, en: unitsName } : { zh: '行政区', en: 'Districts' },
    populationProperty: args.population,
    censusFallback: !args.units,
    populationLayer: districts,
    shelters, parks, historicBlocks, projects, minutes: args.minutes,
    facilities: facilities ? { label: { zh: basename(args.layers.facilities!), en: basename(args.layers.facilities!) }, fc: facilities } : undefined,
  });
  process.stdout.write(healthCsv(table, args.lang, { bom: false }));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (内部错误)`}\n`);
  process.exit(1);
});
