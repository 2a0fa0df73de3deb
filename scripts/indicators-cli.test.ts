// The CLI prints exactly what the panel's code computes for the same inputs.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { healthCheck } from '../src/analysis/healthCheck';
import { healthCsv } from '../src/analysis/healthCsv';

const run = promisify(execFile);
const root = join(__dirname, '..');
const fx = (f: string) => join(root, 'tests', 'fixtures', 'health', f);
const cli = (args: string[]) => run(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'indicators-cli.ts'), ...args], { cwd: root });

describe('npm run indicators', () => {
  it('prints the health-check CSV of the given units and layers', async () => {
    const units = fx('streets-three-one-without-population.geojson');
    const shelters = fx('shelters-one-without-area.geojson');
    const { stdout } = await cli(['--units', units, '--layer', `shelters=${shelters}`, '--layer', `parks=${units}`, '--minutes', '10', '--lang', 'en']);
    const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as FeatureCollection;
    const name = 'streets-three-one-without-population.geojson';
    const expected = healthCsv(healthCheck({
      units: read(units), unitsLabel: { zh: name, en: name }, censusFallback: false, minutes: 10,
      shelters: read(shelters), parks: read(units), populationLayer: (await import('node:fs')).existsSync(join(root, 'public/geo/districts.geojson')) ? read(join(root, 'public/geo/districts.geojson')) : undefined,
      historicBlocks: tryRead('historic-blocks'), projects: tryRead('plan-projects'),
    }), 'en', { bom: false });
    expect(stdout).toBe(expected);
    expect(stdout).toMatch(/甲街道,shelter_per_capita,.*,1\.5,.*,meets,/);
    expect(stdout).toMatch(/丙镇,population,Resident population,no data,/);
  });
  it('says what is wrong, in English and Chinese, and exits 1', async () => {
    await expect(cli(['--minutes', '7'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--minutes must be 5, 10 or 15 (--minutes 只能是 5、10 或 15)') });
    await expect(cli(['--layer', 'bogus=x.geojson'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('expected ID=FILE') });
    await expect(cli(['--units', fx('nope.geojson')])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read') });
  });
});

function tryRead(id: string): FeatureCollection | undefined {
  try {
    return JSON.parse(readFileSync(join(root, 'public', 'geo', `${id}.geojson`), 'utf8')) as FeatureCollection;
  } catch {
    return undefined;
  }
}
