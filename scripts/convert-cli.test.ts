import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../src/io/importFiles.ts';
import { main } from './convert-cli.ts';

const FX = 'tests/fixtures/formats/';
const STACK = /^\s+at\s/m;
const run = async (args: string[]) => {
  const lines: string[] = [];
  const code = await main(args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

describe('npm run convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'convert-'));

  it.each([
    ['out.shp.zip', 'EPSG:4548'],
    ['out.gpkg', 'EPSG:4548'],
    ['out.fgb', 'EPSG:4326'],
    ['out.kml', 'EPSG:4326'],
    ['out.geojson', 'EPSG:4326'],
  ])('GBK GK Shapefile → %s in %s, readable back at the same place', async (file, to) => {
    const out = join(dir, file);
    const r = await run([`${FX}shp-cgcs2000-gk117-gbk-nocpg.zip`, '-o', out, '--to', to]);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain(`${out}: 3 features, ${to}`);
    const back = await importFiles([{ name: file, bytes: new Uint8Array(readFileSync(out)) }]);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.layers[0].stats.sourceCrs?.id ?? 'EPSG:4326').toBe(to);
    const names = back.layers[0].data.features.map((f) => f.properties!.name);
    expect(names).toContain('五大道更新片区');
    const [x, y] = (back.layers[0].data.features.find((f) => f.properties!.name === '五大道更新片区')!.geometry as GeoJSON.Polygon).coordinates[0][0];
    expect(Math.abs(x - 117.2) + Math.abs(y - 39.1)).toBeLessThan(1e-6);
  });

  it('data without a CRS: exit 1, the located message and the --from choices; with --from it converts', async () => {
    const bad = await run([`${FX}shp-no-prj-gk117.zip`, '-o', join(dir, 'x.geojson')]);
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(/parcels\.shp, feature 0: The coordinates are not longitude\/latitude/);
    expect(bad.text).toContain('--from EPSG:4548');
    expect((await run([`${FX}shp-no-prj-gk117.zip`, '-o', join(dir, 'x.geojson'), '--from', 'EPSG:4548'])).code).toBe(0);
  });

  it('bad inputs and options exit 1 with bilingual lines', async () => {
    const trunc = await run([`${FX}shp-truncated.zip`, '-o', join(dir, 't.kml')]);
    expect(trunc.code).toBe(1);
    expect(trunc.text).toMatch(/parcels39\.shp, record 3: The \.shp is cut off.*\(\.shp 文件不完整/);
    expect((await run([`${FX}survey.kml`, '-o', join(dir, 'a.kml'), '--to', 'EPSG:4548'])).text).toMatch(/KML is always WGS84/);
    expect((await run([`${FX}survey.kml`, '-o', join(dir, 'a.dwg')])).code).toBe(1);
    expect((await run([`${FX}survey.kml`, '-o', join(dir, 'a.fgb'), '--to', 'EPSG:9'])).text).toMatch(/not a known coordinate system/);
    expect((await run([`${FX}nope.shp`, '-o', join(dir, 'a.fgb')])).text).toMatch(/no such file/);
  });

  it('as a process: exit code 1 and no stack trace on bad input', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/convert-cli.ts', `${FX}zip-bomb-declared.zip`, '-o', join(dir, 'b.geojson')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.stdout).toMatch(/zip bomb/);
  });
});
