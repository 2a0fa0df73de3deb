import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { HEADER, main } from './coverage-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'coverage-cli-'));
const file = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
// two 2 km squares side by side near 39.1°N, residents on each; one facility in the west one
const west = turf.bboxPolygon([117.2, 39.1, 117.223, 39.118], { properties: { name: '西区', pop: 1000 } });
const east = turf.bboxPolygon([117.223, 39.1, 117.246, 39.118], { properties: { name: '东区', pop: 3000 } });
const zones = file('zones.geojson', turf.featureCollection([west, east]));
const facilities = file('fac.csv', 'name,lon,lat\n站,117.21,39.109\n');

async function run(args: string[]) {
  let out = '';
  const errs: string[] = [];
  const code = await main(args, (t) => (out += t), (l) => errs.push(l));
  return { code, out, errs };
}

describe('npm run coverage', () => {
  it('prints the per-zone table as CSV, from any file the importer reads', async () => {
    const { code, out } = await run(['--facilities', facilities, '--zones', zones, '--minutes', '5', '--population', 'pop']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(HEADER.join(','));
    const west = lines[1].split(',');
    expect(west[0]).toBe('西区');
    // 5 minutes at 4 km/h = 333 m, / 1.3 = 256 m: one disc inside the zone
    const disc = (Math.PI * (1000 / 3 / 1.3) ** 2) / 1e6;
    expect(Math.abs(Number(west[2]) - disc) / disc).toBeLessThan(0.01);
    expect(Number(west[5])).toBeCloseTo((1000 * Number(west[2])) / Number(west[1]), -1);
    expect(west[6]).toBe('1');
    expect(Number(west[7])).toBeLessThanOrEqual(15);
    expect(lines[2].split(',').slice(0, 3)).toEqual(['东区', lines[2].split(',')[1], '0']);
    expect(lines).toHaveLength(4);
  });

  it('reads zones from a zipped Shapefile in EPSG:4548 through the import pipeline', async () => {
    const shp = join('tests', 'fixtures', 'formats', 'shp-cgcs2000-gk117-gbk-nocpg.zip');
    const { code, out } = await run(['--facilities', facilities, '--zones', shp, '--minutes', '15']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(1)) expect(Number(l.split(',')[1])).toBeGreaterThan(0);
  });

  it('exits 1 with a located, bilingual message on bad input', async () => {
    const bad = file('bad.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[117.2]}}]}');
    const cases: [string[], RegExp][] = [
      [['--facilities', bad, '--zones', zones, '--minutes', '5'], /--facilities: .*bad\.geojson, feature 0: .*\(.*坐标/],
      [['--facilities', join(dir, 'none.geojson'), '--zones', zones, '--minutes', '5'], /none\.geojson: no such file \(文件不存在\)/],
      [['--facilities', facilities, '--zones', facilities, '--minutes', '5'], /--zones .*fac\.csv: no Polygon .*面要素/],
      [['--facilities', facilities, '--zones', zones, '--minutes', 'abc'], /--minutes "abc": must be a number .*须为/],
      [['--facilities', facilities, '--zones', zones], /--minutes is required \(必须给出 --minutes\)/],
      [['--facilities', facilities, '--zones', zones, '--minutes', '5', '--population', 'nobody'], /--population "nobody".*该属性/],
      [['--bogus', 'x'], /unknown option "--bogus"/],
    ];
    for (const [args, re] of cases) {
      const { code, out, errs } = await run(args);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(errs.join('\n')).toMatch(re);
      expect(errs.join('\n')).not.toMatch(/\n\s+at /);
    }
  });
});
