// npm run convert -- IN [IN…] -o OUT [--from EPSG:n] [--to EPSG:n] [--sheet NAME]
// Converts planners' files with the app's own pipeline (importFiles: read,
// identify the CRS, convert to WGS84, validate), then writes OUT in the format
// its extension names: .geojson, .shp.zip, .kml, .gpkg or .fgb, in WGS84 or
// the CRS given with --to (e.g. EPSG:4548, CGCS2000 GK CM 117°E).
// Several INs are one load (a Shapefile's .shp/.dbf/.prj/.cpg). A source with
// several layers writes OUT_<layer>.<ext> for each.
// Exit 0 on success; 1 with one located line per problem (bilingual), never a stack trace.

import { writeFile } from 'node:fs/promises';
import { crsByEpsg } from '../src/io/crs/registry.ts';
import { EXPORT_EXTENSIONS, formatFromName, writeLayer } from '../src/io/exportFormats.ts';
import { importFiles } from '../src/io/importFiles.ts';
import { describeIssue } from '../src/io/messages.ts';
import { readInputs } from './validate-cli.ts';
import { internalError, runIfMain } from './cli/runMain.ts';

const USAGE = 'usage: npm run convert -- IN [IN…] -o OUT.{geojson,shp.zip,kml,gpkg,fgb} [--from EPSG:n] [--to EPSG:n] [--sheet NAME]';

export async function main(args: string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  try {
    const inputs: string[] = [];
    let output = '';
    let from: string | undefined;
    let to = 'EPSG:4326';
    let sheet: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-o' || a === '--out') output = args[++i] ?? '';
      else if (a === '--from') from = args[++i] ?? '';
      else if (a === '--to') to = args[++i] ?? '';
      else if (a === '--sheet') sheet = args[++i] ?? '';
      else if (a === '-h' || a === '--help') {
        out(USAGE);
        return 0;
      } else inputs.push(a);
    }
    if (!inputs.length || !output) {
      out(`${USAGE} (请给出输入文件和 -o 输出文件)`);
      return 1;
    }
    const format = formatFromName(output);
    if (!format) {
      out(`${output}: the output format follows the extension: ${Object.values(EXPORT_EXTENSIONS).join(', ')} (输出格式由扩展名决定)`);
      return 1;
    }
    const target = crsByEpsg(to);
    if (!target) {
      out(`--to ${to}: not a known coordinate system; e.g. EPSG:4326 or EPSG:4548 (未知坐标系)`);
      return 1;
    }
    if ((format === 'kml' || format === 'geojson') && target.epsg !== 4326) {
      out(`${output}: ${format === 'kml' ? 'KML' : 'GeoJSON (RFC 7946)'} is always WGS84 (EPSG:4326); use .shp.zip, .gpkg or .fgb for EPSG:${target.epsg} (该格式只能是 WGS84)`);
      return 1;
    }
    const read = await readInputs(inputs);
    if (!read.ok) {
      out(`${inputs[0]}: ${describeIssue(read.issue)}`);
      return 1;
    }
    const r = await importFiles(read.files, { from, sheet });
    const name = inputs[0];
    if (!r.ok) {
      for (const e of r.errors) out(`${name}: ${describeIssue(e)}`);
      for (const w of r.warnings) out(`${name}: warning: ${describeIssue(w)}`);
      if (r.crsCandidates?.length) out(`${name}: choose with --from, e.g. ${r.crsCandidates.slice(0, 4).map((c) => `--from ${c.id} (${c.name.en})`).join(', ')} (用 --from 指定坐标系)`);
      if (r.sheets?.length) out(`${name}: sheets: ${r.sheets.join(', ')}; choose with --sheet (用 --sheet 选择工作表)`);
      return 1;
    }
    for (const w of [...r.warnings, ...r.layers.flatMap((l) => l.warnings)]) out(`${name}: warning: ${describeIssue(w)}`);
    const ext = EXPORT_EXTENSIONS[format];
    const stem = output.toLowerCase().endsWith(ext) ? output.slice(0, -ext.length) : output.replace(/\.[^./\\]+$/, '');
    for (const layer of r.layers) {
      const file = r.layers.length > 1 ? `${stem}_${layer.name.replace(/[\\/:*?"<>|]/g, '_')}${ext}` : output;
      const base = stem.replace(/^.*[\\/]/, '');
      const w = await writeLayer(layer.data.features, format, {
        name: r.layers.length > 1 ? layer.name : base,
        epsg: target.epsg,
        meta: { source: name, converted: new Date().toISOString(), from: layer.stats.sourceCrs?.id ?? 'EPSG:4326', app: 'Tianjin Renewal Map convert' },
      });
      await writeFile(file, w.bytes);
      const renamed = w.fields?.filter((f) => f.field !== f.property) ?? [];
      out(`${file}: ${layer.data.features.length} features, EPSG:${w.epsg}${renamed.length ? `; fields renamed for dBASE: ${renamed.map((f) => `${f.property} → ${f.field}`).join(', ')}` : ''} (已写出 ${layer.data.features.length} 个要素)`);
    }
    return 0;
  } catch (e) {
    out(internalError('convert', e));
    return 1;
  }
}

runIfMain(import.meta.url, 'convert', main);
